import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage } from '../../../web/kit/page';
import { authMethods, requestSignUp } from './api';
import { signUpMessages } from './sign-up-messages';

type SignUpPageData = { singleSignOn: string | null };

async function loadSignUp(api: Api): Promise<SignUpPageData> {
  const methods = await api.call(authMethods);
  return { singleSignOn: methods.singleSignOn?.name ?? null };
}

/**
 * Anyone may ask for an account: the answer is the same whatever the address, and the mail says
 * what comes next, in the language this page is read in.
 */
function SignUpPage({ data }: { data: SignUpPageData }) {
  const { locale, t } = useLocale(signUpMessages);
  const request = useFormAction(async (fields, form) => {
    await browserApi.call(requestSignUp, {
      body: {
        name: String(fields.get('name') ?? ''),
        email: String(fields.get('email') ?? ''),
        language: locale,
      },
    });
    form.reset();
    return true;
  });
  return (
    <div className="narrow stack">
      <Heading level={1} data-size="lg">
        {t('signUp.title')}
      </Heading>
      <Paragraph>{t('signUp.intro')}</Paragraph>
      {request.result && (
        <Alert data-color="success" role="status" data-testid="sign-up-sent">
          {t('signUp.sent')}
        </Alert>
      )}
      {request.error !== undefined && (
        <ProblemAlert
          title={t('signUp.failed')}
          error={request.error}
          labels={{ name: t('signUp.name'), email: t('signUp.email') }}
        />
      )}
      <form onSubmit={request.onSubmit} className="stack">
        <Field>
          <Label htmlFor="sign-up-name">{t('signUp.name')}</Label>
          <Input id="sign-up-name" name="name" autoComplete="name" required maxLength={200} />
        </Field>
        <Field>
          <Label htmlFor="sign-up-email">{t('signUp.email')}</Label>
          <Input id="sign-up-email" name="email" type="email" autoComplete="email" required maxLength={320} />
        </Field>
        <div>
          <Button type="submit" disabled={request.busy}>
            {t('signUp.submit')}
          </Button>
        </div>
      </form>
      {data.singleSignOn && (
        <Paragraph data-size="sm">{t('signUp.singleSignOn', { name: data.singleSignOn })}</Paragraph>
      )}
      <Paragraph>
        {t('signUp.haveAccount')} <Link href="/login">{t('account.signIn')}</Link>
      </Paragraph>
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: signUpMessages,
  load: loadSignUp,
  title: (_data, t) => t('signUp.title'),
  Component: SignUpPage,
});
