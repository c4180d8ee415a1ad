import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import type { SignUpPreview } from '../sign-up.contract';
import { completeSignUp, previewSignUp } from './api';
import { accountMessages } from './messages';
import { signUpMessages } from './sign-up-messages';

type CompleteSignUpData = { token: string; signUp: SignUpPreview };

async function loadCompleteSignUp(
  api: Api,
  { params: { token } }: PageInput<'token'>,
): Promise<CompleteSignUpData> {
  return { token, signUp: await api.call(previewSignUp, { params: { token } }) };
}

const CLOSED = { used: 'signUp.state.used', expired: 'signUp.state.expired' } as const;

/** Where the sign-up link leads: choose a password, and the account exists. */
function CompleteSignUpPage({ data }: { data: CompleteSignUpData }) {
  const { locale, t } = useLocale(signUpMessages);
  const { t: tAccount } = useLocale(accountMessages);
  const { signUp, token } = data;
  const complete = useFormAction(async (fields) => {
    await browserApi.call(completeSignUp, {
      body: { token, password: String(fields.get('password') ?? '') },
    });
    window.location.assign('/account');
  });
  const closed = signUp.state !== 'open' ? CLOSED[signUp.state] : undefined;
  return (
    <div className="narrow stack">
      <Heading level={1} data-size="lg">
        {t('signUp.linkTitle')}
      </Heading>
      <Paragraph>{t('signUp.linkIntro', { name: signUp.name, email: signUp.email })}</Paragraph>
      {closed ? (
        <Alert data-color="warning" role="status">
          <Paragraph>{t(closed)}</Paragraph>
          <Paragraph>
            <Link href="/login">{t('account.signIn')}</Link> ·{' '}
            <Link href="/sign-up">{t('signUp.again')}</Link>
          </Paragraph>
        </Alert>
      ) : signUp.existingAccount ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t('signUp.existing', { email: signUp.email })}</Paragraph>
          <Paragraph>
            <Link href="/login">{t('account.signIn')}</Link> ·{' '}
            <Link href="/reset-password">{tAccount('account.forgot')}</Link>
          </Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm">
            {t('signUp.expires', { when: formatDateTime(signUp.expiresAt, locale) })}
          </Paragraph>
          {complete.error !== undefined && <ProblemAlert title={t('signUp.failed')} error={complete.error} />}
          <form onSubmit={complete.onSubmit} className="stack">
            <Field>
              <Label htmlFor="sign-up-password">{t('signUp.password')}</Label>
              <Field.Description>{tAccount('password.rule')}</Field.Description>
              <Input
                id="sign-up-password"
                name="password"
                type="password"
                autoComplete="new-password"
                required
              />
            </Field>
            <div>
              <Button type="submit" disabled={complete.busy}>
                {t('signUp.create')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: signUpMessages,
  load: loadCompleteSignUp,
  title: (_data, t) => t('signUp.linkTitle'),
  Component: CompleteSignUpPage,
});
