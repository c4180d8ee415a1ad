import { and, asc, between, eq, inArray, sql, sum } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { budgetFrameLevels, budgetFrames, budgetPriceIndex, commitments, payments } from './budget.table';

export type CommitmentInsert = typeof commitments.$inferInsert;
export type CommitmentRow = typeof commitments.$inferSelect;
export type PaymentInsert = typeof payments.$inferInsert;
export type PaymentRow = typeof payments.$inferSelect;

/** A sum per year and level, the shape in which the ledger and the frame check read amounts. */
export type YearLevelSum = { year: number; levelId: string; totalNok: number };

const total = (column: typeof commitments.amountNok | typeof payments.amountNok) =>
  sql<number>`coalesce(${sum(column)}, 0)::bigint`.mapWith(Number);

// ── Frames ───────────────────────────────────────────────────────────────────────────────────────

export async function listFrames(db: Db, programmeId: string, from: number, to: number) {
  return db
    .select({ year: budgetFrames.year, frameNok: budgetFrames.frameNok })
    .from(budgetFrames)
    .where(and(eq(budgetFrames.programmeId, programmeId), between(budgetFrames.year, from, to)))
    .orderBy(asc(budgetFrames.year));
}

export async function listFramesOfYears(db: Db, programmeId: string, years: readonly number[]) {
  if (years.length === 0) return [];
  return db
    .select({ year: budgetFrames.year, frameNok: budgetFrames.frameNok })
    .from(budgetFrames)
    .where(and(eq(budgetFrames.programmeId, programmeId), inArray(budgetFrames.year, [...years])));
}

export async function listFrameLevels(db: Db, programmeId: string, from: number, to: number) {
  return db
    .select({
      year: budgetFrameLevels.year,
      levelId: budgetFrameLevels.levelId,
      amountNok: budgetFrameLevels.amountNok,
    })
    .from(budgetFrameLevels)
    .where(and(eq(budgetFrameLevels.programmeId, programmeId), between(budgetFrameLevels.year, from, to)));
}

export async function listFrameLevelsOfYears(db: Db, programmeId: string, years: readonly number[]) {
  if (years.length === 0) return [];
  return db
    .select({
      year: budgetFrameLevels.year,
      levelId: budgetFrameLevels.levelId,
      amountNok: budgetFrameLevels.amountNok,
    })
    .from(budgetFrameLevels)
    .where(and(eq(budgetFrameLevels.programmeId, programmeId), inArray(budgetFrameLevels.year, [...years])));
}

/** The frame of one year, locked for the rest of the transaction. */
export async function findFrameForUpdate(db: Db, programmeId: string, year: number) {
  const [row] = await db
    .select()
    .from(budgetFrames)
    .where(and(eq(budgetFrames.programmeId, programmeId), eq(budgetFrames.year, year)))
    .for('update')
    .limit(1);
  return row;
}

export async function upsertFrame(db: Db, programmeId: string, year: number, frameNok: number, now: Date) {
  await db
    .insert(budgetFrames)
    .values({ programmeId, year, frameNok, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [budgetFrames.programmeId, budgetFrames.year],
      set: { frameNok, updatedAt: now },
    });
}

/** Replaces the split of a year's frame with these parts (none: no split). */
export async function replaceFrameLevels(
  db: Db,
  programmeId: string,
  year: number,
  parts: readonly { levelId: string; amountNok: number }[],
) {
  await db
    .delete(budgetFrameLevels)
    .where(and(eq(budgetFrameLevels.programmeId, programmeId), eq(budgetFrameLevels.year, year)));
  if (parts.length === 0) return;
  await db.insert(budgetFrameLevels).values(parts.map((part) => ({ programmeId, year, ...part })));
}

// ── The price index ──────────────────────────────────────────────────────────────────────────────

export async function listPriceIndex(db: Db, programmeId: string) {
  return db
    .select({ year: budgetPriceIndex.year, value: budgetPriceIndex.value })
    .from(budgetPriceIndex)
    .where(eq(budgetPriceIndex.programmeId, programmeId))
    .orderBy(asc(budgetPriceIndex.year));
}

