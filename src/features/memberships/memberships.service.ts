import { osloDate } from '../../server/clock';
import { AppError, conflictOnUniqueViolation, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { canSeeCluster } from '../../shared/cluster-status';
import { isIsoDate } from '../../shared/dates';
import { changedFields, recordAudit } from '../audit/record-audit';
import { getSeenClusterId } from '../clusters/clusters.service';
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
  findMemberRow,
  findOpenMembership,
  insertMembership,
  type MemberCursor,
  type MemberRow,
  readClusterMembers,
  updateMembershipRow,
} from './memberships.queries';

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
 * Changes a partnership that has not ended: its role, the day the agreement was signed, or the day
 * it ends. Ended partnerships are history and stay as they were.
 */
export async function updateMember(
  ctx: ServiceContext,
  slug: string,
  orgnr: string,
  input: UpdateMemberBody,
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
    if (changed) {
      await updateMembershipRow(tx, current.id, { ...after, updatedAt: clock.now() });
      await recordAudit(tx, ctx, {
        action: 'membership.updated',
        entityType: 'membership',
        entityId: current.id,
        clusterId: cluster.id,
        before: { cluster: cluster.slug, orgnr, ...before },
        after: { cluster: cluster.slug, orgnr, ...after },
      });
    }
    return toMember((await findMemberRow(tx, current.id))!);
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
      const row = await insertMembership(tx, {
        clusterId: cluster.id,
        organisationId: organisation.id,
        role: input.role,
        joinedOn: input.joinedOn ?? today,
        agreementSignedOn: input.agreementSignedOn ?? null,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      });
      await recordAudit(tx, ctx, {
        action: 'membership.created',
        entityType: 'membership',
        entityId: row.id,
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

// For other features' questions about partnerships on a day (accounts: who may give partner contact).

/** Whether the organisation is an active partner, on `today`, of any of these clusters. */
export async function isActivePartnerInAny(
  { db }: Pick<ServiceContext, 'db'>,
  organisationId: string,
  clusterIds: string[],
  today: string,
): Promise<boolean> {
  return (await countActiveMembershipsInClusters(db, organisationId, clusterIds, today)) > 0;
}
