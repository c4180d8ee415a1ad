import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { ErasureLabels } from '../../server/personal-data';
import type { AssessmentStatus } from './assessments.lifecycle';
import { assessmentPanels, assessmentScores, assessments, panelRecommendations } from './assessments.table';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentInsert = typeof assessments.$inferInsert;
export type ScoreRow = typeof assessmentScores.$inferSelect;
export type RecommendationRow = typeof panelRecommendations.$inferSelect;

// ── Panels ───────────────────────────────────────────────────────────────────────────────────────

export async function findPanel(db: Db, callId: string) {
  const [row] = await db.select().from(assessmentPanels).where(eq(assessmentPanels.callId, callId)).limit(1);
  return row;
}

/** The call's panel row, written open if there is none, and locked for the rest of the transaction. */
export async function lockPanel(db: Db, callId: string, now: Date) {
  await db
    .insert(assessmentPanels)
    .values({ callId, status: 'open', createdAt: now, updatedAt: now })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(assessmentPanels)
    .where(eq(assessmentPanels.callId, callId))
    .for('update')
    .limit(1);
  return row!;
}

export async function closePanelRow(db: Db, callId: string, now: Date) {
  await db
    .update(assessmentPanels)
    .set({ status: 'closed', closedAt: now, updatedAt: now })
    .where(eq(assessmentPanels.callId, callId));
}

// ── Assessments ──────────────────────────────────────────────────────────────────────────────────

export async function findAssessment(db: Db, id: string) {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  return row;
}

export async function findAssessmentForUpdate(db: Db, id: string) {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id)).for('update').limit(1);
  return row;
}

export async function insertAssessment(db: Db, values: AssessmentInsert) {
  const [row] = await db.insert(assessments).values(values).returning();
  return row!;
}

export async function updateAssessmentColumns(db: Db, id: string, values: Partial<AssessmentInsert>) {
  await db.update(assessments).set(values).where(eq(assessments.id, id));
}

/** Every assessment of the call, for the panel and the spread: a panel is dozens, not thousands. */
export function listAssessmentsOfCall(db: Db, callId: string) {
  return db
    .select()
    .from(assessments)
    .where(eq(assessments.callId, callId))
    .orderBy(asc(assessments.applicationId), asc(assessments.assignedAt), asc(assessments.id));
}

/** The assessments of one application, in the order they were assigned. */
export function listAssessmentsOfApplication(db: Db, applicationId: string) {
  return db
    .select()
    .from(assessments)
    .where(eq(assessments.applicationId, applicationId))
    .orderBy(asc(assessments.assignedAt), asc(assessments.id));
}

/** A page of an assessor's queue: their assessments but those they declared a conflict in, newest first. */
export async function listQueuePage(
  db: Db,
  accountId: string,
  filters: { call?: string; status?: AssessmentStatus; page: number; pageSize: number },
) {
  const where = and(
    eq(assessments.assessorAccountId, accountId),
    ne(assessments.status, 'conflict'),
    filters.call ? eq(assessments.callId, filters.call) : undefined,
    filters.status ? eq(assessments.status, filters.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(assessments)
      .where(where)
      .orderBy(desc(assessments.assignedAt), asc(assessments.id))
      .limit(filters.pageSize)
      .offset((filters.page - 1) * filters.pageSize),
    db.select({ n: count() }).from(assessments).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

// ── Scores ───────────────────────────────────────────────────────────────────────────────────────

export function listScoresOf(db: Db, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return Promise.resolve([]);
  return db.select().from(assessmentScores).where(inArray(assessmentScores.assessmentId, assessmentIds));
}

/** Writes one score, over whatever the criterion had. */
export async function upsertScore(db: Db, values: typeof assessmentScores.$inferInsert) {
  await db
    .insert(assessmentScores)
    .values(values)
    .onConflictDoUpdate({
      target: [assessmentScores.assessmentId, assessmentScores.criterionId],
      set: {
        score: values.score ?? null,
        notApplicable: values.notApplicable ?? false,
        comment: values.comment ?? '',
        updatedAt: values.updatedAt,
      },
    });
}

// ── Recommendations ──────────────────────────────────────────────────────────────────────────────

export async function findRecommendation(db: Db, applicationId: string) {
  const [row] = await db
    .select()
    .from(panelRecommendations)
    .where(eq(panelRecommendations.applicationId, applicationId))
    .limit(1);
  return row;
}

export function listRecommendationsOfCall(db: Db, callId: string) {
  return db.select().from(panelRecommendations).where(eq(panelRecommendations.callId, callId));
}

export async function upsertRecommendation(db: Db, values: typeof panelRecommendations.$inferInsert) {
  const { applicationId, callId, createdAt, ...changes } = values;
  await db
    .insert(panelRecommendations)
    .values(values)
    .onConflictDoUpdate({ target: panelRecommendations.applicationId, set: changes });
}

// ── Personal data ────────────────────────────────────────────────────────────────────────────────

/** An assessor's assessments with their declarations and comments, for their export. */
export async function listAssessmentsOfAccount(db: Db, accountId: string) {
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.assessorAccountId, accountId))
    .orderBy(asc(assessments.assignedAt));
  const scores = await listScoresOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    applicationId: row.applicationId,
    callId: row.callId,
    status: row.status,
    conflict: row.conflict,
    declarationReason: row.declarationReason,
    declaredAt: row.declaredAt,
    assignedAt: row.assignedAt,
    completedAt: row.completedAt,
    comments: scores
      .filter((score) => score.assessmentId === row.id && score.comment !== '')
      .map((score) => ({ criterionId: score.criterionId, comment: score.comment })),
  }));
}

/**
 * Erases an assessor from their assessments: the scores stay as the panel's record, but their name
 * gives way to the label, and their own words (the declaration's reason, their comments) go.
 */
export async function eraseAssessor(db: Db, accountId: string, labels: ErasureLabels) {
  const rows = await db
    .update(assessments)
    .set({ assessorName: labels.name, declarationReason: '' })
    .where(eq(assessments.assessorAccountId, accountId))
    .returning({ id: assessments.id });
  const ids = rows.map((row) => row.id);
  const comments =
    ids.length === 0
      ? []
      : await db
          .update(assessmentScores)
          .set({ comment: '' })
          .where(and(inArray(assessmentScores.assessmentId, ids), ne(assessmentScores.comment, '')))
          .returning({ id: assessmentScores.assessmentId });
  return { assessments: ids.length, comments: comments.length };
}
