import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Actor, Role } from '../../../shared/access';
import { type Api, ApiError } from '../../../web/kit/api';
import type { KeyOf } from '../../../web/kit/i18n';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage } from '../../../web/kit/page';
import { invitationScope, invitingClusters } from '../../accounts/accounts.policy';
import type { GrantView } from '../../accounts/invitations.contract';
import { ACCOUNT_ROLE_LABELS } from '../../accounts/ui/labels';
import { accountMessages } from '../../accounts/ui/messages';
import { auditReadScope, canReadAuditEvent } from '../../audit/audit.policy';
import { canManageCalls } from '../../calls/calls.policy';
import { canEditClusterProfile } from '../../clusters/clusters.policy';
import { canRegisterFormingNetwork } from '../../forming-networks/forming-networks.policy';
import { canReadOutbox } from '../../mail/mail.policy';
import { canManagePartners } from '../../memberships/memberships.policy';
import {
  canEditOrganisationContact,
  clustersWhereActorClassifies,
} from '../../organisations/organisations.policy';
import { canManagePersons } from '../../personal-data/personal-data.policy';
import { canManageProgramme } from '../../programme/programme.policy';
import { me, myRoles } from './api';
import { homeMessages } from './messages';

type SignedIn = Actor & { kind: 'account' };
type Place = { id: string; href: string; name: string; roles: Role[] };

type HomeData = { viewer: SignedIn; roles: GrantView[] };

/** The caller and their roles with names; an anonymous visitor gets the sign-in page. */
async function loadHome(api: Api): Promise<HomeData> {
  // The roles need a session: asked first, an anonymous visitor's 401 shows the sign-in page.
  const roles = (await api.call(myRoles)).items;
  const viewer = (await api.call(me)) as Actor;
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to see your page.' });
  return { viewer, roles };
}

/** The roles grouped by what they are held for: clusters and organisations, each once. */
function placesOf(roles: GrantView[]): { clusters: Place[]; organisations: Place[] } {
  const clusters = new Map<string, Place>();
  const organisations = new Map<string, Place>();
  for (const grant of roles) {
    const [map, place] = grant.cluster
      ? [
          clusters,
          { id: grant.cluster.id, href: `/clusters/${grant.cluster.slug}`, name: grant.cluster.name },
        ]
      : grant.organisation
        ? [
            organisations,
            {
              id: grant.organisation.id,
              href: `/organisations/${grant.organisation.orgnr}`,
              name: grant.organisation.name,
            },
          ]
        : [undefined, undefined];
    if (!map || !place) continue;
    const seen = map.get(place.id) ?? { ...place, roles: [] };
    if (!seen.roles.includes(grant.role)) seen.roles.push(grant.role);
    map.set(place.id, seen);
  }
  const byName = new Intl.Collator('nb');
  const sorted = (map: Map<string, Place>) =>
    [...map.values()].sort((a, b) => byName.compare(a.name, b.name));
  return { clusters: sorted(clusters), organisations: sorted(organisations) };
}

type Action = { key: KeyOf<typeof homeMessages>; href: string };

/** What the viewer can do in one cluster: each link offered exactly when that feature's policy lets them. */
function clusterActions(viewer: Actor, cluster: Place): Action[] {
  const slug = cluster.href.slice('/clusters/'.length);
  const actions: (Action | false)[] = [
    { key: 'action.viewCluster', href: cluster.href },
    canEditClusterProfile(viewer, cluster) && { key: 'action.editCluster', href: `${cluster.href}/edit` },
    canManagePartners(viewer, cluster) && { key: 'action.partners', href: `${cluster.href}#members-heading` },
    invitingClusters(viewer).includes(cluster.id) && {
      key: 'action.inviteStaff',
      href: `/invitations?role=cluster_staff&cluster=${encodeURIComponent(slug)}`,
    },
    canReadAuditEvent(viewer, { clusterId: cluster.id }) && {
      key: 'action.audit',
      href: `/audit?cluster=${encodeURIComponent(slug)}`,
    },
  ];
  return actions.filter((a): a is Action => a !== false);
}

