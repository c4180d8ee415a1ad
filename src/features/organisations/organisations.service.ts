import type { SQL } from 'drizzle-orm';
import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import type { ServiceContext } from '../../server/service-context';
import { formingNetworksSeenBy } from '../../shared/cluster-status';
import { sectionOfNace } from '../../shared/sectors';
import { changedFields, recordAudit } from '../audit/record-audit';
import { type ActorType, sizeClass } from './actor-type';
import { readOrganisationPage } from './organisation-page.read-model';
import type {
  ListOrganisationsQuery,
  OrganisationMembership,
  OrganisationSummary,
  OrganisationView,
  UpdateContactBody,
} from './organisations.contract';
import {
  canReadOrganisationContact,
  clustersWhereActorClassifies,
  requireClassifyOrganisation,
  requireEditOrganisationContact,
} from './organisations.policy';
import {
  findByOrgnr,
  findNameByOrgnr,
  insertUnverifiedOrganisation,
  listOrganisationIdsByOrgnrs,
  listOrganisationRefsByIds,
  type OrganisationMatch,
  searchOrganisationPage,
  updateActorType,
  updateContact,
} from './organisations.queries';

/**
 * What organisations need to know of partnerships: whether one is or was a partner in given
 * clusters (the classification rule), and which ever were (the register import keeps those it
 * would delete). Memberships come after organisations in the features' order, so they answer:
 * src/server/features.ts hands their functions in (decision 015). Each takes the database or the
 * caller's transaction.
 */
export type PartnershipFacts = {
  /** Whether the organisation is or was a partner in any of these clusters. */
  isPartnerInAnyCluster(db: Db, organisationId: string, clusterIds: string[]): Promise<boolean>;
  /** The organisations among these that are or ever were a partner of some cluster. */
  organisationIdsWithPartnerships(db: Db, organisationIds: string[]): Promise<string[]>;
  /**
   * Every partnership of the organisation `organisationId` names, in clusters the reader may see
   * (`formingSeen`), as JSON: a part of the organisation page's statement.
   */
  partnershipsOf(organisationId: SQL, formingSeen: 'all' | string[]): SQL<PartnershipRow[]>;
};

/** One partnership of an organisation, as its page reads it. */
export type PartnershipRow = {
  slug: string;
  name: string;
  status: 'forming' | 'active' | 'ended';
  role: 'core_partner' | 'partner' | 'associate';
  joinedOn: string;
  leftOn: string | null;
};

/**
 * The organisation's page, read in one statement: the clusters it is or was a partner in (a
 * forming network only for a reader who may see it), each marked current when it is today. Its
 * own contact details are for signed-in readers only.
 */
export async function getOrganisation(
  ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  orgnr: string,
  partnerships: Pick<PartnershipFacts, 'partnershipsOf'>,
): Promise<OrganisationView> {
  const { db, clock, actor } = ctx;
  const found = await readOrganisationPage(db, orgnr, formingNetworksSeenBy(actor), partnerships);
  if (!found) throw notFound(`The organisation ${orgnr}`);
  const { organisation, lastImportAt } = found;
  const today = osloDate(clock.now());
  const memberships: OrganisationMembership[] = found.partnerships.map((row) => ({
    cluster: { slug: row.slug, name: row.name },
    role: row.role,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    current: row.joinedOn <= today && (row.leftOn === null || row.leftOn > today),
  }));
  const industryNames = new Map(
    found.industryNames.map((row) => [row.code, { nb: row.nameNb, en: row.nameEn }]),
  );
  return {
    id: organisation.id,
    orgnr: organisation.orgnr,
    name: organisation.name,
    organisationForm: organisation.organisationForm,
    naceCodes: organisation.naceCodes.map((code, index) => ({
      code,
      section: sectionOfNace(code)?.code ?? null,
      division: sectionOfNace(code) ? code.slice(0, 2) : null,
      // The SN2007 list when loaded; otherwise the register's own description.
      description: industryNames.get(code)?.nb ?? (organisation.naceDescriptions[index] || null),
    })),
    employees: organisation.employees,
    sizeClass: sizeClass(organisation.employees),
    municipalityNumber: organisation.municipalityNumber,
    countyCode: organisation.countyCode,
    actorType: organisation.actorType,
    actorTypeOverridden: organisation.actorTypeOverride !== null,
    website: organisation.website,
    contact: canReadOrganisationContact(actor)
      ? { email: organisation.contactEmail, phone: organisation.contactPhone }
      : null,
    register: {
      source: organisation.source,
      kind: organisation.registerKind,
      organisationFormName: organisation.organisationFormName,
      municipalityName: organisation.municipalityName,
      postalCode: organisation.postalCode,
      postalPlace: organisation.postalPlace,
      institutionalSectorCode: organisation.institutionalSectorCode,
      foundedOn: organisation.foundedOn,
      registeredOn: organisation.registeredOn,
      bankrupt: organisation.bankrupt,
      underLiquidation: organisation.underLiquidation,
      underForcedLiquidation: organisation.underForcedLiquidation,
      deletedOn: organisation.deletedOn,
      parentOrgnr: organisation.parentOrgnr,
      updatedAt: organisation.registerUpdatedAt?.toISOString() ?? null,
      lastImportAt,
    },
    memberships,
  };
}

