import type { SQL } from 'drizzle-orm';
import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { canSeeCluster, formingNetworksSeenBy } from '../../shared/cluster-status';
import type { MembershipRole } from '../../shared/membership-roles';
import { sectionOfNace } from '../../shared/sectors';
import { slugify } from '../../shared/slug';
import { norwegianSortKey } from '../../shared/sort-key';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { ActorType, SizeClass } from '../organisations/actor-type';
import { canBeHub, type LevelCode } from '../programme/levels';
import { findProgrammeId } from '../programme/programme.service';
import type {
  ClusterProfile,
  ClusterSummary,
  ListClustersQuery,
  NewFormingNetwork,
  PartnerStatistics,
  UpdateClusterBody,
} from './clusters.contract';
import { requireEditClusterProfile, requireSeeCluster } from './clusters.policy';
import {
  countClustersAtALevelOn,
  findClusterForUpdate,
  findClusterIdsBySlugs,
  findEngagementForUpdate,
  findEngagementOn,
  findLevelOn,
  insertCluster,
  insertEngagement,
  insertHubLink,
  listClusterFactsByIds,
  listClusterRefsByIds,
  listLevelRules,
  listSlugsLike,
  replaceClusterCounties,
  replaceClusterSectors,
  updateClusterColumns,
  updateEngagementColumns,
} from './clusters.queries';
import { readClusterProfile, readRegistryPage } from './registry.read-model';

export type PartnerDimension = 'role' | 'actorType' | 'county' | 'size' | 'division';

/** How many of a cluster's partners today fall under one key of one dimension. */
export type PartnerCount = { dimension: PartnerDimension; key: string | null; count: number };

/** A cluster's partner figures today: partners, former partners and the statistics' counts. */
export type PartnerFigures = { active: number; former: number; counts: PartnerCount[] };

/**
 * A cluster's partners, which the memberships feature keeps and counts: src/server/features.ts
 * passes its answer to the registry's routes, and the later features that show a profile pass it
 * on. The two fragments go into the registry's own statements, for the cluster `clusterId` names
 * there, so a profile or a page of the registry stays one statement; `figures` is the one more
 * statement a profile needs when no good figures are kept.
 */
export type ClusterPartners = {
  /** The kept figures as JSON (`PartnerFigures`), or null when none are good today. */
  keptFiguresOf(clusterId: SQL, today: string): SQL<PartnerFigures | null>;
  /** Partners today: the kept figure, else counted. */
  activeOf(clusterId: SQL, today: string): SQL<number>;
  /** The figures, counted and kept when no good ones are. */
  figures(db: Db, clusterId: string, today: string): Promise<PartnerFigures>;
};

type CurrentLevelRow = { code: LevelCode; nameNb: string; nameEn: string; since: string } | null;

function currentLevelView(row: CurrentLevelRow) {
  return row ? { code: row.code, name: { nb: row.nameNb, en: row.nameEn }, since: row.since } : null;
}

/**
 * The registry list. Words in `q` are matched with PostgreSQL's Norwegian full-text search
 * ("klyngene" finds "klynge"); when that finds nothing, names are matched fuzzily (trigrams),
 * which catches typos and the first letters of a word. One statement answers the whole page.
 */
export async function listClusters(
  { db, clock, actor }: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  query: ListClustersQuery,
  partners: ClusterPartners,
) {
  const today = osloDate(clock.now());
  const page = await readRegistryPage(db, query, today, formingNetworksSeenBy(actor), partners);
  const items: ClusterSummary[] = page.rows.map((row) => ({
    slug: row.slug,
    name: row.name,
    shortName: row.shortName,
    status: row.status,
    currentLevel: currentLevelView(row.currentLevel),
    counties: row.counties,
    sectors: row.sectors,
    foundedYear: row.foundedYear,
    activeMembers: row.activeMembers,
  }));
  return { items, total: page.total, page: query.page, pageSize: query.pageSize, matched: page.matched };
}

/**
 * A cluster's profile, read in one statement; a forming network's only for those who may see it
 * (not found for anyone else).
 */
