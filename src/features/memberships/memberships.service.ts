import type { SQL } from 'drizzle-orm';
import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, conflictOnUniqueViolation, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { canSeeCluster } from '../../shared/cluster-status';
import { isIsoDate } from '../../shared/dates';
import { changedFields, recordAudit } from '../audit/record-audit';
import { type ClusterPartners, getSeenClusterId, type PartnerCount } from '../clusters/clusters.service';
import { SIZE_LIMITS } from '../organisations/actor-type';
import { ensureOrganisation } from '../organisations/organisations.service';
import type {
  AddedMember,
  AddMemberBody,
  ListMembersQuery,
  Member,
  MemberPage,
  UpdateMemberBody,
} from './memberships.contract';
import { requireManagePartners } from './memberships.policy';
import {
  countActiveMembershipsInClusters,
  findActiveMembershipInClusters,
  findClashingEndedMembership,
  findMemberRow,
  findMembershipPeriod,
  findOpenMembership,
  insertMembership,
  type MemberCursor,
  type MemberRow,
  readClusterMembers,
  updateMembershipRow,
} from './memberships.queries';
import { partnerFragments, readPartnerFigures } from './partner-tallies.queries';

/** The opaque text of a cursor: the row's sort key, orgnr and joining day, base64url. */
function encodeCursor(row: MemberRow): string {
  return Buffer.from(JSON.stringify([row.sortKey, row.orgnr, row.joinedOn])).toString('base64url');
}

function decodeCursor(text: string): MemberCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const [sortKey, orgnr, joinedOn] = Array.isArray(value) && value.length === 3 ? value : [];
    if (
      typeof sortKey === 'string' &&
      typeof orgnr === 'string' &&
      /^\d{9}$/.test(orgnr) &&
      typeof joinedOn === 'string' &&
      isIsoDate(joinedOn)
    ) {
      return { sortKey, orgnr, joinedOn };
    }
  } catch {}
  const message = 'must be the nextCursor of an earlier page';
  throw new AppError('validation_failed', `after ${message}.`, {
    fieldErrors: [{ path: ['query', 'after'], message, code: 'invalid_string' }],
  });
}

/**
 * A page of the cluster's partners: today's, or everyone who ever was one. One statement finds
 * the cluster, counts and reads the page; a forming network's partners only for those who may
 * see it (not found for anyone else).
 */
/**
 * Each cluster's partners as the registry and profiles show them: the counts the partner list
 * keeps per cluster and day (partner-tallies.queries.ts). src/server/features.ts hands this to the
 * clusters feature's routes; later features pass it to `getClusterProfile`.
 */
export const clusterPartners: ClusterPartners = {
  keptFiguresOf: (clusterId, today) =>
    partnerFragments.keptFiguresOf(clusterId, today) as SQL<{
      active: number;
      former: number;
      counts: PartnerCount[];
    } | null>,
  activeOf: partnerFragments.activeOf,
  async figures(db, clusterId, today) {
    const figures = await readPartnerFigures(db, clusterId, today, SIZE_LIMITS);
    return { ...figures, counts: figures.counts as PartnerCount[] };
  },
};

export async function listMembers(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  slug: string,
  query: ListMembersQuery,
): Promise<MemberPage> {
  const after = query.after === undefined ? undefined : decodeCursor(query.after);
  const found = await readClusterMembers(ctx.db, slug, query, osloDate(ctx.clock.now()), after);
  if (!found || !canSeeCluster(ctx.actor, found)) throw notFound(`The cluster "${slug}"`);
  const rows = found.items.slice(0, query.pageSize);
  const last = rows.at(-1);
  return {
    items: rows.map(toMember),
    total: found.total,
    page: after ? 1 : query.page,
    pageSize: query.pageSize,
    nextCursor: found.items.length > query.pageSize && last ? encodeCursor(last) : null,
  };
}

function toMember(r: MemberRow): Member {
  return {
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
  };
}

/**
 * What a later feature does, in the same transaction, when a partnership is set to end: accounts
 * ends the roles the partnership gave. Passed in by the composition root (`server/features.ts`),
 * since memberships comes before accounts.
 */
export type PartnershipEnding = (
  tx: Db,
  ctx: ServiceContext,
  partnership: { membershipId: string; clusterId: string; leftOn: string },
) => Promise<void>;

/**
 * Changes a partnership that has not ended: its role, the day the agreement was signed, or the day
 * it ends. Ended partnerships are history and stay as they were.
 */
