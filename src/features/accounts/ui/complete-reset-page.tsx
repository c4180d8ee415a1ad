import { Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { completePasswordReset } from './api';
import { accountMessages } from './messages';

type CompleteResetData = { token: string };

/** Where the reset link leads: choose the new password. */
function CompleteResetPage({ data }: { data: CompleteResetData }) {
  const { t } = useLocale(accountMessages);
  const complete = useFormAction(async (fields) => {
    await browserApi.call(completePasswordReset, {
      body: { token: data.token, password: String(fields.get('password') ?? '') },
    });
    window.location.assign('/account');
  });
  return (
    <div className="narrow stack">
      <Heading level={1} data-size="lg">
        {t('reset.newTitle')}
      </Heading>
      <Paragraph>{t('reset.newIntro')}</Paragraph>
      {complete.error !== undefined && <ProblemAlert title={t('reset.failed')} error={complete.error} />}
      <form onSubmit={complete.onSubmit} onInput={complete.onInput} className="stack">
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

/** The page needs nothing from the API: the token is checked when the new password is sent. */
async function loadCompleteReset(
  _api: unknown,
  { params: { token } }: PageInput<'token'>,
): Promise<CompleteResetData> {
  return { token };
}

export const page = definePage({
  source: import.meta.url,
  messages: accountMessages,
  load: loadCompleteReset,
  title: (_data, t) => t('reset.newTitle'),
  Component: CompleteResetPage,
});
