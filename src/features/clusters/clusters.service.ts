import { type Clock, osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import {
  countActiveMembersByCluster,
  countMembershipsOfCluster,
  getPartnerStatistics,
} from '../memberships/memberships.service';
import { findOrganisationName } from '../organisations/organisations.service';
import { canBeHub, type LevelCode } from '../programme/levels';
import type { ClusterProfile, ClusterSummary, ListClustersQuery } from './clusters.contract';
import {
  countActiveBrandsByCode,
  countActiveByLevel,
  countActiveClusters,
  findClusterBySlug,
  findClusterIdsBySlugs,
  findLevelOn,
  listBrandsOfCluster,
  listClusterPage,
  listClusterRefsByIds,
  listEngagementsOfCluster,
  listHubLinksOfCluster,
} from './clusters.queries';
import { hubLinks } from './clusters.table';

type Deps = { db: Db; clock: Clock };

type CurrentLevelRow = { code: LevelCode; nameNb: string; nameEn: string; since: string } | null;

function currentLevelView(row: CurrentLevelRow) {
  return row ? { code: row.code, name: { nb: row.nameNb, en: row.nameEn }, since: row.since } : null;
}

/**
 * The registry list. Words in `q` are matched with PostgreSQL's Norwegian full-text search
 * ("klyngene" finds "klynge"); when that finds nothing, names are matched fuzzily (trigrams),
 * which catches typos and the first letters of a word.
 */
export async function listClusters({ db, clock }: Deps, query: ListClustersQuery) {
  const today = osloDate(clock.now());
  let matched: 'all' | 'full_text' | 'fuzzy' = 'all';
  let page = await listClusterPage(db, query, today, query.q ? 'full_text' : 'none');
  if (query.q) {
    matched = 'full_text';
    if (page.total === 0) {
      page = await listClusterPage(db, query, today, 'fuzzy');
      matched = 'fuzzy';
    }
  }
  const members = await countActiveMembersByCluster(
    db,
    page.rows.map((r) => r.id),
    today,
  );
  const items: ClusterSummary[] = page.rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    shortName: row.shortName,
    status: row.status,
    currentLevel: currentLevelView(row.currentLevel),
    counties: row.counties,
    sectors: row.sectors,
    foundedYear: row.foundedYear,
    activeMembers: members.get(row.id) ?? 0,
  }));
  return { items, total: page.total, page: query.page, pageSize: query.pageSize, matched };
}

export async function getClusterProfile({ db, clock }: Deps, slug: string): Promise<ClusterProfile> {
  const today = osloDate(clock.now());
  const found = await findClusterBySlug(db, slug, today);
  if (!found) throw notFound(`The cluster "${slug}"`);
  const { cluster } = found;
  const [history, brandRows, links, statistics, membershipCounts, hostName] = await Promise.all([
    listEngagementsOfCluster(db, cluster.id),
    listBrandsOfCluster(db, cluster.id),
    listHubLinksOfCluster(db, cluster.id),
    getPartnerStatistics(db, cluster.id, today),
    countMembershipsOfCluster(db, cluster.id, today),
    cluster.hostOrgnr ? findOrganisationName(db, cluster.hostOrgnr) : Promise.resolve(undefined),
  ]);
  const linkView = (link: (typeof links)[number]) => ({
    cluster: { slug: link.otherSlug, name: link.otherName },
    startsOn: link.startsOn,
    endsOn: link.endsOn,
    current: link.startsOn <= today && (link.endsOn === null || link.endsOn >= today),
  });
  return {
    id: cluster.id,
    slug: cluster.slug,
    name: cluster.name,
    shortName: cluster.shortName,
    status: cluster.status,
    currentLevel: currentLevelView(found.currentLevel),
    counties: found.counties,
    sectors: found.sectors,
    foundedYear: cluster.foundedYear,
    activeMembers: statistics.total,
    description: { nb: cluster.descriptionNb, en: cluster.descriptionEn },
    website: cluster.website,
    focusAreas: cluster.focusAreas,
    host: cluster.hostOrgnr ? { orgnr: cluster.hostOrgnr, name: hostName ?? null } : null,
    levelHistory: history.map((e) => ({
      level: e.level,
      levelName: { nb: e.levelNameNb, en: e.levelNameEn },
      startsOn: e.startsOn,
      plannedEndOn: e.plannedEndOn,
      extendedToOn: e.extendedToOn,
      endedOn: e.endedOn,
      endsOn: e.endsOn,
      yearlyGrantNok: e.yearlyGrantNok,
      current: e.startsOn <= today && e.endsOn >= today,
    })),
    brands: brandRows.map((b) => ({
      code: b.code,
      name: { nb: b.nameNb, en: b.nameEn },
      startsOn: b.startsOn,
      endsOn: b.endsOn,
    })),
    hubs: links.filter((l) => l.hubClusterId !== cluster.id).map(linkView),
    nodes: links.filter((l) => l.hubClusterId === cluster.id).map(linkView),
    partnerStatistics: statistics,
    counts: {
      partners: statistics.total,
      corePartners: statistics.byRole.find((r) => r.key === 'core_partner')?.count ?? 0,
      formerPartners: membershipCounts.former,
      counties: found.counties.length,
      engagements: history.length,
      nodes: links.filter((l) => l.hubClusterId === cluster.id).length,
    },
  };
}

export async function countActiveClustersByLevel(db: Db, programmeId: string, today: string) {
  const [rows, total] = await Promise.all([
    countActiveByLevel(db, programmeId, today),
    countActiveClusters(db, programmeId, today),
  ]);
  return { byLevel: new Map(rows.map((r) => [r.level, r.clusters])), total };
}

export async function countActiveBrands(db: Db, programmeId: string, today: string) {
  const rows = await countActiveBrandsByCode(db, programmeId, today);
  return new Map(rows.map((r) => [r.code, r.clusters]));
}

/** Attaches a node to a hub. The hub must be at Arena Pro or higher on the day the link starts. */
export async function linkNodeToHub(
  db: Db,
  link: { hubClusterId: string; nodeClusterId: string; startsOn: string; endsOn?: string | null },
) {
  if (link.hubClusterId === link.nodeClusterId) {
    throw new AppError('validation_failed', 'A cluster cannot be its own hub.');
  }
  const hubLevel = await findLevelOn(db, link.hubClusterId, link.startsOn);
  if (!canBeHub(hubLevel)) {
    throw new AppError(
      'invalid_state',
      `A hub must be at Arena Pro or higher when the link starts; on ${link.startsOn} it was at ${hubLevel ?? 'no level'}.`,
    );
  }
  const [row] = await db
    .insert(hubLinks)
    .values({ ...link, endsOn: link.endsOn ?? null })
    .returning();
  return row!;
}

export async function getClusterId(db: Db, slug: string): Promise<string> {
  const [row] = await findClusterIdsBySlugs(db, [slug]);
  if (!row) throw notFound(`The cluster "${slug}"`);
  return row.id;
}

/** The cluster with this slug, or undefined: for filters, where an unknown slug is bad input, not a missing page. */
export async function findClusterId(db: Db, slug: string): Promise<string | undefined> {
  const [row] = await findClusterIdsBySlugs(db, [slug]);
  return row?.id;
}

/** Slug and name of each of these clusters, for labelling rows that hold only a cluster id. */
export async function clusterRefsById(
  db: Db,
  ids: string[],
): Promise<Map<string, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await listClusterRefsByIds(db, ids);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}
