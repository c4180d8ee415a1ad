import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { decisions, roundPublications } from './decisions.table';

export type DecisionRow = typeof decisions.$inferSelect;
export type DecisionInsert = typeof decisions.$inferInsert;

export async function findDecisionOfApplication(
  db: Db,
  applicationId: string,
): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(decisions).where(eq(decisions.applicationId, applicationId));
  return row;
}

export async function findDecisionOfApplicationForUpdate(
  db: Db,
  applicationId: string,
): Promise<DecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(decisions)
    .where(eq(decisions.applicationId, applicationId))
    .for('update');
  return row;
}

export function listDecisionsOfCall(db: Db, callId: string): Promise<DecisionRow[]> {
  return db.select().from(decisions).where(eq(decisions.callId, callId)).orderBy(asc(decisions.createdAt));
}

export function listDraftsOfCallForUpdate(db: Db, callId: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(decisions)
    .where(and(eq(decisions.callId, callId), eq(decisions.status, 'draft')))
    .orderBy(asc(decisions.createdAt))
    .for('update');
}

/** Writes the application's draft, or writes over it: one decision per application. */
export async function upsertDraft(db: Db, values: DecisionInsert): Promise<DecisionRow> {
  const { id: _id, createdAt: _createdAt, ...changes } = values;
  const [row] = await db
    .insert(decisions)
    .values(values)
    .onConflictDoUpdate({ target: decisions.applicationId, set: changes })
    .returning();
  return row!;
}

export async function insertDecision(db: Db, values: DecisionInsert): Promise<DecisionRow> {
  const [row] = await db.insert(decisions).values(values).returning();
  return row!;
}

export async function markDecisionPublished(
  db: Db,
  id: string,
  columns: {
    publishedAt: Date;
    engagementId: string | null;
    hubClusterId: string | null;
    overrideReason: string | null;
  },
): Promise<void> {
  await db
    .update(decisions)
    .set({ status: 'published', ...columns, updatedAt: columns.publishedAt })
    .where(eq(decisions.id, id));
}

export async function findRoundPublication(db: Db, callId: string) {
  const [row] = await db.select().from(roundPublications).where(eq(roundPublications.callId, callId));
  return row;
}

/** The round's publication, once: a second publication of the same call finds the row and inserts nothing. */
export async function insertRoundPublication(db: Db, values: typeof roundPublications.$inferInsert) {
  const rows = await db.insert(roundPublications).values(values).onConflictDoNothing().returning();
  return rows[0];
}
