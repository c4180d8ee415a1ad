import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, conflictOnUniqueViolation, type FieldError, notFound } from '../../server/http/app-error';
import { offsetOf, type Page } from '../../server/http/pagination';
import type { ServiceContext } from '../../server/service-context';
import type { Actor } from '../../shared/access';
import { slugify } from '../../shared/slug';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { LevelCode } from './levels';
import {
  type AddLevelBody,
  type BrandInput,
  type LevelView,
  type ListLevelsQuery,
  type OperatorInput,
  openYearsProblem,
  type ProgrammeView,
  type SetUpProgrammeBody,
  type UpdateLevelBody,
} from './programme.contract';
import { canManageProgramme, requireManageProgramme } from './programme.policy';
import {
  type BrandRow,
  brandColumns,
  deleteBrands,
  findFirstProgramme,
  findLevel,
  insertBrands,
  insertLevels,
  insertProgramme,
  type LevelRow,
  levelColumns,
  listBrands,
  listLevels,
  listLevelsPage,
  listOperators,
  lockProgrammeSetUp,
  type OperatorRow,
  type ProgrammeRow,
  programmeColumns,
  replaceOperators,
  updateBrandColumns,
  updateLevelColumns,
  updateProgrammeColumns,
} from './programme.queries';
import type { ProgrammeTemplate } from './programme.templates';

/**
 * How many clusters and partnerships the programme has. Clusters and memberships come after the
 * programme in the features' order, so they count for it: src/server/features.ts hands their
 * functions in (decision 015), and the programme reads none of their tables. Each takes the
 * database or the caller's transaction. Forming networks are not in the programme: today's counts
 * leave them out.
 */
export type ProgrammeCounts = {
  /** Clusters at each of the programme's levels today, by level code; a cluster counts once per level. */
  clustersAtLevelsToday(db: Db, programmeId: string, today: string): Promise<ReadonlyMap<LevelCode, number>>;
  /** Clusters at any of the programme's levels today. */
  clustersInProgrammeToday(db: Db, programmeId: string, today: string): Promise<number>;
  /** Clusters holding each of the programme's brands today, by brand code. */
  clustersWithBrandsToday(db: Db, programmeId: string, today: string): Promise<ReadonlyMap<string, number>>;
  /** Clusters that hold or ever held each of the programme's brands, by brand code. */
  clustersEverHoldingBrands(db: Db, programmeId: string): Promise<ReadonlyMap<string, number>>;
  /** Partnerships today, and the organisations in them. */
  partnershipsToday(db: Db, today: string): Promise<{ memberships: number; organisations: number }>;
};

/** A level as it is set up, without how many clusters are at it today. */
export type ProgrammeLevel = Omit<LevelView, 'activeClusters'>;

// ── Reading ───────────────────────────────────────────────────────────────────────────────────

/** An operator's press contact; one without a name and an address (erased, say) is none. */
function pressContactOf(row: OperatorRow) {
  return row.pressContactName && row.pressContactEmail
    ? { name: row.pressContactName, email: row.pressContactEmail, phone: row.pressContactPhone }
    : null;
}

function operatorView(row: OperatorRow, withPressContact: boolean) {
  return {
    orgnr: row.orgnr,
    name: row.name,
    ...(withPressContact ? { pressContact: pressContactOf(row) } : {}),
  };
}

function levelView(level: LevelRow, activeClusters: number): LevelView {
  return { ...programmeLevel(level), activeClusters };
}

/** A level as it is set up, without the count of clusters at it. */
function programmeLevel(level: LevelRow): ProgrammeLevel {
  return { code: level.code, ...levelSnapshot(level) };
}

/** A level as the API describes it, and as the audit trail and a change compare it. */
function levelSnapshot(level: LevelRow): Omit<AddLevelBody, 'code'> {
  return {
    name: { nb: level.nameNb, en: level.nameEn },
    description: { nb: level.descriptionNb, en: level.descriptionEn },
    durationYears: level.durationYears,
    extensionYears: level.extensionYears,
    openFromYear: level.openFromYear,
    openToYear: level.openToYear,
    funded: level.funded,
    operatingAid: level.operatingAid,
  };
}