/** What a programme-wide role may do, each offered when that feature's policy allows it everywhere. */
function programmeTasks(viewer: Actor): Action[] {
  const tasks: (Action | false)[] = [
    canManageProgramme(viewer) && { key: 'task.programmeSetup', href: '/programme/setup' },
    canManageCalls(viewer) && { key: 'task.calls', href: '/calls' },
    clustersWhereActorClassifies(viewer) === 'all' && { key: 'task.organisations', href: '/organisations' },
    invitationScope(viewer) === 'all' && { key: 'task.invitations', href: '/invitations' },
    canReadOutbox(viewer) && { key: 'task.outbox', href: '/outbox' },
    auditReadScope(viewer) === 'all' && { key: 'task.audit', href: '/audit' },
    canManagePersons(viewer) && { key: 'task.people', href: '/people' },
  ];
  return tasks.filter((a): a is Action => a !== false);
}

function ActionList({ actions, label }: { actions: Action[]; label: string }) {
  const { t } = useLocale(homeMessages);
  return (
    <ul className="plain-list stack" aria-label={label}>
      {actions.map((action) => (
        <li key={action.key}>
          <Link href={action.href}>{t(action.key)}</Link>
        </li>
      ))}
    </ul>
  );
}

function HomePage({ data }: { data: HomeData }) {
  const { t } = useLocale(homeMessages);
  const { t: tRole } = useLocale(accountMessages);
  const { viewer } = data;
  const { clusters, organisations } = placesOf(data.roles);
  const tasks = programmeTasks(viewer);
  const roleNames = (roles: Role[]) => roles.map((role) => tRole(ACCOUNT_ROLE_LABELS[role])).join(', ');
  const allRoles = [...new Set(data.roles.map((grant) => grant.role))];
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('home.title')}
      </Heading>
      <Paragraph>
        {t('home.greeting', { name: viewer.name })}
        {allRoles.length > 0 && ` ${t('home.roles', { roles: roleNames(allRoles).toLowerCase() })}`}
      </Paragraph>
      {tasks.length > 0 && (
        <section className="stack" aria-labelledby="home-programme" data-testid="programme-tasks">
          <Heading level={2} data-size="sm" id="home-programme">
            {t('home.programme')}
          </Heading>
          <ActionList actions={tasks} label={t('home.programme')} />
        </section>
      )}
      <section className="stack" aria-labelledby="home-clusters" data-testid="my-clusters">
        <Heading level={2} data-size="sm" id="home-clusters">
          {t('home.clusters')}
        </Heading>
        {clusters.length === 0 ? (
          <Paragraph>{t('home.noClusters')}</Paragraph>
        ) : (
          clusters.map((cluster) => (
            <Card key={cluster.id} data-testid="my-cluster">
              <Heading level={3} data-size="xs">
                {cluster.name}
              </Heading>
              <Paragraph data-size="sm">
                {t('home.clusterRole', { roles: roleNames(cluster.roles) })}
              </Paragraph>
              <ActionList actions={clusterActions(viewer, cluster)} label={cluster.name} />
            </Card>
          ))
        )}
      </section>
      {organisations.length > 0 && (
        <section className="stack" aria-labelledby="home-organisations">
          <Heading level={2} data-size="sm" id="home-organisations">
            {t('home.organisations')}
          </Heading>
          {organisations.map((organisation) => (
            <Card key={organisation.id}>
              <Heading level={3} data-size="xs">
                {organisation.name}
              </Heading>
              <ActionList
                label={organisation.name}
                actions={[
                  {
                    key: canEditOrganisationContact(viewer, organisation)
                      ? 'action.editOrganisation'
                      : 'action.viewOrganisation',
                    href: organisation.href,
                  },
                ]}
              />
            </Card>
          ))}
        </section>
      )}
      <ActionList
        label={t('task.account')}
        actions={[
          ...(canRegisterFormingNetwork(viewer)
            ? [{ key: 'task.registerNetwork', href: '/clusters/register' } as const]
            : []),
          { key: 'task.account', href: '/account' },
        ]}
      />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: homeMessages,
  load: loadHome,
  title: (_data, t) => t('home.title'),
  Component: HomePage,
});
