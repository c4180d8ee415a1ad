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
import { type Actor, hasProgrammePermission, ROLES, type Role } from '../../../shared/access';
import { LOCALES, type Locale } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { Pager } from '../../../web/kit/components/pager';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime } from '../../../web/kit/format';
import { valuesOf } from '../../../web/kit/i18n';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import { withQuery } from '../../../web/kit/url';
import { useViewer } from '../../../web/kit/viewer-context';
import { canReadOutbox } from '../../mail/mail.policy';
import { invitingClusters } from '../accounts.policy';
import type { InvitationView } from '../invitations.contract';
import {
  createInvitation,
  type InvitationPage,
  listClusters,
  listInvitations,
  me,
  myRoles,
  revokeInvitation,
} from './api';
import { GrantList } from './grant-list';
import {
  ACCOUNT_ROLE_LABELS,
  INVITATION_STATE_LABELS,
  INVITED_MESSAGES,
  LANGUAGE_LABELS,
  MAIL_STATE_LABELS,
} from './labels';
import { accountMessages } from './messages';

type InvitationsPageData = {
  result: InvitationPage;
  state: string | undefined;
  /** Prefilled from the address, e.g. from a cluster page's "invite staff" link. */
  prefill: { role?: string; cluster?: string; organisation?: string };
  /** The clusters the viewer may invite people to, by name: their own, or every one for an operator. */
  clusters: ClusterChoice[];
};

type ClusterChoice = { slug: string; name: string };

const byName = new Intl.Collator('nb');

