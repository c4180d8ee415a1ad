// A cluster's level and brands carry the names the programme gives them, so these queries join
// the programme's levels and brands: this file is one of the read models decision 015 names.
import { and, asc, desc, eq, getTableColumns, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { LevelCode } from '../programme/levels';
import { brands, levels } from '../programme/programme.table';
import type { ListClustersQuery } from './clusters.contract';
import {
  clusterBrands,
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
function aliasActiveOn(today: string): SQL {
  return sql`e.starts_on <= ${today}::date and coalesce(e.ended_on, e.extended_to_on, e.planned_end_on) >= ${today}::date`;
}

/** The level a cluster is at today: the latest-starting engagement that covers today. */
function currentLevelOf(today: string) {
  return sql<{ code: LevelCode; nameNb: string; nameEn: string; since: string } | null>`(
    select json_build_object('code', l.code, 'nameNb', l.name_nb, 'nameEn', l.name_en, 'since', e.starts_on)
    from engagements e join levels l on l.id = e.level_id
    where e.cluster_id = "clusters"."id" and ${aliasActiveOn(today)}
    order by e.starts_on desc limit 1)`;
}

const countiesOf = sql<string[]>`coalesce((select array_agg(cc.county_code order by cc.county_code)
  from cluster_counties cc where cc.cluster_id = "clusters"."id"), '{}')`;

const sectorsOf = sql<string[]>`coalesce((select array_agg(cs.code order by cs.code)
  from cluster_sectors cs where cs.cluster_id = "clusters"."id"), '{}')`;

export type ClusterFilterMode = 'none' | 'full_text' | 'fuzzy';

/** Minimum word similarity for the fuzzy name fallback: catches typos and word beginnings. */
const FUZZY_THRESHOLD = 0.3;

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

function filterConditions(query: ListClustersQuery, today: string, formingSeen: 'all' | string[]): SQL[] {
  const conditions: SQL[] = statusCondition(query.status, formingSeen);
  if (query.county) {
    conditions.push(
      sql`exists (select 1 from cluster_counties cc where cc.cluster_id = "clusters"."id" and cc.county_code = ${query.county})`,
    );
  }
  if (query.sector) {
    const column = sql.raw(/^[A-U]$/.test(query.sector) ? 'cs.section' : 'cs.code');
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

export async function listClusterPage(
  db: Db,
  query: ListClustersQuery,
  today: string,
  mode: ClusterFilterMode,
  formingSeen: 'all' | string[],
) {
  if (mode === 'fuzzy') {
    // `<%` can use the trigram index, but only with its threshold lowered from the default 0.6,
    // which SET LOCAL does for this transaction alone.
    return db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local pg_trgm.word_similarity_threshold = ${FUZZY_THRESHOLD}`));
      return readClusterPage(tx, query, today, mode, formingSeen);
    });
  }
  return readClusterPage(db, query, today, mode, formingSeen);
}

async function readClusterPage(
  db: Db,
  query: ListClustersQuery,
  today: string,
  mode: ClusterFilterMode,
  formingSeen: 'all' | string[],
) {
  const conditions = filterConditions(query, today, formingSeen);
  const q = query.q ?? '';
  const tsQuery = sql`websearch_to_tsquery('norwegian', ${q})`;
  let relevance: SQL<number> = sql<number>`0`;
  if (mode === 'full_text') {
    conditions.push(sql`${clusters.search} @@ ${tsQuery}`);
    relevance = sql<number>`ts_rank(${clusters.search}, ${tsQuery})`;
  } else if (mode === 'fuzzy') {
    conditions.push(sql`${q} <% ${clusters.name}`);
    relevance = sql<number>`word_similarity(${q}, ${clusters.name})`;
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const byName = [sql`${clusters.nameSortKey} collate "C"`, asc(clusters.slug)];
  const sort = query.sort ?? (mode === 'none' ? 'name' : 'relevance');
  // Without words to search for, every cluster is as relevant as the next: name order alone. (The
  // constant rank would otherwise reach SQL as `order by 0`, which PostgreSQL reads as a column number.)
  const orderBy = sort === 'relevance' && mode !== 'none' ? [desc(relevance), ...byName] : byName;

  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: clusters.id,
        slug: clusters.slug,
        name: clusters.name,
        shortName: clusters.shortName,
        status: clusters.status,
        foundedYear: clusters.foundedYear,
        counties: countiesOf,
        sectors: sectorsOf,
        currentLevel: currentLevelOf(today),
      })
      .from(clusters)
      .where(where)
      .orderBy(...orderBy)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(clusters).where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

// Every column but the search vector, which no answer shows.
const { search: _clusterSearch, ...clusterColumns } = getTableColumns(clusters);

export async function findClusterBySlug(db: Db, slug: string, today: string) {
  const [row] = await db
    .select({
      cluster: clusterColumns,
      counties: countiesOf,
      sectors: sectorsOf,
      currentLevel: currentLevelOf(today),
    })
    .from(clusters)
    .where(eq(clusters.slug, slug))
    .limit(1);
  return row;
}

export function listEngagementsOfCluster(db: Db, clusterId: string) {
  return db
    .select({
      level: levels.code,
      levelNameNb: levels.nameNb,
      levelNameEn: levels.nameEn,
      startsOn: engagements.startsOn,
      plannedEndOn: engagements.plannedEndOn,
      extendedToOn: engagements.extendedToOn,
      endedOn: engagements.endedOn,
      endsOn: engagementEnd,
      yearlyGrantNok: engagements.yearlyGrantNok,
    })
    .from(engagements)
    .innerJoin(levels, eq(levels.id, engagements.levelId))
    .where(eq(engagements.clusterId, clusterId))
    .orderBy(asc(engagements.startsOn));
}

export function listBrandsOfCluster(db: Db, clusterId: string) {
  return db
    .select({
      code: brands.code,
      nameNb: brands.nameNb,
      nameEn: brands.nameEn,
      startsOn: clusterBrands.startsOn,
      endsOn: clusterBrands.endsOn,
    })
    .from(clusterBrands)
    .innerJoin(brands, eq(brands.id, clusterBrands.brandId))
    .where(eq(clusterBrands.clusterId, clusterId))
    .orderBy(asc(clusterBrands.startsOn));
}

/** Links where the cluster is the hub or the node, with the other side's name. */
export function listHubLinksOfCluster(db: Db, clusterId: string) {
  const other = sql`case when ${hubLinks.hubClusterId} = ${clusterId} then ${hubLinks.nodeClusterId} else ${hubLinks.hubClusterId} end`;
  return db
    .select({
      hubClusterId: hubLinks.hubClusterId,
      startsOn: hubLinks.startsOn,
      endsOn: hubLinks.endsOn,
      otherId: clusters.id,
      otherSlug: clusters.slug,
      otherName: clusters.name,
      otherStatus: clusters.status,
    })
    .from(hubLinks)
    .innerJoin(clusters, sql`${clusters.id} = ${other}`)
    .where(or(eq(hubLinks.hubClusterId, clusterId), eq(hubLinks.nodeClusterId, clusterId)))
    .orderBy(asc(hubLinks.startsOn));
}

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
