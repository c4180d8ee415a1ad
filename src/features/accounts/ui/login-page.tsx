import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { safeReturnPath } from '../../../shared/return-path';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { pathAfterSignIn } from '../../programme/ui/after-sign-in';
import type { SingleSignOnFailure } from '../accounts.contract';
import { authMethods, login } from './api';
import { FAILURE_MESSAGES, isFailure } from './labels';
import { accountMessages } from './messages';
import { signUpMessages } from './sign-up-messages';

/** Where a sign-in with no page to return to lands: the person's clusters and what they can do. */
const HOME_PATH = '/home';

type LoginPageData = {
  /** Where to go once signed in: a path on this site. */
  next: string;
  /** The single sign-on provider's name, when one is configured. */
  singleSignOn: string | null;
  /** Why the last single sign-on failed, from the `sso_error` the API sent the browser back with. */
  ssoError: SingleSignOnFailure | null;
};

async function loadLoginPage(api: Api, { url }: PageInput): Promise<LoginPageData> {
  const methods = await api.call(authMethods);
  const ssoError = url.searchParams.get('sso_error');
  return {
    // Signing in from nowhere in particular lands on the person's own page.
    next: url.searchParams.has('next') ? safeReturnPath(url.searchParams.get('next')) : HOME_PATH,
    singleSignOn: methods.singleSignOn?.name ?? null,
    ssoError: isFailure(ssoError) ? ssoError : null,
  };
}

function LoginPage({ data }: { data: LoginPageData }) {
  const { t } = useLocale(accountMessages);
  const { t: tSignUp } = useLocale(signUpMessages);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const actor = await browserApi.call(login, {
        body: { email: String(form.get('email')), password: String(form.get('password')) },
      });
      // A full load, so every part of the page is drawn for the signed-in account.
      window.location.assign(await pathAfterSignIn(browserApi, actor, data.next));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('account.title')}
      </Heading>
      <Paragraph>{t('account.intro')}</Paragraph>
      {data.ssoError && (
        <Alert data-color="danger" role="alert">
          <Heading level={2} data-size="xs">
            {t('sso.failed')}
          </Heading>
          <Paragraph>{t(FAILURE_MESSAGES[data.ssoError])}</Paragraph>
        </Alert>
      )}
      {data.singleSignOn && (
        <>
          <div>
            {/* A plain link: the browser leaves for the provider, so the app does not handle it. */}
            <Button asChild variant="secondary">
              <a href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(data.next)}`}>
                {t('sso.button', { name: data.singleSignOn })}
              </a>
            </Button>
          </div>
          <Paragraph>{t('sso.orPassword')}</Paragraph>
        </>
      )}
      {error !== undefined && <ProblemAlert title={t('account.failed')} error={error} />}
      <form method="post" onSubmit={onSubmit} className="stack">
        <Field>
          <Label htmlFor="login-email">{t('account.email')}</Label>
          <Input id="login-email" name="email" type="email" autoComplete="username" required />
        </Field>
        <Field>
          <Label htmlFor="login-password">{t('account.password')}</Label>
          <Input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </Field>
        <div>
          <Button type="submit" disabled={busy}>
            {t('account.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link href="/reset-password">{t('account.forgot')}</Link>
      </Paragraph>
      <Paragraph>
        <Link href="/sign-up" data-testid="sign-up-link">
          {tSignUp('signUp.fromSignIn')}
        </Link>
      </Paragraph>
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: accountMessages,
  load: loadLoginPage,
  title: (_data, t) => t('account.title'),
  Component: LoginPage,
});