export async function findPriceIndexForUpdate(db: Db, programmeId: string, year: number) {
  const [row] = await db
    .select({ year: budgetPriceIndex.year, value: budgetPriceIndex.value })
    .from(budgetPriceIndex)
    .where(and(eq(budgetPriceIndex.programmeId, programmeId), eq(budgetPriceIndex.year, year)))
    .for('update')
    .limit(1);
  return row;
}

export async function upsertPriceIndex(db: Db, programmeId: string, year: number, value: number, now: Date) {
  await db
    .insert(budgetPriceIndex)
    .values({ programmeId, year, value, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [budgetPriceIndex.programmeId, budgetPriceIndex.year],
      set: { value, updatedAt: now },
    });
}

// ── Commitments and payments ─────────────────────────────────────────────────────────────────────

export async function insertCommitments(db: Db, rows: readonly CommitmentInsert[]) {
  if (rows.length === 0) return [];
  return db
    .insert(commitments)
    .values([...rows])
    .returning();
}

/** The committed amounts per year and level in these years. */
export async function sumCommitmentsOfYears(db: Db, years: readonly number[]): Promise<YearLevelSum[]> {
  if (years.length === 0) return [];
  return db
    .select({ year: commitments.year, levelId: commitments.levelId, totalNok: total(commitments.amountNok) })
    .from(commitments)
    .where(inArray(commitments.year, [...years]))
    .groupBy(commitments.year, commitments.levelId);
}

export async function sumCommitments(db: Db, from: number, to: number): Promise<YearLevelSum[]> {
  return db
    .select({ year: commitments.year, levelId: commitments.levelId, totalNok: total(commitments.amountNok) })
    .from(commitments)
    .where(between(commitments.year, from, to))
    .groupBy(commitments.year, commitments.levelId);
}

export async function sumPayments(db: Db, from: number, to: number): Promise<YearLevelSum[]> {
  return db
    .select({ year: payments.year, levelId: payments.levelId, totalNok: total(payments.amountNok) })
    .from(payments)
    .where(between(payments.year, from, to))
    .groupBy(payments.year, payments.levelId);
}

/** The first and last year anything is committed, or undefined when nothing is. */
export async function committedYearSpan(db: Db) {
  const [row] = await db
    .select({
      first: sql<number | null>`min(${commitments.year})`.mapWith((v) => (v === null ? null : Number(v))),
      last: sql<number | null>`max(${commitments.year})`.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(commitments);
  return row?.first == null || row.last == null ? undefined : { first: row.first, last: row.last };
}

export async function listCommitmentsOfYears(db: Db, years: readonly number[]) {
  if (years.length === 0) return [];
  return db
    .select()
    .from(commitments)
    .where(inArray(commitments.year, [...years]))
    .orderBy(asc(commitments.year), asc(commitments.clusterId), asc(commitments.createdAt));
}

export async function listCommitmentsOfCluster(db: Db, clusterId: string) {
  return db
    .select()
    .from(commitments)
    .where(eq(commitments.clusterId, clusterId))
    .orderBy(asc(commitments.year), asc(commitments.createdAt));
}

export async function listPaymentsOfCluster(db: Db, clusterId: string) {
  return db
    .select()
    .from(payments)
    .where(eq(payments.clusterId, clusterId))
    .orderBy(asc(payments.year), asc(payments.paidOn));
}

/**
 * The commitments of one engagement, to check a payment against, locked so that two payments for
 * the same engagement are checked one after the other.
 */
export async function listCommitmentsOfEngagementForUpdate(db: Db, engagementId: string) {
  return db.select().from(commitments).where(eq(commitments.engagementId, engagementId)).for('update');
}

export async function insertPayment(db: Db, row: PaymentInsert) {
  const [inserted] = await db.insert(payments).values(row).returning();
  return inserted!;
}

export async function insertPayments(db: Db, rows: readonly PaymentInsert[]) {
  if (rows.length === 0) return;
  await db.insert(payments).values([...rows]);
}

export async function listPaymentsOfYear(db: Db, year: number) {
  return db.select().from(payments).where(eq(payments.year, year));
}