export async function getClusterProfile(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  slug: string,
  partners: ClusterPartners,
): Promise<ClusterProfile> {
  const { db, clock, actor } = ctx;
  const today = osloDate(clock.now());
  const found = await readClusterProfile(db, slug, today, partners);
  if (!found) throw notFound(`The cluster "${slug}"`);
  const { cluster } = found;
  requireSeeCluster(actor, cluster);
  const figures = found.keptFigures ?? (await partners.figures(db, cluster.id, today));
  const history = found.levelHistory;
  const statistics = partnerStatistics(figures.counts);
  // A hub's profile does not give away the forming network linked to it.
  const links = found.links.filter((link) =>
    canSeeCluster(actor, { id: link.otherId, status: link.otherStatus }),
  );
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
    host: cluster.hostOrgnr ? { orgnr: cluster.hostOrgnr, name: found.hostName ?? null } : null,
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
    brands: found.brands.map((b) => ({
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
      formerPartners: figures.former,
      counties: found.counties.length,
      engagements: history.length,
      nodes: links.filter((l) => l.hubClusterId === cluster.id).length,
    },
  };
}

/** Counts, largest first; ties in key order so the answer is the same every time. */
function ranked<K extends string>(counts: Map<K, number>): { key: K; count: number }[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** One dimension's counts by key; `keyOf` may merge keys (divisions into their sections). */
function countsOf<K extends string>(
  rows: PartnerCount[],
  dimension: PartnerDimension,
  keyOf: (key: string | null) => K = (key) => (key ?? 'unknown') as K,
): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) {
    if (row.dimension !== dimension) continue;
    const key = keyOf(row.key);
    counts.set(key, (counts.get(key) ?? 0) + row.count);
  }
  return counts;
}

const sectionOfDivision = (division: string | null) =>
  (division && sectionOfNace(division)?.code) || 'unknown';

/** Who a cluster's partners are today: by role, actor type, county, size and industry section. */
function partnerStatistics(rows: PartnerCount[]): PartnerStatistics {
  const actorTypes = countsOf<ActorType>(rows, 'actorType');
  const smes = actorTypes.get('sme') ?? 0;
  const companies = smes + (actorTypes.get('large_company') ?? 0);
  const byRole = ranked(countsOf<MembershipRole>(rows, 'role'));
  return {
    total: byRole.reduce((sum, r) => sum + r.count, 0),
    byRole,
    byActorType: ranked(actorTypes),
    byCounty: ranked(countsOf(rows, 'county')),
    bySize: ranked(countsOf<SizeClass>(rows, 'size')),
    bySection: ranked(countsOf(rows, 'division', sectionOfDivision)),
    smeShare: companies === 0 ? null : smes / companies,
  };
}

/** Attaches a node to a hub. The hub must be at Arena Pro or higher on the day the link starts. */
export async function linkNodeToHub(
  { db }: Pick<ServiceContext, 'db'>,
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
  return insertHubLink(db, { ...link, endsOn: link.endsOn ?? null });
}

/**
 * The id of the cluster with this slug; a slug nobody has is a missing cluster. For the system's
 * own work (the CLI): a request asks `getSeenClusterId`.
 */
export async function getClusterId({ db }: Pick<ServiceContext, 'db'>, slug: string): Promise<string> {
  const [row] = await findClusterIdsBySlugs(db, [slug]);
  if (!row) throw notFound(`The cluster "${slug}"`);
  return row.id;
}

/** The id of the cluster with this slug, if the actor may see it: a forming network is hidden from others. */
export async function getSeenClusterId(
  { db, actor }: Pick<ServiceContext, 'db' | 'actor'>,
  slug: string,
): Promise<string> {
  const [row] = await findClusterIdsBySlugs(db, [slug]);
  if (!row) throw notFound(`The cluster "${slug}"`);
  requireSeeCluster(actor, row);
  return row.id;
}

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
  ctx: ServiceContext,
  slug: string,
  body: UpdateClusterBody,
  partners: ClusterPartners,
): Promise<ClusterProfile> {
  const { db, actor, clock } = ctx;
  await db.transaction(async (tx) => {
    const found = await findClusterForUpdate(tx, slug);
    if (!found) throw notFound(`The cluster "${slug}"`);
    const { cluster } = found;
    requireSeeCluster(actor, cluster);
    requireEditClusterProfile(actor, cluster, body);
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
    // Counties and sectors are sets: sorted, a new order of the same codes is no change.
    const { before, after, changed } = changedFields(current, {
      ...body,
      counties: body.counties && [...body.counties].sort(),
      sectors: body.sectors && [...body.sectors].sort(),
    });
    if (!changed) return;
    const next = { ...current, ...after };

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
    await recordAudit(tx, ctx, {
      action: 'cluster.updated',
      entityType: 'cluster',
      entityId: cluster.id,
      entityName: next.name,
      clusterId: cluster.id,
      before,
      after,
    });
  });
  return getClusterProfile(ctx, slug, partners);
}

