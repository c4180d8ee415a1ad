import { type Clock, osloDate } from '../../server/clock';
import type { Database, Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import {
  type Actor,
  ANONYMOUS,
  clustersWithPermission,
  hasOrganisationPermission,
} from '../../shared/access';
import { sectionOfNace } from '../../shared/sectors';
import { recordAudit } from '../audit/audit.service';
import { isPartnerInAny, listClustersOfOrganisation } from '../memberships/memberships.service';
import { findIndustryNames } from '../reference/reference.service';
import { type ActorType, sizeClass } from './actor-type';
import type {
  ListOrganisationsQuery,
  OrganisationSummary,
  OrganisationView,
  UpdateContactBody,
} from './organisations.contract';
import {
  findByOrgnr,
  findLastCompletedImport,
  findNameByOrgnr,
  insertUnverifiedOrganisation,
  type OrganisationMatch,
  searchOrganisationPage,
  updateActorType,
  updateContact,
} from './organisations.queries';

type Deps = { db: Db; clock: Clock };

/** The organisation's page. Its own contact details are for signed-in readers only. */
export async function getOrganisation(
  { db, clock, actor = ANONYMOUS }: Deps & { actor?: Actor },
  orgnr: string,
): Promise<OrganisationView> {
  const organisation = await findByOrgnr(db, orgnr);
  if (!organisation) throw notFound(`The organisation ${orgnr}`);
  const [memberships, lastImportAt, industryNames] = await Promise.all([
    listClustersOfOrganisation(db, organisation.id, osloDate(clock.now())),
    findLastCompletedImport(db),
    findIndustryNames(db, organisation.naceCodes),
  ]);
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
    contact:
      actor.kind === 'account'
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
      lastImportAt: lastImportAt?.toISOString() ?? null,
    },
    memberships,
  };
}

/**
 * Searches the register copy: digits search the organisation number from its start; words use
 * the Norwegian full-text index and fall back to fuzzy name matching when that finds nothing.
 */
export async function listOrganisations(
  { db }: Deps,
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

export function findOrganisationName(db: Db, orgnr: string) {
  return findNameByOrgnr(db, orgnr);
}

export type WriteContext = { db: Db; clock: Clock; actor: Actor; requestId?: string };

/**
 * The organisation for a new partnership: from the register copy when it is there; otherwise
 * created by hand, marked unverified, which needs at least a name. Runs in the caller's transaction.
 */
export async function ensureOrganisation(
  tx: Db,
  context: WriteContext,
  input: { orgnr: string; name?: string; actorType?: ActorType },
): Promise<{ id: string; orgnr: string; name: string; unverified: boolean; created: boolean }> {
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
    actorType: input.actorType ?? 'sme',
    now: context.clock.now(),
  });
  await recordAudit(
    tx,
    { actor: context.actor, requestId: context.requestId, now: context.clock.now() },
    {
      action: 'organisation.created_unverified',
      entityType: 'organisation',
      entityId: row.orgnr,
      after: { orgnr: row.orgnr, name: row.name, actorType: row.actorType, source: 'unverified' },
    },
  );
  return { id: row.id, orgnr: row.orgnr, name: row.name, unverified: true, created: true };
}

/**
 * Sets or lifts the manual actor type. Programme staff may classify any organisation; a cluster
 * manager those that are or were partners in their cluster. The override survives imports.
 */
export async function setActorTypeOverride(
  context: WriteContext & { db: Database },
  orgnr: string,
  actorType: ActorType | null,
): Promise<OrganisationView> {
  const { db, actor } = context;
  const organisation = await findByOrgnr(db, orgnr);
  if (!organisation) throw notFound(`The organisation ${orgnr}`);
  const scope = clustersWithPermission(actor, 'organisations.classify');
  if (scope !== 'all' && !(await isPartnerInAny(db, organisation.id, scope))) {
    throw new AppError('forbidden', 'You may classify only organisations that are partners in your cluster.');
  }
  await db.transaction(async (tx) => {
    const before = { actorType: organisation.actorType, actorTypeOverride: organisation.actorTypeOverride };
    // Organisations entered by hand have no derived type; keep today's so lifting the override restores it.
    const derived =
      organisation.actorTypeDerived ?? (organisation.actorTypeOverride ? null : organisation.actorType);
    const after = { actorType: actorType ?? derived ?? organisation.actorType, actorTypeOverride: actorType };
    await updateActorType(tx, organisation.id, {
      ...after,
      actorTypeDerived: derived,
      now: context.clock.now(),
    });
    await recordAudit(
      tx,
      { actor, requestId: context.requestId, now: context.clock.now() },
      {
        action: actorType ? 'organisation.actor_type_overridden' : 'organisation.actor_type_override_lifted',
        entityType: 'organisation',
        entityId: orgnr,
        before,
        after,
      },
    );
  });
  return getOrganisation(context, orgnr);
}

/** Its partner contacts, and programme staff, keep an organisation's own contact details. */
export async function updateOrganisationContact(
  context: WriteContext & { db: Database },
  orgnr: string,
  body: UpdateContactBody,
): Promise<OrganisationView> {
  const { db, actor, clock } = context;
  await db.transaction(async (tx) => {
    const organisation = await findByOrgnr(tx, orgnr);
    if (!organisation) throw notFound(`The organisation ${orgnr}`);
    if (!hasOrganisationPermission(actor, 'organisations.contact', organisation.id)) {
      throw new AppError('forbidden', "You may change only your own organisation's contact details.");
    }
    const current = { email: organisation.contactEmail, phone: organisation.contactPhone };
    const next = {
      email: body.email === undefined ? current.email : body.email,
      phone: body.phone === undefined ? current.phone : body.phone,
    };
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ['email', 'phone'] as const) {
      if (next[key] === current[key]) continue;
      before[key] = current[key];
      after[key] = next[key];
    }
    if (Object.keys(after).length === 0) return;
    await updateContact(tx, organisation.id, { ...next, now: clock.now() });
    await recordAudit(
      tx,
      { actor, requestId: context.requestId, now: clock.now() },
      { action: 'organisation.contact_updated', entityType: 'organisation', entityId: orgnr, before, after },
    );
  });
  return getOrganisation(context, orgnr);
}

export async function findOrganisationId(db: Db, orgnr: string): Promise<string | undefined> {
  return (await findByOrgnr(db, orgnr))?.id;
}

// Lookups for other features (accounts turns role scopes into names and back).
import { listOrganisationIdsByOrgnrs, listOrganisationRefsByIds } from './organisations.queries';

/** The id of each of these numbers that names a known organisation, by number. */
export async function organisationIdsByOrgnr(db: Db, orgnrs: string[]): Promise<Map<string, string>> {
  if (orgnrs.length === 0) return new Map();
  const rows = await listOrganisationIdsByOrgnrs(db, orgnrs);
  return new Map(rows.map((r) => [r.orgnr, r.id]));
}

/** Number and name of each of these organisations, for labelling rows that hold only an id. */
export async function organisationRefsById(
  db: Db,
  ids: string[],
): Promise<Map<string, { orgnr: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await listOrganisationRefsByIds(db, ids);
  return new Map(rows.map((r) => [r.id, { orgnr: r.orgnr, name: r.name }]));
}
