import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import type { ApiClient, InvitationPreview } from '../../../web/api-client';
import { browserApi } from '../../../web/browser-api';
import { ProblemAlert } from '../../../web/components/problem-alert';
import { useFormAction } from '../../../web/components/use-form-action';
import { formatDateTime, type MessageKey } from '../../../web/i18n';
import { useLocale } from '../../../web/locale-context';
import { useViewer } from '../../../web/viewer-context';
import { GrantList } from './invitations-page';

export type AcceptInvitationData = { token: string; invitation: InvitationPreview };

export async function loadAcceptInvitation(api: ApiClient, token: string): Promise<AcceptInvitationData> {
  return { token, invitation: await api.invitation(token) };
}

/** Where an invitation link leads: create the account, or add the roles to one's own. */
export function AcceptInvitationPage({ data }: { data: AcceptInvitationData }) {
  const { locale, t } = useLocale();
  const viewer = useViewer();
  const { invitation, token } = data;
  const accept = useFormAction(async (fields) => {
    const name = String(fields.get('name') ?? '').trim();
    const password = String(fields.get('password') ?? '');
    await browserApi.acceptInvitation({
      token,
      ...(name ? { name } : {}),
      ...(password ? { password } : {}),
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
          {t(`accept.state.${invitation.state}` as MessageKey)}
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
            <form onSubmit={accept.onSubmit} className="stack">
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
