import { and, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { countLiteral, dayLiteral } from '../../server/db/literals';
import { executeKept, executeNamed } from '../../server/db/prepared';
import { organisations } from '../organisations/organisations.table';
import type { LevelCode } from '../programme/levels';
import type { ListClustersQuery } from './clusters.contract';
import { countiesOf, currentLevelOf, filterConditions, sectorsOf } from './clusters.queries';
import type { ClusterPartners, PartnerFigures } from './clusters.service';
import { clusters, type FocusArea } from './clusters.table';

// The public registry's reads of clusters, each one statement that PostgreSQL answers with JSON:
// a page of the registry (search and filters) and a cluster's profile (its level history and
// brands under the programme's names, its hub links and its host's name). One statement holds one
// pooled connection for one round trip, where a query per part held several at once or one for
// several round trips. Who the partners are is the memberships feature's to count: it hands in,
// through `ClusterPartners`, the parts of these statements that read its kept figures.
// Today is written into the statements' text (`dayLiteral`), so PostgreSQL plans each once.
// Correlated subqueries name the outer row "clusters"."id"; tables inside them that are not
// referred to through drizzle's columns get aliases of their own.

export type RegistryRow = {
  slug: string;
  name: string;
  shortName: string | null;
  status: 'forming' | 'active' | 'ended';
  foundedYear: number | null;
  counties: string[];
  sectors: string[];
  currentLevel: { code: LevelCode; nameNb: string; nameEn: string; since: string } | null;
  activeMembers: number;
};

/**
 * A page of the registry in one statement: the clusters the filters and `q` match, how many they
 * are, and how `q` matched. Words are matched with the Norwegian full-text index; when that finds
 * nothing, the same statement matches names fuzzily (word similarity of at least 0.3, which
 * catches typos and word beginnings). The fuzzy part runs only when the full-text part found
 * nothing: its condition is a one-time check PostgreSQL makes before scanning.
 */
export async function readRegistryPage(
  db: Db,
  query: ListClustersQuery,
  today: string,
  formingSeen: 'all' | string[],
  partners: ClusterPartners,
): Promise<{ rows: RegistryRow[]; total: number; matched: 'all' | 'full_text' | 'fuzzy' }> {
  type Answer = { total: number; matched: 'all' | 'full_text' | 'fuzzy'; items: RegistryRow[] };
  const offset = (query.page - 1) * query.pageSize;
  // The words and filter values go in as the statement's parameters; everything else shapes it.
  const values = { q: query.q, county: query.county, sector: query.sector, level: query.level };
  // A filter left empty is no filter, as `filterConditions` reads it.
  const placeholders = {
    ...query,
    q: query.q ? sql.placeholder('q') : undefined,
    county: query.county ? sql.placeholder('county') : undefined,
    sector: query.sector ? sql.placeholder('sector') : undefined,
    level: query.level ? sql.placeholder('level') : undefined,
  } as unknown as ListClustersQuery;
  // The sector's kind (a section letter or a code) picks the column, so it shapes the statement.
  const section = !query.sector ? '-' : /^[A-U]$/.test(query.sector) ? 'section' : 'code';
  const build = () => registryStatement(placeholders, section, today, formingSeen, partners, offset);
  // Readers who see some forming networks of their own get a statement built for them.
  if (formingSeen !== 'all' && formingSeen.length > 0) {
    const [row] = await executeNamed<Answer>(
      db,
      registryStatement(query, section, today, formingSeen, partners, offset),
    );
    return { rows: row!.items, total: row!.total, matched: row!.matched };
  }
  const shape = [
    today,
    query.q ? 'q' : '-',
    query.status ?? '-',
    query.county ? 'county' : '-',
    section,
    query.level ? 'level' : '-',
    query.sort ?? '-',
    query.pageSize,
    offset,
    formingSeen === 'all' ? 'all' : 'public',
  ];
  const [row] = await executeKept<Answer>(db, `clusters.registry ${shape.join(' ')}`, build, values);
  return { rows: row!.items, total: row!.total, matched: row!.matched };
}

/** The registry page's statement; `query`'s words and filter values may be placeholders. */
function registryStatement(
  query: ListClustersQuery,
  section: 'section' | 'code' | '-',
  today: string,
  formingSeen: 'all' | string[],
  partners: ClusterPartners,
  offset: number,
): SQL {
  const day = dayLiteral(today);
  const filters = and(...filterConditions(query, day, formingSeen, section));
  const q = query.q ?? '';
  const tsQuery = sql`websearch_to_tsquery('norwegian', ${q})`;
  // Each hit carries what the page is sorted by, so only the page's clusters are read whole.
  const hitColumns = sql`${clusters.id} as id, ${clusters.nameSortKey} as sort_key, ${clusters.slug} as slug`;
  const hits: SQL = query.q
    ? sql`full_text as materialized (
          select ${hitColumns}, ts_rank(${clusters.search}, ${tsQuery}) as relevance from ${clusters}
          where ${filters} and ${clusters.search} @@ ${tsQuery}),
        fuzzy as (
          select ${hitColumns}, word_similarity(${q}, ${clusters.name}) as relevance from ${clusters}
          where not exists (select 1 from full_text) and ${filters} and ${q} <% ${clusters.name}),
        hits as (select * from full_text union all select * from fuzzy)`
    : sql`hits as (select ${hitColumns}, 0::real as relevance from ${clusters} where ${filters})`;
  const matched: SQL = query.q
    ? sql`case when exists (select 1 from full_text) then 'full_text' else 'fuzzy' end`
    : sql`'all'`;
  const sort = query.sort ?? (query.q ? 'relevance' : 'name');
  const byName = sql`hits.sort_key collate "C", hits.slug`;
  const order = sort === 'relevance' ? sql`hits.relevance desc, ${byName}` : byName;
  return sql`
    with ${hits}
    select (select count(*)::int from hits) as total, ${matched} as matched,
      (select coalesce(json_agg(json_build_object(
            'slug', ${clusters.slug}, 'name', ${clusters.name}, 'shortName', ${clusters.shortName},
            'status', ${clusters.status}, 'foundedYear', ${clusters.foundedYear},
            'counties', ${countiesOf}, 'sectors', ${sectorsOf}, 'currentLevel', ${currentLevelOf(day)},
            'activeMembers', ${partners.activeOf(sql`"clusters"."id"`, today)}) order by page.n), '[]'::json)
        from (select hits.id, row_number() over (order by ${order}) as n from hits
              order by ${order} limit ${countLiteral(query.pageSize)} offset ${countLiteral(offset)}) page
          join ${clusters} on ${clusters.id} = page.id) as items`;
}

const levelHistoryOf = sql<
  {
    level: LevelCode;
    levelNameNb: string;
    levelNameEn: string;
    startsOn: string;
    plannedEndOn: string;
    extendedToOn: string | null;
    endedOn: string | null;
    endsOn: string;
    yearlyGrantNok: number;
  }[]
>`coalesce((
  select json_agg(json_build_object(
      'level', l.code, 'levelNameNb', l.name_nb, 'levelNameEn', l.name_en, 'startsOn', e.starts_on,
      'plannedEndOn', e.planned_end_on, 'extendedToOn', e.extended_to_on, 'endedOn', e.ended_on,
      'endsOn', coalesce(e.ended_on, e.extended_to_on, e.planned_end_on),
      'yearlyGrantNok', e.yearly_grant_nok)
    order by e.starts_on, e.id)
  from engagements e join levels l on l.id = e.level_id
  where e.cluster_id = "clusters"."id"), '[]'::json)`;

const brandsOf = sql<
  { code: string; nameNb: string; nameEn: string; startsOn: string; endsOn: string | null }[]
>`
  coalesce((
    select json_agg(json_build_object(
        'code', b.code, 'nameNb', b.name_nb, 'nameEn', b.name_en, 'startsOn', cb.starts_on, 'endsOn', cb.ends_on)
      order by cb.starts_on, cb.id)
    from cluster_brands cb join brands b on b.id = cb.brand_id
    where cb.cluster_id = "clusters"."id"), '[]'::json)`;

/** Links where the cluster is the hub or the node, with the other side's name. */
const hubLinksOf = sql<
  {
    hubClusterId: string;
    startsOn: string;
    endsOn: string | null;
    otherId: string;
    otherSlug: string;
    otherName: string;
    otherStatus: 'forming' | 'active' | 'ended';
  }[]
>`coalesce((
  select json_agg(json_build_object(
      'hubClusterId', h.hub_cluster_id, 'startsOn', h.starts_on, 'endsOn', h.ends_on,
      'otherId', other.id, 'otherSlug', other.slug, 'otherName', other.name, 'otherStatus', other.status)
    order by h.starts_on, h.id)
  from hub_links h
    join clusters other on other.id = case when h.hub_cluster_id = "clusters"."id"
      then h.node_cluster_id else h.hub_cluster_id end
  where h.hub_cluster_id = "clusters"."id" or h.node_cluster_id = "clusters"."id"), '[]'::json)`;

const hostNameOf = sql<string | null>`(select ${organisations.name} from ${organisations}
  where ${organisations.orgnr} = "clusters"."host_orgnr" limit 1)`;

/** The cluster's own columns that a profile shows. */
const profileColumnsOf = sql<{
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  status: 'forming' | 'active' | 'ended';
  foundedYear: number | null;
  descriptionNb: string;
  descriptionEn: string;
  website: string | null;
  focusAreas: FocusArea[];
  hostOrgnr: string | null;
}>`json_build_object(
  'id', ${clusters.id}, 'slug', ${clusters.slug}, 'name', ${clusters.name}, 'shortName', ${clusters.shortName},
  'status', ${clusters.status}, 'foundedYear', ${clusters.foundedYear},
  'descriptionNb', ${clusters.descriptionNb}, 'descriptionEn', ${clusters.descriptionEn},
  'website', ${clusters.website}, 'focusAreas', ${clusters.focusAreas}, 'hostOrgnr', ${clusters.hostOrgnr})`;

/**
 * A cluster's whole profile in one statement; undefined when no cluster has the slug. Written
 * out rather than built, because drizzle leaves columns unqualified in a one-table select, and
 * the subqueries here read other tables with columns of the same names.
 */
export async function readClusterProfile(db: Db, slug: string, today: string, partners: ClusterPartners) {
  const [row] = await executeKept<{
    cluster: (typeof profileColumnsOf)['_']['type'];
    counties: string[];
    sectors: string[];
    currentLevel: ReturnType<typeof currentLevelOf>['_']['type'];
    levelHistory: (typeof levelHistoryOf)['_']['type'];
    brands: (typeof brandsOf)['_']['type'];
    links: (typeof hubLinksOf)['_']['type'];
    hostName: string | null;
    keptFigures: PartnerFigures | null;
  }>(
    db,
    `clusters.profile ${today}`,
    () => sql`
    select ${profileColumnsOf} as "cluster", ${countiesOf} as "counties", ${sectorsOf} as "sectors",
      ${currentLevelOf(dayLiteral(today))} as "currentLevel", ${levelHistoryOf} as "levelHistory",
      ${brandsOf} as "brands", ${hubLinksOf} as "links", ${hostNameOf} as "hostName",
      ${partners.keptFiguresOf(sql`"clusters"."id"`, today)} as "keptFigures"
    from ${clusters} where ${clusters.slug} = ${sql.placeholder('slug')}`,
    { slug },
  );
  return row;
}