async function requireProgramme(db: Db): Promise<ProgrammeRow> {
  const programme = await findFirstProgramme(db);
  if (!programme) throw notFound('The programme');
  return programme;
}

/**
 * The programme this installation runs, with today's counts per level. The operators' press
 * contacts are personal data: only those who may set the programme up see them.
 */
export async function getProgramme(
  { db, clock, actor }: Pick<ServiceContext, 'db' | 'clock'> & { actor?: Actor },
  counts: ProgrammeCounts,
): Promise<ProgrammeView> {
  const programme = await requireProgramme(db);
  const today = osloDate(clock.now());
  const [
    operatorRows,
    levelRows,
    brandRows,
    clustersAtLevel,
    activeClusters,
    clustersWithBrand,
    memberships,
  ] = await Promise.all([
    listOperators(db, programme.id),
    listLevels(db, programme.id),
    listBrands(db, programme.id),
    counts.clustersAtLevelsToday(db, programme.id, today),
    counts.clustersInProgrammeToday(db, programme.id, today),
    counts.clustersWithBrandsToday(db, programme.id, today),
    counts.partnershipsToday(db, today),
  ]);
  const withPressContacts = actor !== undefined && canManageProgramme(actor);
  return {
    slug: programme.slug,
    name: { nb: programme.nameNb, en: programme.nameEn },
    description: { nb: programme.descriptionNb, en: programme.descriptionEn },
    operators: operatorRows.map((row) => row.name),
    operatorOrganisations: operatorRows.map((row) => operatorView(row, withPressContacts)),
    operatingAidCapYears: programme.operatingAidCapYears,
    levels: levelRows.map((level) => levelView(level, clustersAtLevel.get(level.code) ?? 0)),
    brands: brandRows.map((brand) => ({
      code: brand.code,
      name: { nb: brand.nameNb, en: brand.nameEn },
      duringLevel: brand.duringLevelCode,
      fromYear: brand.fromYear,
      activeClusters: clustersWithBrand.get(brand.code) ?? 0,
    })),
    counts: {
      activeClusters,
      partnerOrganisations: memberships.organisations,
      memberships: memberships.memberships,
    },
  };
}

/**
 * The programme's levels as they are set up, without today's counts: for later features that
 * need a level's names, duration or kind of aid. Throws `not_found` before a programme is set up.
 */
export async function getProgrammeLevels({ db }: Pick<ServiceContext, 'db'>): Promise<ProgrammeLevel[]> {
  const programme = await requireProgramme(db);
  return (await listLevels(db, programme.id)).map(programmeLevel);
}

/** The id of the programme this installation runs, for a cluster joining it; undefined before set-up. */
export async function findProgrammeId({ db }: Pick<ServiceContext, 'db'>): Promise<string | undefined> {
  return (await findFirstProgramme(db))?.id;
}

/** Whether a programme has been set up: an empty database gets the demo (embedded default) or the set-up. */
export async function hasProgramme({ db }: Pick<ServiceContext, 'db'>): Promise<boolean> {
  return (await findFirstProgramme(db)) !== undefined;
}

// ── Setting the programme up ──────────────────────────────────────────────────────────────────

/** The programme's editable fields, shaped alike from the rows and from a request so they compare. */
type Editable = {
  name: { nb: string; en: string };
  description: { nb: string; en: string };
  operatorOrganisations: OperatorInput[];
  operatingAidCapYears: number;
  brands: BrandInput[];
};

const localized = (text: { nb: string; en: string }) => ({ nb: text.nb, en: text.en });

const operatorInput = (operator: OperatorInput): OperatorInput => ({
  orgnr: operator.orgnr,
  name: operator.name,
  pressContact: operator.pressContact && {
    name: operator.pressContact.name,
    email: operator.pressContact.email,
    phone: operator.pressContact.phone,
  },
});