/**
 * Searches the register copy: digits search the organisation number from its start; words use
 * the Norwegian full-text index and fall back to fuzzy name matching when that finds nothing.
 */
export async function listOrganisations(
  { db }: Pick<ServiceContext, 'db'>,
  query: ListOrganisationsQuery,
): Promise<Page<OrganisationSummary> & { matched: OrganisationMatch }> {
  let mode: OrganisationMatch = 'all';
  if (query.q) mode = /^[\d\s]+$/.test(query.q) ? 'orgnr_prefix' : 'full_text';
  let page = await searchOrganisationPage(db, query, mode);
  if (mode === 'full_text' && page.total === 0) {
    mode = 'fuzzy';
    page = await searchOrganisationPage(db, query, mode);
  }
  return { items: page.rows, total: page.total, page: query.page, pageSize: query.pageSize, matched: mode };
}

export function findOrganisationName({ db }: Pick<ServiceContext, 'db'>, orgnr: string) {
  return findNameByOrgnr(db, orgnr);
}

/**
 * The organisation for a new partnership: from the register copy when it is there; otherwise
 * created by hand, marked unverified, which needs at least a name. Runs in the caller's
 * transaction, which is the context's `db`.
 */
export async function ensureOrganisation(
  ctx: ServiceContext,
  input: { orgnr: string; name?: string; actorType?: ActorType },
): Promise<{ id: string; orgnr: string; name: string; unverified: boolean; created: boolean }> {
  const tx = ctx.db;
  const existing = await findByOrgnr(tx, input.orgnr);
  if (existing) {
    return {
      id: existing.id,
      orgnr: existing.orgnr,
      name: existing.name,
      unverified: existing.source === 'unverified',
      created: false,
    };
  }
  if (!input.name) {
    const message = `${input.orgnr} is not in the register copy: give the organisation's name to add it unverified.`;
    throw new AppError('validation_failed', message, {
      fieldErrors: [{ path: ['body', 'name'], message, code: 'required' }],
    });
  }
  const row = await insertUnverifiedOrganisation(tx, {
    orgnr: input.orgnr,
    name: input.name,
    // A type said by hand is kept as such; without one the placeholder counts as unknown in statistics.
    actorType: input.actorType ?? 'sme',
    actorTypeOverride: input.actorType ?? null,
    now: ctx.clock.now(),
  });
  await recordAudit(tx, ctx, {
    action: 'organisation.created_unverified',
    entityType: 'organisation',
    entityId: row.orgnr,
    after: { orgnr: row.orgnr, name: row.name, actorType: row.actorType, source: 'unverified' },
  });
  return { id: row.id, orgnr: row.orgnr, name: row.name, unverified: true, created: true };
}

/**
 * Sets or lifts the manual actor type. Programme staff may classify any organisation; a cluster
 * manager those that are or were partners in their cluster. The override survives imports.
 */
