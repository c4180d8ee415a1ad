import { Alert, Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage } from '../../../web/kit/page';
import { requestPasswordReset } from './api';
import { accountMessages } from './messages';

/** Ask for a reset link. The answer is the same for every address. */
function RequestResetPage() {
  const { t } = useLocale(accountMessages);
  const request = useFormAction(async (fields) => {
    await browserApi.call(requestPasswordReset, { body: { email: String(fields.get('email') ?? '') } });
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
      <form onSubmit={request.onSubmit} onInput={request.onInput} className="stack">
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

export const page = definePage({
  source: import.meta.url,
  messages: accountMessages,
  load: async () => null,
  title: (_data, t) => t('reset.title'),
  Component: RequestResetPage,
});