/** Paths under /clusters/ that are pages of their own: no cluster may have one for its slug. */
const RESERVED_SLUGS = new Set(['register']);
/** Room left in a slug (80 characters at most) for a number that makes it unique. */
const SLUG_BASE_LENGTH = 72;

/** The slug a new cluster gets: its name's, or that with -2, -3 … after it when taken or reserved. */
function freeSlug(base: string, taken: ReadonlySet<string>): string {
  const free = (slug: string) => !taken.has(slug) && !RESERVED_SLUGS.has(slug);
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Registers a network that is forming to apply to the programme (decision 017): a cluster with
 * the status `forming`, its slug made from its name, audited. It runs in the caller's transaction
 * (the context's `db`), in which the caller makes the registering person its manager: the two
 * belong together, and the accounts feature comes after this one.
 */
export async function createFormingNetwork(
  ctx: ServiceContext,
  input: NewFormingNetwork,
): Promise<{ id: string; slug: string }> {
  const tx = ctx.db;
  const programmeId = await findProgrammeId(ctx);
  if (!programmeId) {
    throw new AppError('invalid_state', 'Klynge has no programme yet, so there is nothing to apply to.');
  }
  const base = slugify(input.name).slice(0, SLUG_BASE_LENGTH).replace(/-+$/, '') || 'nettverk';
  const slug = freeSlug(base, new Set(await listSlugsLike(tx, base)));
  const now = ctx.clock.now();
  const counties = [...input.counties].sort();
  const sectors = [...input.sectors].sort();
  const created = await insertCluster(tx, {
    programmeId,
    slug,
    name: input.name,
    nameSortKey: norwegianSortKey(input.name),
    hostOrgnr: input.hostOrgnr,
    status: 'forming',
    foundedYear: null,
    createdAt: now,
    updatedAt: now,
  });
  await replaceClusterCounties(tx, created.id, counties);
  await replaceClusterSectors(tx, created.id, sectors.map(sectorRow));
  await recordAudit(tx, ctx, {
    action: 'cluster.registered',
    entityType: 'cluster',
    entityId: created.id,
    clusterId: created.id,
    after: { name: input.name, slug, status: 'forming', counties, sectors, hostOrgnr: input.hostOrgnr },
  });
  return created;
}

// Lookups for other features (accounts turns role scopes into names and back).

/** The id of each of these slugs that names a cluster, by slug. */
export async function clusterIdsBySlug(
  { db }: Pick<ServiceContext, 'db'>,
  slugs: string[],
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await findClusterIdsBySlugs(db, slugs);
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Slug and name of each of these clusters, for labelling rows that hold only an id. */
export async function clusterRefsById(
  { db }: Pick<ServiceContext, 'db'>,
  ids: string[],
): Promise<Map<string, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await listClusterRefsByIds(db, ids);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, name: r.name }]));
}

// Engagements, for the decisions feature: a published decision starts, ends and extends them in its
// own transaction (the context's `db`), which these join.

export type LevelRule = {
  id: string;
  code: LevelCode;
  name: { nb: string; en: string };
  durationYears: number;
  extensionYears: number;
  operatingAid: boolean;
};

/** The programme's levels by code, with the duration and extension a decision is held to. */
export async function levelRulesByCode({
  db,
}: Pick<ServiceContext, 'db'>): Promise<Map<LevelCode, LevelRule>> {
  const rows = await listLevelRules(db);
  return new Map(
    rows.map((row) => [
      row.code,
      {
        id: row.id,
        code: row.code,
        name: { nb: row.nameNb, en: row.nameEn },
        durationYears: row.durationYears,
        extensionYears: row.extensionYears,
        operatingAid: row.operatingAid,
      },
    ]),
  );
}

