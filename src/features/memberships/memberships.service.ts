import { type Clock, osloDate } from '../../server/clock';
import type { Database, Db } from '../../server/db/client';
import { AppError, conflictOnUniqueViolation, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import { hasClusterPermission } from '../../shared/access';
import { sectionOfNace } from '../../shared/sectors';
import { recordAudit } from '../audit/audit.service';
import type { ActorType, SizeClass } from '../organisations/actor-type';
import { ensureOrganisation, type WriteContext } from '../organisations/organisations.service';
import type { MembershipRole } from './membership-roles';
import type {
  AddedMember,
  AddMemberBody,
  ListMembersQuery,
  Member,
  OrganisationMembership,
  PartnerStatistics,
  UpdateMemberBody,
} from './memberships.contract';
import {
  countActive,
  countActiveByCluster,
  countActivePartnersByDimension,
  countFormerInCluster,
  countMembershipsInClusters,
  findOpenMembership,
  insertMembership,
  listMembershipsOfOrganisation,
  listMembersPage,
  listOrganisationIdsWithMemberships,
  type PartnerDimension,
  updateMembershipRow,
} from './memberships.queries';

export async function countActiveMemberships(db: Db, today: string) {
  return countActive(db, today);
}

/** Organisations that have left the cluster: the "former partners" count of its profile. */
export function countFormerPartners(db: Db, clusterId: string, today: string) {
  return countFormerInCluster(db, clusterId, today);
}

export async function countActiveMembersByCluster(db: Db, clusterIds: string[], today: string) {
  if (clusterIds.length === 0) return new Map<string, number>();
  const rows = await countActiveByCluster(db, clusterIds, today);
  return new Map(rows.map((r) => [r.clusterId, r.members]));
}

/** Counts, largest first; ties in key order so the answer is the same every time. */
function ranked<K extends string>(counts: Map<K, number>): { key: K; count: number }[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

type DimensionCount = Awaited<ReturnType<typeof countActivePartnersByDimension>>[number];

/** One dimension's counts by key; `keyOf` may merge keys (divisions into their sections). */
function countsOf<K extends string>(
  rows: DimensionCount[],
  dimension: PartnerDimension,
  keyOf: (key: string | null) => K = (key) => (key ?? 'unknown') as K,
): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) {
    if (row.dimension !== dimension) continue;
    const key = keyOf(row.key);
    counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
  return counts;
}

const sectionOfDivision = (division: string | null) =>
  (division && sectionOfNace(division)?.code) || 'unknown';

/** Who a cluster's partners are today: by role, actor type, county, size and industry section. */
export async function getPartnerStatistics(
  db: Db,
  clusterId: string,
  today: string,
): Promise<PartnerStatistics> {
  const rows = await countActivePartnersByDimension(db, clusterId, today);
  const actorTypes = countsOf<ActorType>(rows, 'actorType');
  const smes = actorTypes.get('sme') ?? 0;
  const companies = smes + (actorTypes.get('large_company') ?? 0);
  const byRole = ranked(countsOf<MembershipRole>(rows, 'role'));
  return {
    total: byRole.reduce((sum, r) => sum + r.count, 0),
    byRole,
    byActorType: ranked(actorTypes),
    byCounty: ranked(countsOf(rows, 'county')),
    bySize: ranked(countsOf<SizeClass>(rows, 'size')),
    bySection: ranked(countsOf(rows, 'division', sectionOfDivision)),
    smeShare: companies === 0 ? null : smes / companies,
  };
}

export async function listMembers(
  { db, clock }: { db: Db; clock: Clock },
  clusterId: string,
  query: ListMembersQuery,
): Promise<Page<Member>> {
  const { rows, total } = await listMembersPage(db, clusterId, query, osloDate(clock.now()));
  return {
    items: toMembers(rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

function toMembers(rows: Awaited<ReturnType<typeof listMembersPage>>['rows']): Member[] {
  return rows.map((r) => ({
    organisation: {
      orgnr: r.orgnr,
      name: r.name,
      actorType: r.actorType,
      countyCode: r.countyCode,
      employees: r.employees,
    },
    role: r.role,
    joinedOn: r.joinedOn,
    agreementSignedOn: r.agreementSignedOn,
    leftOn: r.leftOn,
  }));
}

export async function listClustersOfOrganisation(
  db: Db,
  organisationId: string,
  today: string,
): Promise<OrganisationMembership[]> {
  const rows = await listMembershipsOfOrganisation(db, organisationId);
  return rows.map((r) => ({
    cluster: { slug: r.slug, name: r.name },
    role: r.role,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    current: r.joinedOn <= today && (r.leftOn === null || r.leftOn > today),
  }));
}

/** Organisations among these that have ever been a partner of any cluster. */
export async function organisationIdsWithMemberships(
  db: Db,
  organisationIds: string[],
): Promise<Set<string>> {
  if (organisationIds.length === 0) return new Set();
  return new Set(await listOrganisationIdsWithMemberships(db, organisationIds));
}

/** Whether the organisation is or was a partner in any of these clusters. */
export async function isPartnerInAny(db: Db, organisationId: string, clusterIds: string[]): Promise<boolean> {
  return (await countMembershipsInClusters(db, organisationId, clusterIds)) > 0;
}

/**
 * Changes a partnership that has not ended: its role, the day the agreement was signed, or the day
 * it ends. Ended partnerships are history and stay as they were.
 */
export async function updateMember(
  context: WriteContext & { db: Database },
  cluster: { id: string; slug: string },
  orgnr: string,
  input: UpdateMemberBody,
): Promise<Member> {
  const { db, actor, clock } = context;
  if (!hasClusterPermission(actor, 'memberships.manage', cluster.id)) {
    throw new AppError('forbidden', "You may manage only your own cluster's partners.");
  }
  const today = osloDate(clock.now());
  return db.transaction(async (tx) => {
    const current = await findOpenMembership(tx, cluster.id, orgnr, today);
    if (!current) throw notFound(`A current partnership of ${orgnr} in this cluster`);
    const fieldErrors = [];
    if (input.leftOn && input.leftOn < current.joinedOn) {
      fieldErrors.push({
        path: ['body', 'leftOn'],
        message: `must not be before the partnership began (${current.joinedOn})`,
      });
    }
    if (input.leftOn && input.leftOn < today) {
      fieldErrors.push({ path: ['body', 'leftOn'], message: `must be today (${today}) or later` });
    }
    if (input.agreementSignedOn && input.agreementSignedOn > today) {
      fieldErrors.push({ path: ['body', 'agreementSignedOn'], message: 'must not be in the future' });
    }
    if (fieldErrors.length > 0) {
      throw new AppError('validation_failed', 'The change does not fit the partnership.', { fieldErrors });
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ['role', 'agreementSignedOn', 'leftOn'] as const) {
      if (input[key] === undefined || input[key] === current[key]) continue;
      before[key] = current[key];
      after[key] = input[key];
    }
    if (Object.keys(after).length > 0) {
      await updateMembershipRow(tx, current.id, { ...after, updatedAt: clock.now() });
      await recordAudit(
        tx,
        { actor, requestId: context.requestId, now: clock.now() },
        {
          action: 'membership.updated',
          entityType: 'membership',
          entityId: current.id,
          clusterId: cluster.id,
          before: { cluster: cluster.slug, orgnr, ...before },
          after: { cluster: cluster.slug, orgnr, ...after },
        },
      );
    }
    const page = await listMembersPage(
      tx,
      cluster.id,
      { page: 1, pageSize: 1, include: 'all', membershipId: current.id },
      today,
    );
    return toMembers(page.rows)[0]!;
  });
}

/**
 * Adds a partner by organisation number. The organisation comes from the register copy; one that
 * is not there is added unverified, with a warning. Audited in the same transaction.
 */
export async function addMember(
  context: WriteContext & { db: Database },
  cluster: { id: string; slug: string },
  input: AddMemberBody,
): Promise<AddedMember> {
  const { db, actor, clock } = context;
  if (!hasClusterPermission(actor, 'memberships.manage', cluster.id)) {
    throw new AppError('forbidden', "You may manage only your own cluster's partners.");
  }
  const today = osloDate(clock.now());
  try {
    return await db.transaction(async (tx) => {
      const organisation = await ensureOrganisation(tx, context, input);
      const row = await insertMembership(tx, {
        clusterId: cluster.id,
        organisationId: organisation.id,
        role: input.role,
        joinedOn: input.joinedOn ?? today,
        agreementSignedOn: input.agreementSignedOn ?? null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
      await recordAudit(
        tx,
        { actor, requestId: context.requestId, now: clock.now() },
        {
          action: 'membership.created',
          entityType: 'membership',
          entityId: row.id,
          clusterId: cluster.id,
          after: { cluster: cluster.slug, orgnr: organisation.orgnr, role: row.role, joinedOn: row.joinedOn },
        },
      );
      const page = await listMembersPage(
        tx,
        cluster.id,
        { page: 1, pageSize: 1, include: 'all', membershipId: row.id },
        today,
      );
      const [member] = toMembers(page.rows);
      return {
        member: member!,
        organisationSource: organisation.unverified ? 'unverified' : 'register',
        warnings: organisation.unverified
          ? [
              `${organisation.orgnr} is not in the register copy; the organisation is marked unverified until an import finds it.`,
            ]
          : [],
      };
    });
  } catch (error) {
    throw conflictOnUniqueViolation(error, `${input.orgnr} is already a partner in this cluster.`);
  }
}

// For other features' questions about partnerships on a day (accounts: who may give partner contact).
import { countActiveMembershipsInClusters } from './memberships.queries';

/** Whether the organisation is an active partner, on `today`, of any of these clusters. */
export async function isActivePartnerInAny(
  db: Db,
  organisationId: string,
  clusterIds: string[],
  today: string,
): Promise<boolean> {
  return (await countActiveMembershipsInClusters(db, organisationId, clusterIds, today)) > 0;
}
