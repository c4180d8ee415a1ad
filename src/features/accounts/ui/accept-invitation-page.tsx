import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import type { InvitationPreview } from '../invitations.contract';
import { acceptInvitation, previewInvitation } from './api';
import { GrantList } from './grant-list';
import { CLOSED_INVITATION_MESSAGES } from './labels';
import { accountMessages } from './messages';

type AcceptInvitationData = { token: string; invitation: InvitationPreview };

async function loadAcceptInvitation(
  api: Api,
  { params: { token } }: PageInput<'token'>,
): Promise<AcceptInvitationData> {
  return { token, invitation: await api.call(previewInvitation, { params: { token } }) };
}

/** Where an invitation link leads: create the account, or add the roles to one's own. */
function AcceptInvitationPage({ data }: { data: AcceptInvitationData }) {
  const { locale, t } = useLocale(accountMessages);
  const viewer = useViewer();
  const { invitation, token } = data;
  const accept = useFormAction(async (fields) => {
    const name = String(fields.get('name') ?? '').trim();
    const password = String(fields.get('password') ?? '');
    await browserApi.call(acceptInvitation, {
      body: { token, ...(name ? { name } : {}), ...(password ? { password } : {}) },
    });
    window.location.assign('/account');
  });
  const signedInAsInvited =
    viewer.kind === 'account' && viewer.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <div className="narrow stack">
      <Heading level={1} data-size="lg">
        {t('accept.title')}
      </Heading>
      <Paragraph>{t('accept.intro', { name: invitation.name, email: invitation.email })}</Paragraph>
      <GrantList grants={invitation.grants} />
      {invitation.state !== 'open' ? (
        <Alert data-color="warning" role="status">
          {t(CLOSED_INVITATION_MESSAGES[invitation.state])}
        </Alert>
      ) : (
        <>
          <Paragraph data-size="sm">
            {t('accept.expires', { when: formatDateTime(invitation.expiresAt, locale) })}
          </Paragraph>
          {accept.error !== undefined && <ProblemAlert title={t('accept.failed')} error={accept.error} />}
          {invitation.existingAccount && !signedInAsInvited ? (
            <Paragraph>
              {t('accept.signInFirst', { email: invitation.email })}{' '}
              <Link href={`/login?next=${encodeURIComponent(`/invitations/${token}`)}`}>
                {t('account.signIn')}
              </Link>
            </Paragraph>
          ) : (
            <form onSubmit={accept.onSubmit} onInput={accept.onInput} className="stack">
              {!invitation.existingAccount && (
                <>
                  <Field>
                    <Label htmlFor="accept-name">{t('invitations.name')}</Label>
                    <Input
                      id="accept-name"
                      name="name"
                      required
                      defaultValue={invitation.name}
                      autoComplete="name"
                    />
                  </Field>
                  <Field>
                    <Label htmlFor="accept-password">{t('accept.password')}</Label>
                    <Field.Description>{t('password.rule')}</Field.Description>
                    <Input
                      id="accept-password"
                      name="password"
                      type="password"
                      required
                      autoComplete="new-password"
                    />
                  </Field>
                </>
              )}
              <div>
                <Button type="submit" disabled={accept.busy}>
                  {invitation.existingAccount ? t('accept.addRoles') : t('accept.create')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: accountMessages,
  load: loadAcceptInvitation,
  title: (_data, t) => t('accept.title'),
  Component: AcceptInvitationPage,
});