/** The clusters to pick from: every cluster for whoever invites programme-wide, else those of their roles. */
async function clusterChoices(api: Api, viewer: Actor): Promise<ClusterChoice[]> {
  if (hasProgrammePermission(viewer, 'accounts.invite')) {
    const registry = await api.call(listClusters, { query: { pageSize: '100', sort: 'name' } });
    return registry.items.map(({ slug, name }) => ({ slug, name }));
  }
  const own = new Set(invitingClusters(viewer));
  const seen = new Map<string, ClusterChoice>();
  for (const grant of (await api.call(myRoles)).items) {
    if (grant.cluster && own.has(grant.cluster.id)) seen.set(grant.cluster.slug, grant.cluster);
  }
  return [...seen.values()]
    .map(({ slug, name }) => ({ slug, name }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

async function loadInvitationsPage(api: Api, { url }: PageInput): Promise<InvitationsPageData> {
  const state = url.searchParams.get('state') ?? undefined;
  const page = url.searchParams.get('page') ?? undefined;
  const param = (key: string) => url.searchParams.get(key) ?? undefined;
  const [result, viewer] = await Promise.all([
    api.call(listInvitations, { query: { state, page } }),
    api.call(me),
  ]);
  return {
    result,
    state,
    prefill: { role: param('role'), cluster: param('cluster'), organisation: param('organisation') },
    clusters: await clusterChoices(api, viewer as Actor),
  };
}

const CLUSTER_ROLES: readonly Role[] = ['cluster_manager', 'cluster_staff'];

/** People invited and the form to invite more; what the viewer may give decides the role list. */
function InvitationsPage({ data, url }: { data: InvitationsPageData; url: URL }) {
  const { t } = useLocale(accountMessages);
  const { result } = data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('invitations.title')}
      </Heading>
      <Paragraph>{t('invitations.intro')}</Paragraph>
      <InviteForm prefill={data.prefill} clusters={data.clusters} />
      <Heading level={2} data-size="sm" id="invitation-list">
        {t('invitations.sent', { total: String(result.total) })}
      </Heading>
      <nav aria-label={t('invitations.filter')} className="chip-row">
        <Link
          href={withQuery(url, { state: undefined, page: undefined })}
          aria-current={!data.state ? 'page' : undefined}
        >
          {t('filter.all')}
        </Link>
        {valuesOf(INVITATION_STATE_LABELS).map((state) => (
          <Link
            key={state}
            href={withQuery(url, { state, page: undefined })}
            aria-current={data.state === state ? 'page' : undefined}
          >
            {t(INVITATION_STATE_LABELS[state])}
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

/** Where the invitation's mail stands; an operator can open the message in the outbox. */
function MailState({ mail }: { mail: InvitationView['mail'] }) {
  const { t } = useLocale(accountMessages);
  const viewer = useViewer();
  if (!mail) return <span className="muted">{t('invitations.mailGone')}</span>;
  return (
    <>
      <Tag data-color={MAIL_STATE_COLOR[mail.status]}>{t(MAIL_STATE_LABELS[mail.status])}</Tag>
      {mail.lastError && (
        <>
          <br />
          <span className="muted">{mail.lastError}</span>
        </>
      )}
      {canReadOutbox(viewer) && (
        <>
          <br />
          <Link href={`/outbox?id=${mail.id}`}>{t('invitations.mailInOutbox')}</Link>
        </>
      )}
    </>
  );
}

const MAIL_STATE_COLOR = { queued: 'info', sent: 'success', failed: 'danger', kept: 'warning' } as const;

function InvitationTable({ items }: { items: InvitationView[] }) {
  const { locale, t } = useLocale(accountMessages);
  const [error, setError] = useState<unknown>();
  const revoke = async (id: string) => {
    setError(undefined);
    try {
      await browserApi.call(revokeInvitation, { params: { id } });
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
            <Table.HeaderCell>{t('invitations.mail')}</Table.HeaderCell>
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
              <Table.Cell data-testid="invitation-mail">
                <MailState mail={invitation.mail} />
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={invitation.state === 'open' ? 'info' : 'neutral'}>
                  {t(INVITATION_STATE_LABELS[invitation.state])}
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

function InviteForm({
  prefill,
  clusters,
}: {
  prefill: InvitationsPageData['prefill'];
  clusters: ClusterChoice[];
}) {
  const { locale, t } = useLocale(accountMessages);
  const viewer = useViewer();
  const roles: readonly Role[] = hasProgrammePermission(viewer, 'accounts.invite')
    ? ROLES
    : ['cluster_staff', 'partner_contact'];
  const initialRole = roles.includes(prefill.role as Role) ? (prefill.role as Role) : roles[0]!;
  const [role, setRole] = useState<Role>(initialRole);
  const invite = useFormAction(async (fields, form) => {
    const cluster = String(fields.get('cluster') ?? '').trim();
    const organisation = String(fields.get('organisation') ?? '').trim();
    const language = String(fields.get('language') ?? locale) as Locale;
    const invited = await browserApi.call(createInvitation, {
      body: {
        email: String(fields.get('email') ?? ''),
        name: String(fields.get('name') ?? ''),
        language,
        grants: [
          {
            role,
            ...(CLUSTER_ROLES.includes(role) && cluster ? { cluster } : {}),
            ...(role === 'partner_contact' && organisation
              ? { organisation: organisation.replace(/\s/g, '') }
              : {}),
          },
        ],
      },
    });
    form.reset();
    refreshPage();
    return invited;
  });
  return (
    <form
      onSubmit={invite.onSubmit}
      onInput={invite.onInput}
      className="panel stack"
      aria-labelledby="invite-heading"
    >
      <Heading level={2} data-size="xs" id="invite-heading">
        {t('invitations.invite')}
      </Heading>
      {invite.result && (
        <Alert data-color="success" role="status">
          {t(INVITED_MESSAGES[invite.result.mail?.status ?? 'queued'], { email: invite.result.email })}
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
              {t(ACCOUNT_ROLE_LABELS[r])}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {CLUSTER_ROLES.includes(role) && (
        <Field>
          <Label htmlFor="invite-cluster">{t('invitations.cluster')}</Label>
          <Select
            id="invite-cluster"
            name="cluster"
            required
            defaultValue={clusters.some((c) => c.slug === prefill.cluster) ? prefill.cluster : undefined}
          >
            {clusters.map((cluster) => (
              <Select.Option key={cluster.slug} value={cluster.slug}>
                {cluster.name}
              </Select.Option>
            ))}
          </Select>
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
      <Field>
        <Label htmlFor="invite-language">{t('invitations.language')}</Label>
        <Select id="invite-language" name="language" defaultValue={locale}>
          {LOCALES.map((language) => (
            <Select.Option key={language} value={language}>
              {t(LANGUAGE_LABELS[language])}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" disabled={invite.busy}>
          {t('invitations.send')}
        </Button>
      </div>
    </form>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: accountMessages,
  load: loadInvitationsPage,
  title: (_data, t) => t('invitations.title'),
  Component: InvitationsPage,
});
