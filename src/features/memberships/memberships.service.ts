import { osloDate } from '../../server/clock';
import { AppError, conflictOnUniqueViolation, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import type { ServiceContext } from '../../server/service-context';
import { changedFields, recordAudit } from '../audit/record-audit';
import { getSeenClusterId } from '../clusters/clusters.service';
import { ensureOrganisation } from '../organisations/organisations.service';
import type {
  AddedMember,
  AddMemberBody,
  ListMembersQuery,
  Member,
  UpdateMemberBody,
} from './memberships.contract';
import { requireManagePartners } from './memberships.policy';
import {
  countActiveMembershipsInClusters,
  findOpenMembership,
  insertMembership,
  listMembersPage,
  updateMembershipRow,
} from './memberships.queries';

/** A page of the cluster's partners: today's, or everyone who ever was one. */
export async function listMembers(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  slug: string,
  query: ListMembersQuery,
): Promise<Page<Member>> {
  const clusterId = await getSeenClusterId(ctx, slug);
  const { rows, total } = await listMembersPage(ctx.db, clusterId, query, osloDate(ctx.clock.now()));
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
    if (changed) await updateMembershipRow(tx, current.id, { ...after, updatedAt: clock.now() });
    const page = await listMembersPage(
      tx,
      cluster.id,
      { page: 1, pageSize: 1, include: 'all', membershipId: current.id },
      today,
    );
    const member = toMembers(page.rows)[0]!;
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
        entityName: organisation.name,
        clusterId: cluster.id,
        after: { cluster: cluster.slug, orgnr: organisation.orgnr, role: row.role, joinedOn: row.joinedOn },
      });
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

/** Whether the organisation is an active partner, on `today`, of any of these clusters. */
export async function isActivePartnerInAny(
  { db }: Pick<ServiceContext, 'db'>,
  organisationId: string,
  clusterIds: string[],
  today: string,
): Promise<boolean> {
  return (await countActiveMembershipsInClusters(db, organisationId, clusterIds, today)) > 0;
}
