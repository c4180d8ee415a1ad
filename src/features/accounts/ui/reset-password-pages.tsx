import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { browserApi } from '../../../web/browser-api';
import { ProblemAlert } from '../../../web/components/problem-alert';
import { useFormAction } from '../../../web/components/use-form-action';
import { useLocale } from '../../../web/locale-context';

/** Ask for a reset link. The answer is the same for every address. */
export function RequestResetPage() {
  const { t } = useLocale();
  const request = useFormAction(async (fields) => {
    await browserApi.requestPasswordReset(String(fields.get('email') ?? ''));
    return true;
  });
  return (
    <div className="narrow stack">
      <Heading level={1} data-size="lg">
        {t('reset.title')}
      </Heading>
      <Paragraph>{t('reset.intro')}</Paragraph>
      {request.result && (
        <Alert data-color="success" role="status">
          {t('reset.sent')}
        </Alert>
      )}
      {request.error !== undefined && <ProblemAlert title={t('reset.failed')} error={request.error} />}
      <form onSubmit={request.onSubmit} className="stack">
        <Field>
          <Label htmlFor="reset-email">{t('account.email')}</Label>
          <Input id="reset-email" name="email" type="email" autoComplete="username" required />
        </Field>
        <div>
          <Button type="submit" disabled={request.busy}>
            {t('reset.send')}
          </Button>
        </div>
      </form>
    </div>
  );
}

export type CompleteResetData = { token: string };

/** Where the reset link leads: choose the new password. */
export function CompleteResetPage({ data }: { data: CompleteResetData }) {
  const { t } = useLocale();
  const complete = useFormAction(async (fields) => {
    await browserApi.completePasswordReset(data.token, String(fields.get('password') ?? ''));
    window.location.assign('/account');
  });
  return (
    <div className="narrow stack">
      <Heading level={1} data-size="lg">
        {t('reset.newTitle')}
      </Heading>
      <Paragraph>{t('reset.newIntro')}</Paragraph>
      {complete.error !== undefined && <ProblemAlert title={t('reset.failed')} error={complete.error} />}
      <form onSubmit={complete.onSubmit} className="stack">
        <Field>
          <Label htmlFor="reset-password">{t('accept.password')}</Label>
          <Field.Description>{t('password.rule')}</Field.Description>
          <Input id="reset-password" name="password" type="password" autoComplete="new-password" required />
        </Field>
        <div>
          <Button type="submit" disabled={complete.busy}>
            {t('reset.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
