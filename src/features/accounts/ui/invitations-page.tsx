import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { hasProgrammePermission, ROLES, type Role } from '../../../shared/access';
import type { ApiClient, InvitationPage, InvitationView } from '../../../web/api-client';
import { browserApi } from '../../../web/browser-api';
import { Pager } from '../../../web/components/pager';
import { ProblemAlert } from '../../../web/components/problem-alert';
import { useFormAction } from '../../../web/components/use-form-action';
import { formatDateTime, type MessageKey } from '../../../web/i18n';
import { useLocale } from '../../../web/locale-context';
import { refreshPage } from '../../../web/refresh';
import { withQuery } from '../../../web/url';
import { useViewer } from '../../../web/viewer-context';
import { INVITATION_STATES } from '../invitations.contract';

export type InvitationsPageData = {
  result: InvitationPage;
  state: string | undefined;
  /** Prefilled from the address, e.g. from a cluster page's "invite staff" link. */
  prefill: { role?: string; cluster?: string; organisation?: string };
};

export async function loadInvitationsPage(api: ApiClient, url: URL): Promise<InvitationsPageData> {
  const state = url.searchParams.get('state') ?? undefined;
  const page = url.searchParams.get('page') ?? undefined;
  const param = (key: string) => url.searchParams.get(key) ?? undefined;
  return {
    result: await api.invitations({ state, page }),
    state,
    prefill: { role: param('role'), cluster: param('cluster'), organisation: param('organisation') },
  };
}

const CLUSTER_ROLES: readonly Role[] = ['cluster_manager', 'cluster_staff'];

/** People invited and the form to invite more; what the viewer may give decides the role list. */
export function InvitationsPage({ data, url }: { data: InvitationsPageData; url: URL }) {
  const { t } = useLocale();
  const { result } = data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('invitations.title')}
      </Heading>
      <Paragraph>{t('invitations.intro')}</Paragraph>
      <InviteForm prefill={data.prefill} />
      <Heading level={2} data-size="sm" id="invitation-list">
        {t('invitations.sent', { total: String(result.total) })}
      </Heading>
      <nav aria-label={t('invitations.filter')} className="chip-row">
        <Link
          href={withQuery(url, { state: undefined, page: undefined })}
          aria-current={!data.state ? 'page' : undefined}
        >
          {t('invitations.all')}
        </Link>
        {INVITATION_STATES.map((state) => (
          <Link
            key={state}
            href={withQuery(url, { state, page: undefined })}
            aria-current={data.state === state ? 'page' : undefined}
          >
            {t(`invitationState.${state}` as MessageKey)}
          </Link>
        ))}
      </nav>
      {result.items.length === 0 ? (
        <Paragraph>{t('invitations.none')}</Paragraph>
      ) : (
        <InvitationTable items={result.items} />
      )}
      <Pager url={url} page={result.page} pageSize={result.pageSize} total={result.total} />
    </div>
  );
}