export async function updateMember(
  ctx: ServiceContext,
  slug: string,
  orgnr: string,
  input: UpdateMemberBody,
  onEnding: PartnershipEnding = async () => {},
): Promise<Member> {
  const { db, actor, clock } = ctx;
  const cluster = { id: await getSeenClusterId(ctx, slug), slug };
  requireManagePartners(actor, cluster);
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
    const { before, after, changed } = changedFields(
      { role: current.role, agreementSignedOn: current.agreementSignedOn, leftOn: current.leftOn },
      input,
    );
    if (changed) await updateMembershipRow(tx, current.id, { ...after, updatedAt: clock.now() });
    const member = toMember((await findMemberRow(tx, current.id))!);
    if (changed) {
      await recordAudit(tx, ctx, {
        action: 'membership.updated',
        entityType: 'membership',
        entityId: current.id,
        entityName: member.organisation.name,
        clusterId: cluster.id,
        before: { cluster: cluster.slug, orgnr, ...before },
        after: { cluster: cluster.slug, orgnr, ...after },
      });
      if (after.leftOn) {
        await onEnding(tx, ctx, { membershipId: current.id, clusterId: cluster.id, leftOn: after.leftOn });
      }
    }
    return member;
  });
}

/**
 * Adds a partner by organisation number. The organisation comes from the register copy; one that
 * is not there is added unverified, with a warning. Audited in the same transaction.
 */
export async function addMember(
  ctx: ServiceContext,
  slug: string,
  input: AddMemberBody,
): Promise<AddedMember> {
  const { db, actor, clock } = ctx;
  const cluster = { id: await getSeenClusterId(ctx, slug), slug };
  requireManagePartners(actor, cluster);
  const today = osloDate(clock.now());
  try {
    return await db.transaction(async (tx) => {
      const organisation = await ensureOrganisation({ ...ctx, db: tx }, input);
      const joinedOn = input.joinedOn ?? today;
      await requireNewPeriod(tx, cluster.id, organisation, joinedOn);
      const row = await insertMembership(tx, {
        clusterId: cluster.id,
        organisationId: organisation.id,
        role: input.role,
        joinedOn,
        agreementSignedOn: input.agreementSignedOn ?? null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'membership.created',
        entityType: 'membership',
        entityId: row.id,
        entityName: organisation.name,
        clusterId: cluster.id,
        after: { cluster: cluster.slug, orgnr: organisation.orgnr, role: row.role, joinedOn: row.joinedOn },
      });
      const member = toMember((await findMemberRow(tx, row.id))!);
      return {
        member,
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

/**
 * One partnership per cluster, organisation and period: a new one may not begin the day an ended
 * one began (the same period, twice), nor before an ended one's last day is over. The unique index
 * on cluster, organisation and first day holds the rule against a race as well.
 */
async function requireNewPeriod(
  tx: Db,
  clusterId: string,
  organisation: { id: string; orgnr: string },
  joinedOn: string,
): Promise<void> {
  const clash = await findClashingEndedMembership(tx, clusterId, organisation.id, joinedOn);
  if (!clash) return;
  if (clash.joinedOn === joinedOn) {
    throw new AppError(
      'conflict',
      `${organisation.orgnr} already had a partnership in this cluster beginning ${joinedOn} (it ended ${clash.leftOn}). A new partnership begins on a later day.`,
    );
  }
  throw new AppError('validation_failed', 'The partnership would overlap an earlier one.', {
    fieldErrors: [
      {
        path: ['body', 'joinedOn'],
        message: `must be ${clash.leftOn} or later: the last partnership of ${organisation.orgnr} in this cluster lasted until then`,
      },
    ],
  });
}

// For other features' questions about partnerships on a day (accounts: who may give partner contact).

/**
 * The organisation's partnership active on `today` in one of these clusters: the one a role a
 * cluster gives through it hangs on.
 */
export async function findActivePartnership(
  { db }: Pick<ServiceContext, 'db'>,
  organisationId: string,
  clusterIds: string[],
  today: string,
): Promise<{ id: string; clusterId: string; leftOn: string | null } | undefined> {
  return findActiveMembershipInClusters(db, organisationId, clusterIds, today);
}

/** Whether the partnership is active on `today`, and the day it ends if one is set. */
export async function partnershipStanding(
  { db }: Pick<ServiceContext, 'db'>,
  membershipId: string,
  today: string,
): Promise<{ active: boolean; leftOn: string | null }> {
  const period = await findMembershipPeriod(db, membershipId);
  if (!period) return { active: false, leftOn: null };
  const active = period.joinedOn <= today && (period.leftOn === null || period.leftOn > today);
  return { active, leftOn: period.leftOn };
}

/** Whether the organisation is an active partner, on `today`, of any of these clusters. */
export async function isActivePartnerInAny(
  { db }: Pick<ServiceContext, 'db'>,
  organisationId: string,
  clusterIds: string[],
  today: string,
): Promise<boolean> {
  return (await countActiveMembershipsInClusters(db, organisationId, clusterIds, today)) > 0;
}