export type EngagementFacts = NonNullable<Awaited<ReturnType<typeof findEngagementOn>>>;

/** The engagement the cluster runs on the day, if any. */
export async function findRunningEngagement(
  { db }: Pick<ServiceContext, 'db'>,
  clusterId: string,
  day: string,
): Promise<EngagementFacts | undefined> {
  return findEngagementOn(db, clusterId, day);
}

/** One of the cluster's engagements, locked for the caller's transaction; a missing one is 404. */
export async function lockEngagement(
  { db }: Pick<ServiceContext, 'db'>,
  clusterId: string,
  engagementId: string,
): Promise<EngagementFacts> {
  const row = await findEngagementForUpdate(db, clusterId, engagementId);
  if (!row) throw notFound(`The engagement ${engagementId}`);
  return row;
}

/** Starts a cluster's engagement at a level, audited, in the caller's transaction. */
export async function startEngagement(
  ctx: ServiceContext,
  input: {
    clusterId: string;
    levelId: string;
    startsOn: string;
    plannedEndOn: string;
    yearlyGrantNok: number;
    decisionRef: string;
  },
): Promise<{ id: string }> {
  const now = ctx.clock.now();
  const row = await insertEngagement(ctx.db, { ...input, createdAt: now, updatedAt: now });
  await recordAudit(ctx.db, ctx, {
    action: 'engagement.started',
    entityType: 'engagement',
    entityId: row.id,
    clusterId: input.clusterId,
    after: { ...input },
  });
  return row;
}

/** Ends a running engagement on the day (its last day), audited, in the caller's transaction. */
export async function endEngagement(
  ctx: ServiceContext,
  engagement: EngagementFacts,
  endedOn: string,
): Promise<void> {
  await updateEngagementColumns(ctx.db, engagement.id, { endedOn, updatedAt: ctx.clock.now() });
  await recordAudit(ctx.db, ctx, {
    action: 'engagement.ended',
    entityType: 'engagement',
    entityId: engagement.id,
    clusterId: engagement.clusterId,
    before: { endsOn: engagement.endsOn },
    after: { endedOn },
  });
}

/** Extends an engagement to a later last day, audited, in the caller's transaction. */
export async function extendEngagement(
  ctx: ServiceContext,
  engagement: EngagementFacts,
  extendedToOn: string,
): Promise<void> {
  await updateEngagementColumns(ctx.db, engagement.id, { extendedToOn, updatedAt: ctx.clock.now() });
  await recordAudit(ctx.db, ctx, {
    action: 'engagement.extended',
    entityType: 'engagement',
    entityId: engagement.id,
    clusterId: engagement.clusterId,
    before: { endsOn: engagement.endsOn },
    after: { extendedToOn },
  });
}

/** A forming network admitted to the programme becomes an active, public cluster. Audited. */
export async function activateFormingNetwork(ctx: ServiceContext, clusterId: string): Promise<boolean> {
  const [row] = await listClusterFactsByIds(ctx.db, [clusterId]);
  if (row?.status !== 'forming') return false;
  await updateClusterColumns(ctx.db, clusterId, { status: 'active', updatedAt: ctx.clock.now() });
  await recordAudit(ctx.db, ctx, {
    action: 'cluster.updated',
    entityType: 'cluster',
    entityId: clusterId,
    entityName: row.name,
    clusterId,
    before: { status: 'forming' },
    after: { status: 'active' },
  });
  return true;
}

export type ClusterFacts = Awaited<ReturnType<typeof listClusterFactsByIds>>[number];

/** Slug, name, status, host and counties of each of these clusters, by id. */
export async function clusterFactsById(
  { db }: Pick<ServiceContext, 'db'>,
  ids: string[],
): Promise<Map<string, ClusterFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await listClusterFactsByIds(db, ids);
  return new Map(rows.map((row) => [row.id, row]));
}

/** How many clusters are at one of the programme's levels on the day. */
export async function countClustersInProgrammeOn(
  { db }: Pick<ServiceContext, 'db'>,
  day: string,
): Promise<number> {
  return countClustersAtALevelOn(db, day);
}
