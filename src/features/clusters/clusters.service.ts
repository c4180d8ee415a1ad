import { type Clock, osloDate } from '../../server/clock';
import type { Database, Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import { hasClusterPermission, hasProgrammePermission } from '../../shared/access';
import { sectionOfNace } from '../../shared/sectors';
import { norwegianSortKey } from '../../shared/sort-key';
import { recordAudit } from '../audit/audit.service';
import {
  countActiveMembersByCluster,
  countFormerPartners,
  getPartnerStatistics,
} from '../memberships/memberships.service';
import { findOrganisationName, type WriteContext } from '../organisations/organisations.service';
import { canBeHub, type LevelCode } from '../programme/levels';
import type {
  ClusterProfile,
  ClusterSummary,
  ListClustersQuery,
  UpdateClusterBody,
} from './clusters.contract';
import {
  countActiveBrandsByCode,
  countActiveByLevel,
  countActiveClusters,
  findClusterBySlug,
  findClusterForUpdate,
  findClusterIdsBySlugs,
  findLevelOn,
  listBrandsOfCluster,
  listClusterPage,
  listClusterRefsByIds,
  listEngagementsOfCluster,
  listHubLinksOfCluster,
  replaceClusterCounties,
  replaceClusterSectors,
  updateClusterColumns,
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
  const [history, brandRows, links, statistics, formerPartners, hostName] = await Promise.all([
    listEngagementsOfCluster(db, cluster.id),
    listBrandsOfCluster(db, cluster.id),
    listHubLinksOfCluster(db, cluster.id),
    getPartnerStatistics(db, cluster.id, today),
    countFormerPartners(db, cluster.id, today),
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
      formerPartners,
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

type ClusterEditContext = WriteContext & { db: Database };

/** The section letter of a sector code: the code itself for a section, derived for a division. */
function sectorRow(code: string) {
  return { code, section: /^[A-U]$/.test(code) ? code : sectionOfNace(code)!.code };
}

/**
 * Changes a cluster's profile. Its managers edit their own cluster; programme staff edit any, and
 * only they rename a cluster or change its status. Only the fields that change are written and
 * audited, with their values before and after; a change that changes nothing writes nothing.
 */
export async function updateClusterProfile(
  context: ClusterEditContext,
  slug: string,
  body: UpdateClusterBody,
): Promise<ClusterProfile> {
  const { db, actor, clock } = context;
  await db.transaction(async (tx) => {
    const found = await findClusterForUpdate(tx, slug);
    if (!found) throw notFound(`The cluster "${slug}"`);
    const { cluster } = found;
    if (!hasClusterPermission(actor, 'clusters.edit', cluster.id)) {
      throw new AppError('forbidden', "You may edit only your own cluster's profile.");
    }
    if (
      (body.name !== undefined || body.status !== undefined) &&
      !hasProgrammePermission(actor, 'clusters.edit')
    ) {
      throw new AppError('forbidden', "Only programme staff may change a cluster's name or status.");
    }
    const current = {
      name: cluster.name,
      status: cluster.status,
      shortName: cluster.shortName,
      description: { nb: cluster.descriptionNb, en: cluster.descriptionEn },
      foundedYear: cluster.foundedYear,
      website: cluster.website,
      focusAreas: cluster.focusAreas,
      counties: found.counties,
      sectors: found.sectors,
      hostOrgnr: cluster.hostOrgnr,
    };
    const next = { ...current, ...definedFields(body) };
    if (next.counties !== current.counties) next.counties = [...next.counties].sort();
    if (next.sectors !== current.sectors) next.sectors = [...next.sectors].sort();
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(current) as (keyof typeof current)[]) {
      if (JSON.stringify(current[key]) === JSON.stringify(next[key])) continue;
      before[key] = current[key];
      after[key] = next[key];
    }
    if (Object.keys(after).length === 0) return;

    await updateClusterColumns(tx, cluster.id, {
      name: next.name,
      nameSortKey: norwegianSortKey(next.name),
      status: next.status,
      shortName: next.shortName,
      descriptionNb: next.description.nb,
      descriptionEn: next.description.en,
      foundedYear: next.foundedYear,
      website: next.website,
      focusAreas: next.focusAreas,
      hostOrgnr: next.hostOrgnr,
      updatedAt: clock.now(),
    });
    if ('counties' in after) await replaceClusterCounties(tx, cluster.id, next.counties);
    if ('sectors' in after) await replaceClusterSectors(tx, cluster.id, next.sectors.map(sectorRow));
    await recordAudit(
      tx,
      { actor, requestId: context.requestId, now: clock.now() },
      {
        action: 'cluster.updated',
        entityType: 'cluster',
        entityId: cluster.id,
        clusterId: cluster.id,
        before,
        after,
      },
    );
  });
  return getClusterProfile(context, slug);
}

/** The fields of a partial update that were sent (undefined means "leave as is"; null clears). */
function definedFields<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined)) as Partial<T>;
}

// Lookups for other features (accounts turns role scopes into names and back).

/** The id of each of these slugs that names a cluster, by slug. */
export async function clusterIdsBySlug(db: Db, slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await findClusterIdsBySlugs(db, slugs);
  return new Map(rows.map((r) => [r.slug, r.id]));
}
