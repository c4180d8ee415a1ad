import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { LEVEL_CODES, type LevelCode } from './levels';
import type { AddLevelBody, BrandInput, OperatorInput } from './programme.contract';
import { brands, levels, programmeOperators, programmes } from './programme.table';

export type LevelRow = typeof levels.$inferSelect;
export type ProgrammeRow = typeof programmes.$inferSelect;
export type OperatorRow = typeof programmeOperators.$inferSelect;
export type BrandRow = typeof brands.$inferSelect;

// Any fixed number: the key of the lock that lets one set-up of an empty database run at a time.
const SET_UP_LOCK_KEY = 4_711_2017;

export async function findFirstProgramme(db: Db) {
  const [row] = await db.select().from(programmes).orderBy(asc(programmes.createdAt)).limit(1);
  return row;
}

/**
 * Holds, until the transaction ends, the lock every set-up takes before it looks for the
 * programme: two operators saving the first set-up at once would otherwise make two programmes.
 */
export async function lockProgrammeSetUp(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SET_UP_LOCK_KEY})`);
}

/** The programme's own columns, from the fields the API describes it by. */
export function programmeColumns(programme: {
  name: { nb: string; en: string };
  description: { nb: string; en: string };
  operatingAidCapYears: number;
}) {
  return {
    nameNb: programme.name.nb,
    nameEn: programme.name.en,
    descriptionNb: programme.description.nb,
    descriptionEn: programme.description.en,
    operatingAidCapYears: programme.operatingAidCapYears,
  };
}

export async function insertProgramme(tx: Db, values: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
  const [row] = await tx.insert(programmes).values(values).returning();
  return row!;
}

export async function updateProgrammeColumns(
  tx: Db,
  id: string,
  values: Partial<typeof programmes.$inferInsert>,
): Promise<void> {
  await tx.update(programmes).set(values).where(eq(programmes.id, id));
}

export function listOperators(db: Db, programmeId: string) {
  return db
    .select()
    .from(programmeOperators)
    .where(eq(programmeOperators.programmeId, programmeId))
    .orderBy(asc(programmeOperators.sortOrder));
}

/** Writes the operators anew, in the order given: the list is small and edited as a whole. */
export async function replaceOperators(
  tx: Db,
  programmeId: string,
  operators: readonly OperatorInput[],
  now: Date,
): Promise<void> {
  await tx.delete(programmeOperators).where(eq(programmeOperators.programmeId, programmeId));
  if (operators.length === 0) return;
  await tx.insert(programmeOperators).values(
    operators.map((operator, index) => ({
      programmeId,
      orgnr: operator.orgnr,
      name: operator.name,
      sortOrder: index,
      pressContactName: operator.pressContact?.name ?? null,
      pressContactEmail: operator.pressContact?.email ?? null,
      pressContactPhone: operator.pressContact?.phone ?? null,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

/** A level's columns, from the fields the API describes it by. */
export function levelColumns(level: Omit<AddLevelBody, 'code'>) {
  return {
    nameNb: level.name.nb,
    nameEn: level.name.en,
    descriptionNb: level.description.nb,
    descriptionEn: level.description.en,
    durationYears: level.durationYears,
    extensionYears: level.extensionYears,
    openFromYear: level.openFromYear,
    openToYear: level.openToYear,
    funded: level.funded,
    operatingAid: level.operatingAid,
  };
}

/** Adds levels; each keeps the place in the order of maturity its code has, whatever order they come in. */
export function insertLevels(tx: Db, programmeId: string, values: readonly AddLevelBody[], now: Date) {
  return tx
    .insert(levels)
    .values(
      values.map((level) => ({
        programmeId,
        code: level.code,
        ...levelColumns(level),
        sortOrder: LEVEL_CODES.indexOf(level.code),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
}

export function listLevels(db: Db, programmeId: string) {
  return db.select().from(levels).where(eq(levels.programmeId, programmeId)).orderBy(asc(levels.sortOrder));
}

export async function listLevelsPage(db: Db, programmeId: string, page: { offset: number; limit: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(levels)
      .where(eq(levels.programmeId, programmeId))
      .orderBy(asc(levels.sortOrder))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(levels).where(eq(levels.programmeId, programmeId)),
  ]);
  return { rows, total: total?.total ?? 0 };
}

export async function findLevel(
  db: Db,
  programmeId: string,
  code: LevelCode,
  options: { forUpdate?: boolean } = {},
): Promise<LevelRow | undefined> {
  const query = db
    .select()
    .from(levels)
    .where(and(eq(levels.programmeId, programmeId), eq(levels.code, code)));
  const [row] = await (options.forUpdate ? query.for('update') : query);
  return row;
}

export async function updateLevelColumns(
  tx: Db,
  id: string,
  values: Partial<typeof levels.$inferInsert>,
): Promise<void> {
  await tx.update(levels).set(values).where(eq(levels.id, id));
}

/**
 * Removes a level nobody was ever at. Klynge offers no way to remove a level (engagements point
 * at them); the access matrix uses this to free a code for the route that adds one.
 */
export async function deleteUnusedLevel(db: Db, programmeId: string, code: LevelCode): Promise<void> {
  await db.delete(levels).where(and(eq(levels.programmeId, programmeId), eq(levels.code, code)));
}

export function listBrands(db: Db, programmeId: string) {
  return db
    .select()
    .from(brands)
    .where(eq(brands.programmeId, programmeId))
    .orderBy(asc(brands.fromYear), asc(brands.code));
}

/** A brand's columns, from the fields the API describes it by. */
export function brandColumns(brand: BrandInput) {
  return {
    nameNb: brand.name.nb,
    nameEn: brand.name.en,
    duringLevelCode: brand.duringLevel,
    fromYear: brand.fromYear,
  };
}

export function insertBrands(tx: Db, programmeId: string, values: readonly BrandInput[], now: Date) {
  if (values.length === 0) return Promise.resolve([]);
  return tx
    .insert(brands)
    .values(
      values.map((brand) => ({
        programmeId,
        code: brand.code,
        ...brandColumns(brand),
        createdAt: now,
        updatedAt: now,
      })),
    )
    .returning();
}

export async function updateBrandColumns(
  tx: Db,
  id: string,
  values: Partial<typeof brands.$inferInsert>,
): Promise<void> {
  await tx.update(brands).set(values).where(eq(brands.id, id));
}

export async function deleteBrands(tx: Db, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.delete(brands).where(inArray(brands.id, ids));
}

// ── Press contacts, for a person's export and erasure ─────────────────────────────────────────

function pressContactAt(addresses: readonly string[]) {
  return inArray(
    sql`lower(${programmeOperators.pressContactEmail})`,
    addresses.map((address) => address.toLowerCase()),
  );
}

/** The operators whose press contact has one of these addresses. */
export function listPressContactsAt(db: Db, addresses: readonly string[]) {
  if (addresses.length === 0) return Promise.resolve([]);
  return db
    .select({
      operatorOrgnr: programmeOperators.orgnr,
      operatorName: programmeOperators.name,
      name: programmeOperators.pressContactName,
      email: programmeOperators.pressContactEmail,
      phone: programmeOperators.pressContactPhone,
      updatedAt: programmeOperators.updatedAt,
    })
    .from(programmeOperators)
    .where(pressContactAt(addresses))
    .orderBy(asc(programmeOperators.orgnr));
}

/** Clears the press contact of every operator whose contact has one of these addresses; answers how many. */
export async function clearPressContactsAt(db: Db, addresses: readonly string[], now: Date): Promise<number> {
  if (addresses.length === 0) return 0;
  const cleared = await db
    .update(programmeOperators)
    .set({ pressContactName: null, pressContactEmail: null, pressContactPhone: null, updatedAt: now })
    .where(pressContactAt(addresses))
    .returning({ id: programmeOperators.id });
  return cleared.length;
}
