// Memberships link clusters and organisations, so these reads join both tables: the one
// documented exception to "features read only their own tables" besides reporting (ARCHITECTURE.md).
import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  gt,
  inArray,
  isNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { clusters } from '../clusters/clusters.table';
import { SIZE_LIMITS } from '../organisations/actor-type';
import { organisations } from '../organisations/organisations.table';
import type { ListMembersQuery } from './memberships.contract';
import { memberships } from './memberships.table';

/** A membership counts on `today` from the day it starts until the day before it ends. */
export function activeOn(today: string): SQL {
  return and(
    lte(memberships.joinedOn, today),
    or(isNull(memberships.leftOn), gt(memberships.leftOn, today)),
  )!;
}

export async function countActive(db: Db, today: string) {
  const [row] = await db
    .select({ memberships: count(), organisations: countDistinct(memberships.organisationId) })
    .from(memberships)
    .where(activeOn(today));
  return row ?? { memberships: 0, organisations: 0 };
}

/** Organisations that were partners of the cluster and have left it (some may have rejoined). */
export async function countFormerInCluster(db: Db, clusterId: string, today: string) {
  const [row] = await db
    .select({ former: sql<number>`count(distinct ${memberships.organisationId})::int` })
    .from(memberships)
    .where(and(eq(memberships.clusterId, clusterId), lte(memberships.leftOn, today)));
  return row?.former ?? 0;
}

export function countActiveByCluster(db: Db, clusterIds: string[], today: string) {
  return db
    .select({ clusterId: memberships.clusterId, members: count() })
    .from(memberships)
    .where(and(inArray(memberships.clusterId, clusterIds), activeOn(today)))
    .groupBy(memberships.clusterId);
}

export type PartnerDimension = 'role' | 'actorType' | 'county' | 'size' | 'division';

/** The size class of the partner organisation, by the same limits as `sizeClass`. */
const sizeOfPartner = sql`case when ${organisations.employees} is null then 'unknown' ${sql.join(
  SIZE_LIMITS.map(
    (limit) =>
      sql`when ${organisations.employees} < ${sql.raw(String(limit.below))} then '${sql.raw(limit.size)}'`,
  ),
  sql` `,
)} else 'large' end`;

/**
 * How many of the cluster's partners today fall under each key of each dimension, counted in the
 * database: a large cluster has thousands of partners, and only a few dozen counts leave it.
 * Every partner appears once per dimension (the lateral VALUES), so each dimension sums to the total.
 */
export function countActivePartnersByDimension(db: Db, clusterId: string, today: string) {
  return db
    .select({
      dimension: sql<PartnerDimension>`d.dimension`,
      key: sql<string | null>`d.key`,
      count: sql<number>`count(*)::int`,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .innerJoin(
      sql`lateral (values
        ('role', ${memberships.role}),
        ('actorType', ${organisations.actorType}),
        ('county', ${organisations.countyCode}),
        ('size', ${sizeOfPartner}),
        ('division', left(${organisations.naceCodes}[1], 2))
      ) as d(dimension, key)`,
      sql`true`,
    )
    .where(and(eq(memberships.clusterId, clusterId), activeOn(today)))
    .groupBy(sql`d.dimension`, sql`d.key`);
}

export async function listMembersPage(
  db: Db,
  clusterId: string,
  query: ListMembersQuery & { membershipId?: string },
  today: string,
) {
  const where = and(
    eq(memberships.clusterId, clusterId),
    query.membershipId ? eq(memberships.id, query.membershipId) : undefined,
    query.include === 'current' ? activeOn(today) : undefined,
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

export function listMembershipsOfOrganisation(db: Db, organisationId: string) {
  return db
    .select({
      slug: clusters.slug,
      name: clusters.name,
      role: memberships.role,
      joinedOn: memberships.joinedOn,
      leftOn: memberships.leftOn,
    })
    .from(memberships)
    .innerJoin(clusters, eq(clusters.id, memberships.clusterId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(sql`${clusters.nameSortKey} collate "C"`, asc(memberships.joinedOn));
}

export async function listOrganisationIdsWithMemberships(db: Db, organisationIds: string[]) {
  const rows = await db
    .selectDistinct({ organisationId: memberships.organisationId })
    .from(memberships)
    .where(inArray(memberships.organisationId, organisationIds));
  return rows.map((r) => r.organisationId);
}

export async function countMembershipsInClusters(db: Db, organisationId: string, clusterIds: string[]) {
  if (clusterIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.clusterId, clusterIds)));
  return row?.n ?? 0;
}

export async function insertMembership(db: Db, values: typeof memberships.$inferInsert) {
  const [row] = await db.insert(memberships).values(values).returning();
  return row!;
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
        activeOn(today),
      ),
    );
  return row?.n ?? 0;
}
