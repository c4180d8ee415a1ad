// A cluster's partners are organisations, so the partner list joins the organisations table and
// finds its cluster by slug: this file is one of the read models decision 015 names (see also
// decision 001).
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { countLiteral, dayLiteral } from '../../server/db/literals';
import { executeKept } from '../../server/db/prepared';
import type { ClusterStatus } from '../../shared/cluster-status';
import type { MembershipRole } from '../../shared/membership-roles';
import { clusters } from '../clusters/clusters.table';
import type { ActorType } from '../organisations/actor-type';
import { organisations } from '../organisations/organisations.table';
import type { ListMembersQuery } from './memberships.contract';
import { membershipActiveOn, memberships } from './memberships.table';
import { activePartnersOf } from './partner-tallies.queries';

/** Where a page of partners continues: the last row's place in the list order. */
export type MemberCursor = { sortKey: string; orgnr: string; joinedOn: string };

export type MemberRow = {
  orgnr: string;
  name: string;
  actorType: ActorType;
  countyCode: string | null;
  employees: number | null;
  role: MembershipRole;
  joinedOn: string;
  agreementSignedOn: string | null;
  leftOn: string | null;
  sortKey: string;
};

/** A row of the partner list, from the membership and the copies of its organisation's facts. */
const memberColumns = sql`json_build_object(
  'orgnr', ${memberships.organisationOrgnr}, 'name', ${memberships.organisationName},
  'actorType', ${memberships.organisationActorType}, 'countyCode', ${memberships.organisationCountyCode},
  'employees', ${memberships.organisationEmployees}, 'role', ${memberships.role},
  'joinedOn', ${memberships.joinedOn}, 'agreementSignedOn', ${memberships.agreementSignedOn},
  'leftOn', ${memberships.leftOn}, 'sortKey', ${memberships.organisationSortKey})`;

/**
 * A row's columns as the page reads them from memberships_list_idx; its JSON is built only for
 * the rows of the page, after the rows an offset skips have been passed over.
 */
const pageColumns = sql`${memberships.organisationOrgnr} as orgnr, ${memberships.organisationName} as name,
  ${memberships.organisationActorType} as actor_type, ${memberships.organisationCountyCode} as county_code,
  ${memberships.organisationEmployees} as employees, ${memberships.role} as role, ${memberships.joinedOn} as joined_on,
  ${memberships.agreementSignedOn} as agreement_signed_on, ${memberships.leftOn} as left_on,
  ${memberships.organisationSortKey} as sort_key`;

/**
 * The list order: Norwegian alphabetical (by sort key, bytewise), then orgnr, then joining day,
 * from the copies of the organisation's facts each membership carries: memberships_list_idx
 * holds the cluster's partners in this order.
 */
const memberOrder = sql`${memberships.organisationSortKey} collate "C", ${memberships.organisationOrgnr}, ${memberships.joinedOn}`;

/**
 * A page of a cluster's partners with their number, in one statement: the cluster by its slug
 * (its id and status, for the caller's visibility rule), how many partners match, and the page
 * as JSON. Everyone partnering today is counted from the kept partner figures; the page is read
 * from memberships_list_idx alone, which holds every column a row shows. `after` continues from a row
 * (keyset paging), and then `page` is not used. One more row than the page is read, so the
 * caller knows whether another page follows.
 */
export async function readClusterMembers(
  db: Db,
  slug: string,
  query: ListMembersQuery,
  today: string,
  after: MemberCursor | undefined,
) {
  const offset = after ? 0 : (query.page - 1) * query.pageSize;
  const shape = [
    today,
    query.include,
    Boolean(query.role),
    Boolean(query.actorType),
    query.pageSize,
    offset,
    Boolean(after),
  ];
  const [row] = await executeKept<{
    id: string;
    status: ClusterStatus;
    total: number;
    items: MemberRow[];
  }>(
    db,
    `memberships.page ${shape.join(' ')}`,
    () => membersStatement(query, today, offset, after !== undefined),
    {
      slug,
      role: query.role,
      actorType: query.actorType,
      sortKey: after?.sortKey,
      orgnr: after?.orgnr,
      joinedOn: after?.joinedOn,
    },
  );
  return row;
}

/** The partner list's statement for one shape of request; the request's values are placeholders. */
function membersStatement(query: ListMembersQuery, today: string, offset: number, continues: boolean): SQL {
  const day = dayLiteral(today);
  const matches = and(
    sql`${memberships.clusterId} = c.id`,
    query.include === 'current' ? membershipActiveOn(day) : undefined,
    query.role ? sql`${memberships.role} = ${sql.placeholder('role')}` : undefined,
    query.actorType ? sql`${memberships.organisationActorType} = ${sql.placeholder('actorType')}` : undefined,
  );
  const position = continues
    ? sql`and (${memberOrder}) > (${sql.placeholder('sortKey')} collate "C", ${sql.placeholder('orgnr')}, ${sql.placeholder('joinedOn')}::date)`
    : sql``;
  // Everyone partnering today is the cluster's kept figure; any other selection is counted.
  const total =
    query.include === 'current' && !query.role && !query.actorType
      ? activePartnersOf(sql`c.id`, day)
      : sql`(select count(*)::int from ${memberships} where ${matches})`;
  return sql`
    select c.id, c.status, ${total} as total,
      (select coalesce(json_agg(json_build_object(
            'orgnr', page.orgnr, 'name', page.name, 'actorType', page.actor_type, 'countyCode', page.county_code,
            'employees', page.employees, 'role', page.role, 'joinedOn', page.joined_on,
            'agreementSignedOn', page.agreement_signed_on, 'leftOn', page.left_on, 'sortKey', page.sort_key)
          order by page.sort_key collate "C", page.orgnr, page.joined_on), '[]'::json)
        from (select ${pageColumns}
              from ${memberships} where ${matches} ${position}
              order by ${memberOrder} limit ${countLiteral(query.pageSize + 1)} offset ${countLiteral(offset)}) page) as items
    from ${clusters} c where c.slug = ${sql.placeholder('slug')}`;
}

/** One membership as the partner list shows it: the answer to a change. */
export async function findMemberRow(db: Db, membershipId: string): Promise<MemberRow | undefined> {
  const result = await db.execute<{ member: MemberRow }>(
    sql`select ${memberColumns} as member from ${memberships} where ${memberships.id} = ${membershipId}`,
  );
  return result.rows[0]?.member;
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