// Brands have no order of their own; comparing them by code keeps a reordered list from being a change.
const brandInputs = (brands: BrandInput[]): BrandInput[] =>
  brands
    .map((brand) => ({
      code: brand.code,
      name: localized(brand.name),
      duringLevel: brand.duringLevel,
      fromYear: brand.fromYear,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

function editableOf(programme: ProgrammeRow, operators: OperatorRow[], brands: BrandRow[]): Editable {
  return {
    name: { nb: programme.nameNb, en: programme.nameEn },
    description: { nb: programme.descriptionNb, en: programme.descriptionEn },
    operatorOrganisations: operators.map((row) =>
      operatorInput({ orgnr: row.orgnr, name: row.name, pressContact: pressContactOf(row) }),
    ),
    operatingAidCapYears: programme.operatingAidCapYears,
    brands: brandInputs(
      brands.map((brand) => ({
        code: brand.code,
        name: { nb: brand.nameNb, en: brand.nameEn },
        duringLevel: brand.duringLevelCode,
        fromYear: brand.fromYear,
      })),
    ),
  };
}

/** What the request asks for, with the fields it leaves out kept from `current`. */
function requestedOf(body: SetUpProgrammeBody, current: Editable): Editable {
  return {
    name: localized(body.name),
    description: body.description ? localized(body.description) : current.description,
    operatorOrganisations: body.operatorOrganisations.map(operatorInput),
    operatingAidCapYears: body.operatingAidCapYears ?? current.operatingAidCapYears,
    brands: body.brands ? brandInputs(body.brands) : current.brands,
  };
}

const EMPTY: Editable = {
  name: { nb: '', en: '' },
  description: { nb: '', en: '' },
  operatorOrganisations: [],
  operatingAidCapYears: 10,
  brands: [],
};

function invalid(detail: string, fieldErrors: FieldError[]): AppError {
  return new AppError('validation_failed', detail, { fieldErrors });
}

/** A field error for each brand granted during a level the programme does not have. */
function brandLevelErrors(requested: BrandInput[], levelCodes: ReadonlySet<LevelCode>): FieldError[] {
  return requested.flatMap((brand, index) =>
    levelCodes.has(brand.duringLevel)
      ? []
      : [
          {
            path: ['body', 'brands', index, 'duringLevel'],
            message: `the programme has no level ${brand.duringLevel}: add the level first`,
          },
        ],
  );
}

/**
 * Writes the brands the request lists: new codes are added, known ones changed, and those left out
 * removed. A brand must be granted during one of the programme's levels, and a brand some cluster
 * holds or held stays, since the cluster's history names it.
 */
async function writeBrands(
  tx: Db,
  ctx: Pick<ServiceContext, 'clock'>,
  programmeId: string,
  requested: BrandInput[],
  levelCodes: ReadonlySet<LevelCode>,
  counts: Pick<ProgrammeCounts, 'clustersEverHoldingBrands'>,
): Promise<void> {
  const current = await listBrands(tx, programmeId);
  const requestedCodes = new Set(requested.map((brand) => brand.code));
  const removed = current.filter((brand) => !requestedCodes.has(brand.code));
  const held: ReadonlyMap<string, number> =
    removed.length > 0 ? await counts.clustersEverHoldingBrands(tx, programmeId) : new Map();
  const fieldErrors = brandLevelErrors(requested, levelCodes);
  for (const brand of removed) {
    const clusters = held.get(brand.code) ?? 0;
    if (clusters > 0) {
      fieldErrors.push({
        path: ['body', 'brands'],
        message: `must keep ${brand.code}: ${clusters} cluster${clusters === 1 ? ' holds' : 's hold'} or held it`,
      });
    }
  }
  if (fieldErrors.length > 0) throw invalid('The brands do not fit the programme.', fieldErrors);

  const now = ctx.clock.now();
  const byCode = new Map(current.map((brand) => [brand.code, brand]));
  await deleteBrands(
    tx,
    removed.map((brand) => brand.id),
  );
  for (const brand of requested) {
    const known = byCode.get(brand.code);
    if (known) await updateBrandColumns(tx, known.id, { ...brandColumns(brand), updatedAt: now });
  }
  await insertBrands(
    tx,
    programmeId,
    requested.filter((brand) => !byCode.has(brand.code)),
    now,
  );
}

async function writeLevel(tx: Db, ctx: ServiceContext, programmeId: string, level: AddLevelBody) {
  const [row] = await insertLevels(tx, programmeId, [level], ctx.clock.now());
  if (!row) throw new Error(`The level ${level.code} was not written.`);
  await recordAudit(tx, ctx, {
    action: 'level.created',
    entityType: 'level',
    entityId: row.id,
    entityName: row.nameNb || row.nameEn,
    after: { code: row.code, ...levelSnapshot(row) },
  });
  return row;
}

/** Makes the programme, with levels when given (a template) before the brands granted during them. */
async function createProgrammeIn(
  tx: Db,
  ctx: ServiceContext,
  body: SetUpProgrammeBody,
  levels: readonly AddLevelBody[] = [],
): Promise<ProgrammeRow> {
  const now = ctx.clock.now();
  const requested = requestedOf(body, { ...EMPTY, name: body.name });
  const programme = await insertProgramme(tx, {
    slug: slugify(requested.name.en) || slugify(requested.name.nb) || 'programme',
    ...programmeColumns(requested),
    createdAt: now,
    updatedAt: now,
  });
  await replaceOperators(tx, programme.id, requested.operatorOrganisations, now);
  for (const level of levels) await writeLevel(tx, ctx, programme.id, level);
  // A new programme has no brands yet, so none is held and none removed: they are only added.
  const brands = body.brands ?? [];
  const fieldErrors = brandLevelErrors(brands, new Set(levels.map((level) => level.code)));
  if (fieldErrors.length > 0) throw invalid('The brands do not fit the programme.', fieldErrors);
  await insertBrands(tx, programme.id, brands, now);
  await recordAudit(tx, ctx, {
    action: 'programme.created',
    entityType: 'programme',
    entityId: programme.id,
    entityName: programme.nameNb || programme.nameEn,
    after: { slug: programme.slug, ...requested },
  });
  return programme;
}

async function replaceProgrammeIn(
  tx: Db,
  ctx: ServiceContext,
  programme: ProgrammeRow,
  body: SetUpProgrammeBody,
  counts: ProgrammeCounts,
): Promise<void> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const operators = await listOperators(tx, programme.id);
  const brandRows = await listBrands(tx, programme.id);
  const levelRows = await listLevels(tx, programme.id);
  const current = editableOf(programme, operators, brandRows);
  const requested = requestedOf(body, current);
  const { before, after, changed } = changedFields(current, requested);
  if (!changed) return;
  const now = ctx.clock.now();
  if (after.operatorOrganisations) {
    await replaceOperators(tx, programme.id, after.operatorOrganisations, now);
  }
  if (after.brands) {
    const levelCodes = new Set(levelRows.map((level) => level.code));
    await writeBrands(tx, ctx, programme.id, after.brands, levelCodes, counts);
  }
  await updateProgrammeColumns(tx, programme.id, {
    ...(after.name ? { nameNb: after.name.nb, nameEn: after.name.en } : {}),
    ...(after.description
      ? { descriptionNb: after.description.nb, descriptionEn: after.description.en }
      : {}),
    ...(after.operatingAidCapYears !== undefined ? { operatingAidCapYears: after.operatingAidCapYears } : {}),
    updatedAt: now,
  });
  await recordAudit(tx, ctx, {
    action: 'programme.updated',
    entityType: 'programme',
    entityId: programme.id,
    entityName: after.name?.nb || programme.nameNb,
    before: { slug: programme.slug, ...before },
    after: { slug: programme.slug, ...after },
  });
}

/**
 * `PUT /api/programme`: sets the programme up when the database has none, or replaces its editable
 * fields. Only what changes is written and audited, in the same transaction.
 */
export async function setUpProgramme(
  ctx: ServiceContext,
  body: SetUpProgrammeBody,
  counts: ProgrammeCounts,
): Promise<{ programme: ProgrammeView; created: boolean }> {
  requireManageProgramme(ctx.actor);
  const created = await ctx.db.transaction(async (tx) => {
    await lockProgrammeSetUp(tx);
    const current = await findFirstProgramme(tx);
    if (current) await replaceProgrammeIn(tx, ctx, current, body, counts);
    else await createProgrammeIn(tx, ctx, body);
    return current === undefined;
  });
  return { programme: await getProgramme(ctx, counts), created };
}

/**
 * `klynge init-programme`: writes a template's programme, levels and brands into a database that
 * has no programme. The command line acts for whoever runs the installation, so no role is asked.
 */
export async function initProgramme(
  ctx: ServiceContext,
  template: ProgrammeTemplate,
): Promise<{ slug: string; levels: number; brands: number; operators: number }> {
  return ctx.db.transaction(async (tx) => {
    await lockProgrammeSetUp(tx);
    const existing = await findFirstProgramme(tx);
    if (existing) {
      throw new AppError(
        'conflict',
        `The database already holds the programme "${existing.nameEn}"; init-programme writes one only into a database without one.`,
      );
    }
    const programme = await createProgrammeIn(tx, { ...ctx, db: tx }, template.programme, template.levels);
    return {
      slug: programme.slug,
      levels: template.levels.length,
      brands: template.programme.brands.length,
      operators: template.programme.operatorOrganisations.length,
    };
  });
}

// ── Levels ────────────────────────────────────────────────────────────────────────────────────

/** The programme's levels as they are set up, for the operator admins who set them up. */
export async function listProgrammeLevels(
  { db, clock, actor }: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  query: ListLevelsQuery,
  counts: Pick<ProgrammeCounts, 'clustersAtLevelsToday'>,
): Promise<Page<LevelView>> {
  requireManageProgramme(actor);
  const programme = await requireProgramme(db);
  const [{ rows, total }, clustersAtLevel] = await Promise.all([
    listLevelsPage(db, programme.id, { offset: offsetOf(query), limit: query.pageSize }),
    counts.clustersAtLevelsToday(db, programme.id, osloDate(clock.now())),
  ]);
  return {
    items: rows.map((level) => levelView(level, clustersAtLevel.get(level.code) ?? 0)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Adds one of the level codes Klynge knows to the programme. Audited in the same transaction. */
export async function addProgrammeLevel(ctx: ServiceContext, body: AddLevelBody): Promise<LevelView> {
  requireManageProgramme(ctx.actor);
  const conflict = `The programme already has the level ${body.code}; change it instead.`;
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const programme = await requireProgramme(tx);
      if (await findLevel(tx, programme.id, body.code)) throw new AppError('conflict', conflict);
      return writeLevel(tx, ctx, programme.id, body);
    });
    return levelView(row, 0);
  } catch (error) {
    throw conflictOnUniqueViolation(error, conflict);
  }
}

/** Changes a level's names, durations, open years or kind of aid. Only what changes is written and audited. */
export async function updateProgrammeLevel(
  ctx: ServiceContext,
  code: LevelCode,
  body: UpdateLevelBody,
  counts: Pick<ProgrammeCounts, 'clustersAtLevelsToday'>,
): Promise<LevelView> {
  requireManageProgramme(ctx.actor);
  const { row, programmeId } = await ctx.db.transaction(async (tx) => {
    const programme = await requireProgramme(tx);
    const current = await findLevel(tx, programme.id, code, { forUpdate: true });
    if (!current) throw notFound(`The level ${code} of the programme`);
    const merged = { ...levelSnapshot(current), ...body };
    const problem = openYearsProblem(merged);
    if (problem) {
      // Name the field the request changed: the open-to year, or else the open-from year it now passes.
      throw invalid(`The years the level ${code} was open do not fit together.`, [
        body.openToYear !== undefined
          ? { path: ['body', 'openToYear'], message: problem }
          : {
              path: ['body', 'openFromYear'],
              message: `must not be after the year the level closed (${merged.openToYear})`,
            },
      ]);
    }
    const { before, after, changed } = changedFields(levelSnapshot(current), body);
    if (!changed) return { row: current, programmeId: programme.id };
    const now = ctx.clock.now();
    const changes = { ...levelColumns(merged), updatedAt: now };
    await updateLevelColumns(tx, current.id, changes);
    await recordAudit(tx, ctx, {
      action: 'level.updated',
      entityType: 'level',
      entityId: current.id,
      entityName: merged.name.nb || merged.name.en,
      before: { code, ...before },
      after: { code, ...after },
    });
    return { row: { ...current, ...changes }, programmeId: programme.id };
  });
  const clustersAtLevel = await counts.clustersAtLevelsToday(ctx.db, programmeId, osloDate(ctx.clock.now()));
  return levelView(row, clustersAtLevel.get(code) ?? 0);
}