function InvitationTable({ items }: { items: InvitationView[] }) {
  const { locale, t } = useLocale();
  const [error, setError] = useState<unknown>();
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await browserApi.revokeInvitation(id);
      refreshPage();
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <>
      {error !== undefined && <ProblemAlert title={t('invitations.failed')} error={error} />}
      <Table aria-labelledby="invitation-list" data-testid="invitation-table">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('invitations.person')}</Table.HeaderCell>
            <Table.HeaderCell>{t('invitations.roles')}</Table.HeaderCell>
            <Table.HeaderCell>{t('invitations.invitedBy')}</Table.HeaderCell>
            <Table.HeaderCell>{t('invitations.expires')}</Table.HeaderCell>
            <Table.HeaderCell>{t('invitations.state')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((invitation) => (
            <Table.Row key={invitation.id}>
              <Table.Cell>
                {invitation.name}
                <br />
                <span className="muted">{invitation.email}</span>
              </Table.Cell>
              <Table.Cell>
                <GrantList grants={invitation.grants} />
              </Table.Cell>
              <Table.Cell>{invitation.invitedBy ?? '–'}</Table.Cell>
              <Table.Cell>{formatDateTime(invitation.expiresAt, locale)}</Table.Cell>
              <Table.Cell>
                <Tag data-color={invitation.state === 'open' ? 'info' : 'neutral'}>
                  {t(`invitationState.${invitation.state}` as MessageKey)}
                </Tag>{' '}
                {invitation.state === 'open' && (
                  <Button variant="tertiary" data-size="sm" onClick={() => revoke(invitation.id)}>
                    {t('invitations.revoke')}
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}

/** Roles with what they apply to, as a person reads them. */
export function GrantList({ grants }: { grants: InvitationView['grants'] }) {
  const { t } = useLocale();
  return (
    <ul className="plain-list">
      {grants.map((grant) => (
        <li key={`${grant.role}-${grant.cluster?.id ?? grant.organisation?.id ?? ''}`}>
          {t(`accountRole.${grant.role}` as MessageKey)}
          {grant.cluster && ` – ${grant.cluster.name}`}
          {grant.organisation && ` – ${grant.organisation.name}`}
        </li>
      ))}
    </ul>
  );
}

function InviteForm({ prefill }: { prefill: InvitationsPageData['prefill'] }) {
  const { t } = useLocale();
  const viewer = useViewer();
  const roles: readonly Role[] = hasProgrammePermission(viewer, 'accounts.invite')
    ? ROLES
    : ['cluster_staff', 'partner_contact'];
  const initialRole = roles.includes(prefill.role as Role) ? (prefill.role as Role) : roles[0]!;
  const [role, setRole] = useState<Role>(initialRole);
  const invite = useFormAction(async (fields, form) => {
    const cluster = String(fields.get('cluster') ?? '').trim();
    const organisation = String(fields.get('organisation') ?? '').trim();
    const invited = await browserApi.invite({
      email: String(fields.get('email') ?? ''),
      name: String(fields.get('name') ?? ''),
      grants: [
        {
          role,
          ...(CLUSTER_ROLES.includes(role) && cluster ? { cluster } : {}),
          ...(role === 'partner_contact' && organisation
            ? { organisation: organisation.replace(/\s/g, '') }
            : {}),
        },
      ],
    });
    form.reset();
    refreshPage();
    return invited;
  });
  return (
    <form onSubmit={invite.onSubmit} className="panel stack" aria-labelledby="invite-heading">
      <Heading level={2} data-size="xs" id="invite-heading">
        {t('invitations.invite')}
      </Heading>
      {invite.result && (
        <Alert data-color="success" role="status">
          {t('invitations.done', { email: invite.result.email })}
        </Alert>
      )}
      {invite.error !== undefined && <ProblemAlert title={t('invitations.failed')} error={invite.error} />}
      <Field>
        <Label htmlFor="invite-name">{t('invitations.name')}</Label>
        <Input id="invite-name" name="name" required maxLength={200} autoComplete="off" />
      </Field>
      <Field>
        <Label htmlFor="invite-email">{t('account.email')}</Label>
        <Input id="invite-email" name="email" type="email" required autoComplete="off" />
      </Field>
      <Field>
        <Label htmlFor="invite-role">{t('invitations.role')}</Label>
        <Select id="invite-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {roles.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`accountRole.${r}` as MessageKey)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {CLUSTER_ROLES.includes(role) && (
        <Field>
          <Label htmlFor="invite-cluster">{t('invitations.cluster')}</Label>
          <Input
            id="invite-cluster"
            name="cluster"
            required
            defaultValue={prefill.cluster}
            placeholder="arctic-cluster-team"
          />
        </Field>
      )}
      {role === 'partner_contact' && (
        <Field>
          <Label htmlFor="invite-organisation">{t('invitations.organisation')}</Label>
          <Input
            id="invite-organisation"
            name="organisation"
            required
            inputMode="numeric"
            defaultValue={prefill.organisation}
          />
        </Field>
      )}
      <div>
        <Button type="submit" disabled={invite.busy}>
          {t('invitations.send')}
        </Button>
      </div>
    </form>
  );
}
