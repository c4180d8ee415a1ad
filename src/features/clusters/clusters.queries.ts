// A cluster's level and brands carry the names the programme gives them, so these queries join
// the programme's levels and brands: this file is one of the read models decision 015 names.
import { and, desc, eq, getTableColumns, inArray, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { LevelCode } from '../programme/levels';
import { levels } from '../programme/programme.table';
import type { ListClustersQuery } from './clusters.contract';
import {
  clusterCounties,
  clusterSectors,
  clusters,
  engagementActiveOn,
  engagementEnd,
  engagements,
  hubLinks,
} from './clusters.table';

// Correlated subqueries are written with explicit aliases: drizzle leaves column names unqualified
// in single-table selects, which would make "id" ambiguous inside them.

/** `e` is an engagement alias; true when it covers the day. */
function aliasActiveOn(today: string | SQL): SQL {
  return sql`e.starts_on <= ${today}::date and coalesce(e.ended_on, e.extended_to_on, e.planned_end_on) >= ${today}::date`;
}

/** The level a cluster is at today: the latest-starting engagement that covers today. */
export function currentLevelOf(today: string | SQL) {
  return sql<{ code: LevelCode; nameNb: string; nameEn: string; since: string } | null>`(
    select json_build_object('code', l.code, 'nameNb', l.name_nb, 'nameEn', l.name_en, 'since', e.starts_on)
    from engagements e join levels l on l.id = e.level_id
    where e.cluster_id = "clusters"."id" and ${aliasActiveOn(today)}
    order by e.starts_on desc limit 1)`;
}

export const countiesOf = sql<string[]>`coalesce((select array_agg(cc.county_code order by cc.county_code)
  from cluster_counties cc where cc.cluster_id = "clusters"."id"), '{}')`;

export const sectorsOf = sql<string[]>`coalesce((select array_agg(cs.code order by cs.code)
  from cluster_sectors cs where cs.cluster_id = "clusters"."id"), '{}')`;

/**
 * The registry never lists forming networks unless asked for them, and then only those the reader
 * may see: `formingSeen` is every one ('all', for programme staff) or the ids of their own.
 */
function statusCondition(status: ListClustersQuery['status'], formingSeen: 'all' | string[]): SQL[] {
  if (status !== 'forming') return [status ? eq(clusters.status, status) : ne(clusters.status, 'forming')];
  if (formingSeen === 'all') return [eq(clusters.status, 'forming')];
  return [
    eq(clusters.status, 'forming'),
    formingSeen.length > 0 ? inArray(clusters.id, formingSeen) : sql`false`,
  ];
}

/**
 * The registry's filters. Their values may be placeholders; `section` says whether the sector is a
 * section letter or a code (which picks the column), since a placeholder's value is not known here.
 */
export function filterConditions(
  query: ListClustersQuery,
  today: string | SQL,
  formingSeen: 'all' | string[],
  section: 'section' | 'code' | '-',
): SQL[] {
  const conditions: SQL[] = statusCondition(query.status, formingSeen);
  if (query.county) {
    conditions.push(
      sql`exists (select 1 from cluster_counties cc where cc.cluster_id = "clusters"."id" and cc.county_code = ${query.county})`,
    );
  }
  if (query.sector) {
    const column = sql.raw(section === 'section' ? 'cs.section' : 'cs.code');
    conditions.push(
      sql`exists (select 1 from cluster_sectors cs where cs.cluster_id = "clusters"."id" and ${column} = ${query.sector})`,
    );
  }
  if (query.level) {
    conditions.push(
      sql`exists (select 1 from engagements e join levels l on l.id = e.level_id
        where e.cluster_id = "clusters"."id" and l.code = ${query.level} and ${aliasActiveOn(today)})`,
    );
  }
  return conditions;
}

// Every column but the search vector, which no answer shows.
const { search: _clusterSearch, ...columnsButSearch } = getTableColumns(clusters);
const clusterColumns = columnsButSearch;

/** The level a cluster was at on a given day, for the hub rule. */
export async function findLevelOn(db: Db, clusterId: string, day: string): Promise<LevelCode | undefined> {
  const [row] = await db
    .select({ code: levels.code })
    .from(engagements)
    .innerJoin(levels, eq(levels.id, engagements.levelId))
    .where(and(eq(engagements.clusterId, clusterId), engagementActiveOn(day)))
    .orderBy(desc(engagements.startsOn))
    .limit(1);
  return row?.code;
}

export function listClusterRefsByIds(db: Db, ids: string[]) {
  return db
    .select({ id: clusters.id, slug: clusters.slug, name: clusters.name })
    .from(clusters)
    .where(inArray(clusters.id, ids));
}

export function findClusterIdsBySlugs(db: Db, slugs: string[]) {
  return db
    .select({ id: clusters.id, slug: clusters.slug, status: clusters.status })
    .from(clusters)
    .where(inArray(clusters.slug, slugs));
}

export async function insertCluster(db: Db, values: typeof clusters.$inferInsert) {
  const [row] = await db.insert(clusters).values(values).returning({ id: clusters.id, slug: clusters.slug });
  return row!;
}

/** The slugs that are `base` or `base` with a number after a dash: those a new cluster's slug must avoid. */
export async function listSlugsLike(db: Db, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: clusters.slug })
    .from(clusters)
    .where(sql`${clusters.slug} ~ ${`^${base}(-[0-9]+)?$`}`);
  return rows.map((row) => row.slug);
}