export async function setActorTypeOverride(
  ctx: ServiceContext,
  orgnr: string,
  actorType: ActorType | null,
  partnerships: Pick<PartnershipFacts, 'isPartnerInAnyCluster' | 'partnershipsOf'>,
): Promise<OrganisationView> {
  const { db, actor } = ctx;
  const organisation = await findByOrgnr(db, orgnr);
  if (!organisation) throw notFound(`The organisation ${orgnr}`);
  const clusters = clustersWhereActorClassifies(actor);
  requireClassifyOrganisation(actor, {
    partnerInActorsCluster:
      clusters !== 'all' && (await partnerships.isPartnerInAnyCluster(db, organisation.id, clusters)),
  });
  await db.transaction(async (tx) => {
    const before = { actorType: organisation.actorType, actorTypeOverride: organisation.actorTypeOverride };
    // Organisations entered by hand have no derived type; keep today's so lifting the override restores it.
    const derived =
      organisation.actorTypeDerived ?? (organisation.actorTypeOverride ? null : organisation.actorType);
    const after = { actorType: actorType ?? derived ?? organisation.actorType, actorTypeOverride: actorType };
    await updateActorType(tx, organisation.id, {
      ...after,
      actorTypeDerived: derived,
      now: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: actorType ? 'organisation.actor_type_overridden' : 'organisation.actor_type_override_lifted',
      entityType: 'organisation',
      entityId: orgnr,
      entityName: organisation.name,
      before,
      after,
    });
  });
  return getOrganisation(ctx, orgnr, partnerships);
}

/** Its partner contacts, and programme staff, keep an organisation's own contact details. */
export async function updateOrganisationContact(
  ctx: ServiceContext,
  orgnr: string,
  body: UpdateContactBody,
  partnerships: Pick<PartnershipFacts, 'partnershipsOf'>,
): Promise<OrganisationView> {
  const { db, actor, clock } = ctx;
  await db.transaction(async (tx) => {
    const organisation = await findByOrgnr(tx, orgnr);
    if (!organisation) throw notFound(`The organisation ${orgnr}`);
    requireEditOrganisationContact(actor, organisation);
    const current = { email: organisation.contactEmail, phone: organisation.contactPhone };
    const { before, after, changed } = changedFields(current, body);
    if (!changed) return;
    await updateContact(tx, organisation.id, { ...current, ...after, now: clock.now() });
    await recordAudit(tx, ctx, {
      action: 'organisation.contact_updated',
      entityType: 'organisation',
      entityId: orgnr,
      entityName: organisation.name,
      before,
      after,
    });
  });
  return getOrganisation(ctx, orgnr, partnerships);
}

export async function findOrganisationId(
  { db }: Pick<ServiceContext, 'db'>,
  orgnr: string,
): Promise<string | undefined> {
  return (await findByOrgnr(db, orgnr))?.id;
}

// Lookups for other features (accounts turns role scopes into names and back).

/** The id of each of these numbers that names a known organisation, by number. */
export async function organisationIdsByOrgnr(
  { db }: Pick<ServiceContext, 'db'>,
  orgnrs: string[],
): Promise<Map<string, string>> {
  if (orgnrs.length === 0) return new Map();
  const rows = await listOrganisationIdsByOrgnrs(db, orgnrs);
  return new Map(rows.map((r) => [r.orgnr, r.id]));
}

/** The name of each of these numbers that names a known organisation, by number. */
export async function organisationNamesByOrgnr(
  { db }: Pick<ServiceContext, 'db'>,
  orgnrs: string[],
): Promise<Map<string, string>> {
  if (orgnrs.length === 0) return new Map();
  const rows = await listOrganisationIdsByOrgnrs(db, orgnrs);
  return new Map(rows.map((r) => [r.orgnr, r.name]));
}

/** Number and name of each of these organisations, for labelling rows that hold only an id. */
export async function organisationRefsById(
  { db }: Pick<ServiceContext, 'db'>,
  ids: string[],
): Promise<Map<string, { orgnr: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await listOrganisationRefsByIds(db, ids);
  return new Map(rows.map((r) => [r.id, { orgnr: r.orgnr, name: r.name }]));
}
