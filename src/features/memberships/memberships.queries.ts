// A cluster's partners are organisations, so the partner list joins the organisations table: this
// file is one of the read models decision 015 names (see also decision 001).
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { organisations } from '../organisations/organisations.table';
import type { ListMembersQuery } from './memberships.contract';
import { membershipActiveOn, memberships } from './memberships.table';

export async function listMembersPage(
  db: Db,
  clusterId: string,
  query: ListMembersQuery & { membershipId?: string },
  today: string,
) {
  const where = and(
    eq(memberships.clusterId, clusterId),
    query.membershipId ? eq(memberships.id, query.membershipId) : undefined,
    query.include === 'current' ? membershipActiveOn(today) : undefined,
    query.role ? eq(memberships.role, query.role) : undefined,
    query.actorType ? eq(organisations.actorType, query.actorType) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        orgnr: organisations.orgnr,
        name: organisations.name,
        actorType: organisations.actorType,
        countyCode: organisations.countyCode,
        employees: organisations.employees,
        role: memberships.role,
        joinedOn: memberships.joinedOn,
        agreementSignedOn: memberships.agreementSignedOn,
        leftOn: memberships.leftOn,
      })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(where)
      .orderBy(
        sql`${organisations.nameSortKey} collate "C"`,
        asc(organisations.orgnr),
        asc(memberships.joinedOn),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: count() })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}

export async function insertMembership(db: Db, values: typeof memberships.$inferInsert) {
  const [row] = await db.insert(memberships).values(values).returning();
  return row!;
}

/**
 * An ended partnership of the organisation in the cluster that a new one beginning on `joinedOn`
 * would clash with: one that began that same day, or one that ends after it.
 */
export async function findClashingEndedMembership(
  db: Db,
  clusterId: string,
  organisationId: string,
  joinedOn: string,
) {
  const [row] = await db
    .select({ joinedOn: memberships.joinedOn, leftOn: memberships.leftOn })
    .from(memberships)
    .where(
      and(
        eq(memberships.clusterId, clusterId),
        eq(memberships.organisationId, organisationId),
        isNotNull(memberships.leftOn),
        or(eq(memberships.joinedOn, joinedOn), gt(memberships.leftOn, joinedOn)),
      ),
    )
    .orderBy(desc(memberships.leftOn))
    .limit(1);
  return row;
}

/** The organisation's partnership in the cluster that has not ended by `today`, locked for a change. */
export async function findOpenMembership(db: Db, clusterId: string, orgnr: string, today: string) {
  const [row] = await db
    .select({
      id: memberships.id,
      role: memberships.role,
      joinedOn: memberships.joinedOn,
      agreementSignedOn: memberships.agreementSignedOn,
      leftOn: memberships.leftOn,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.clusterId, clusterId),
        eq(organisations.orgnr, orgnr),
        or(isNull(memberships.leftOn), gt(memberships.leftOn, today)),
      ),
    )
    .orderBy(desc(memberships.joinedOn))
    .limit(1)
    .for('update', { of: memberships });
  return row;
}

export async function updateMembershipRow(
  db: Db,
  id: string,
  values: Partial<
    Pick<typeof memberships.$inferInsert, 'role' | 'agreementSignedOn' | 'leftOn' | 'updatedAt'>
  >,
) {
  await db.update(memberships).set(values).where(eq(memberships.id, id));
}

// For other features' questions about partnerships on a day (accounts: who may give partner contact).

/** The organisation's partnership active on `today` in one of these clusters, if any. */
export async function findActiveMembershipInClusters(
  db: Db,
  organisationId: string,
  clusterIds: string[],
  today: string,
) {
  if (clusterIds.length === 0) return undefined;
  const [row] = await db
    .select({ id: memberships.id, clusterId: memberships.clusterId, leftOn: memberships.leftOn })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.clusterId, clusterIds),
        membershipActiveOn(today),
      ),
    )
    .orderBy(asc(memberships.joinedOn))
    .limit(1);
  return row;
}

/** One partnership's period, by id. */
export async function findMembershipPeriod(db: Db, id: string) {
  const [row] = await db
    .select({ joinedOn: memberships.joinedOn, leftOn: memberships.leftOn })
    .from(memberships)
    .where(eq(memberships.id, id));
  return row;
}

/** How many of the organisation's memberships in these clusters are active on `today`. */
export async function countActiveMembershipsInClusters(
  db: Db,
  organisationId: string,
  clusterIds: string[],
  today: string,
) {
  if (clusterIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.clusterId, clusterIds),
        membershipActiveOn(today),
      ),
    );
  return row?.n ?? 0;
}