export async function insertHubLink(db: Db, link: typeof hubLinks.$inferInsert) {
  const [row] = await db.insert(hubLinks).values(link).returning();
  return row!;
}

/** The cluster's own columns with its counties and sectors, locked until the transaction ends. */
export async function findClusterForUpdate(db: Db, slug: string) {
  const [row] = await db
    .select({ cluster: clusterColumns, counties: countiesOf, sectors: sectorsOf })
    .from(clusters)
    .where(eq(clusters.slug, slug))
    .for('update');
  return row;
}

export async function updateClusterColumns(
  db: Db,
  clusterId: string,
  columns: Partial<Omit<typeof clusters.$inferInsert, 'id' | 'slug' | 'programmeId'>>,
) {
  await db.update(clusters).set(columns).where(eq(clusters.id, clusterId));
}

export async function replaceClusterCounties(db: Db, clusterId: string, countyCodes: string[]) {
  await db.delete(clusterCounties).where(eq(clusterCounties.clusterId, clusterId));
  if (countyCodes.length > 0) {
    await db.insert(clusterCounties).values(countyCodes.map((countyCode) => ({ clusterId, countyCode })));
  }
}

export async function replaceClusterSectors(
  db: Db,
  clusterId: string,
  sectors: { code: string; section: string }[],
) {
  await db.delete(clusterSectors).where(eq(clusterSectors.clusterId, clusterId));
  if (sectors.length > 0) {
    await db.insert(clusterSectors).values(sectors.map((sector) => ({ clusterId, ...sector })));
  }
}

// ── Engagements, as a published decision writes them ─────────────────────────────────────────

/** The programme's levels by code, with the rules a decision is judged by. */
export function listLevelRules(db: Db) {
  return db
    .select({
      id: levels.id,
      code: levels.code,
      nameNb: levels.nameNb,
      nameEn: levels.nameEn,
      durationYears: levels.durationYears,
      extensionYears: levels.extensionYears,
      operatingAid: levels.operatingAid,
    })
    .from(levels)
    .orderBy(levels.sortOrder);
}

const engagementColumns = {
  id: engagements.id,
  clusterId: engagements.clusterId,
  levelId: engagements.levelId,
  levelCode: levels.code,
  startsOn: engagements.startsOn,
  plannedEndOn: engagements.plannedEndOn,
  extendedToOn: engagements.extendedToOn,
  endedOn: engagements.endedOn,
  endsOn: engagementEnd,
  yearlyGrantNok: engagements.yearlyGrantNok,
};

/** The engagement that covers the day, the latest-starting one if several do. */
export async function findEngagementOn(db: Db, clusterId: string, day: string) {
  const [row] = await db
    .select(engagementColumns)
    .from(engagements)
    .innerJoin(levels, eq(levels.id, engagements.levelId))
    .where(and(eq(engagements.clusterId, clusterId), engagementActiveOn(day)))
    .orderBy(desc(engagements.startsOn))
    .limit(1);
  return row;
}

/** One engagement of the cluster, locked until the transaction ends. */
export async function findEngagementForUpdate(db: Db, clusterId: string, engagementId: string) {
  const [row] = await db
    .select(engagementColumns)
    .from(engagements)
    .innerJoin(levels, eq(levels.id, engagements.levelId))
    .where(and(eq(engagements.clusterId, clusterId), eq(engagements.id, engagementId)))
    .for('update', { of: engagements });
  return row;
}

export async function insertEngagement(db: Db, values: typeof engagements.$inferInsert) {
  const [row] = await db.insert(engagements).values(values).returning({ id: engagements.id });
  return row!;
}

export async function updateEngagementColumns(
  db: Db,
  id: string,
  columns: Partial<Pick<typeof engagements.$inferInsert, 'endedOn' | 'extendedToOn' | 'updatedAt'>>,
) {
  await db.update(engagements).set(columns).where(eq(engagements.id, id));
}

/** Name, slug, status, host and counties of each of these clusters, for a round's announcement. */
export function listClusterFactsByIds(db: Db, ids: string[]) {
  return db
    .select({
      id: clusters.id,
      slug: clusters.slug,
      name: clusters.name,
      status: clusters.status,
      hostOrgnr: clusters.hostOrgnr,
      counties: countiesOf,
    })
    .from(clusters)
    .where(inArray(clusters.id, ids));
}

/** How many clusters of the programme are at a level on the day (forming networks are at none). */
export async function countClustersAtALevelOn(db: Db, day: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${engagements.clusterId})::int` })
    .from(engagements)
    .innerJoin(clusters, eq(clusters.id, engagements.clusterId))
    .where(and(engagementActiveOn(day), ne(clusters.status, 'forming')));
  return row?.n ?? 0;
}
