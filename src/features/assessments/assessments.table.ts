import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.table';
import { applications } from '../applications/applications.table';
import { callCriteria, calls } from '../calls/calls.table';
import type { LevelCode } from '../programme/levels';
import type { AssessmentStatus, PanelStatus, Recommendation } from './assessments.lifecycle';

const instant = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A call's panel: open while assessors score, closed by programme staff, after which nothing an
 * assessor wrote changes. A call without a row has an open panel; the row is written when the
 * first assessor is assigned or when the panel closes.
 */
export const assessmentPanels = pgTable(
  'assessment_panels',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id, { onDelete: 'cascade' }),
    status: text('status').$type<PanelStatus>().notNull().default('open'),
    closedAt: instant('closed_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('assessment_panels_status_check', sql`${t.status} in ('open', 'closed')`),
    check('assessment_panels_closed_check', sql`${t.status} = 'open' or ${t.closedAt} is not null`),
  ],
);

/** The organisations link an assessor was shown before declaring, as they were then. */
export type LinkShown = {
  kind: 'same_organisation' | 'same_parent' | 'cluster_partner';
  assessorOrgnr: string;
  applicantOrgnr: string;
};

/**
 * One assessor's assessment of one application: their declaration of conflict or none, and (in
 * `assessment_scores`) their score per criterion. The call is kept beside the application so a
 * panel reads its assessments by one index.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** Null once the assessor's account is gone; the name stays as the panel's record (or its label after erasure). */
    assessorAccountId: uuid('assessor_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    assessorName: text('assessor_name').notNull(),
    status: text('status').$type<AssessmentStatus>().notNull().default('assigned'),
    /** Null until the assessor declares; true for a declared conflict of interest. */
    conflict: boolean('conflict'),
    declarationReason: text('declaration_reason').notNull().default(''),
    declaredAt: instant('declared_at'),
    /** The links Klynge showed when the assessor declared. */
    linksShown: jsonb('links_shown').$type<LinkShown[]>().notNull().default(sql`'[]'::jsonb`),
    completedAt: instant('completed_at'),
    assignedAt: instant('assigned_at').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assessments_one_per_assessor_key').on(t.applicationId, t.assessorAccountId),
    index('assessments_call_idx').on(t.callId, t.applicationId),
    index('assessments_assessor_idx').on(t.assessorAccountId, t.assignedAt),
    check('assessments_status_check', sql`${t.status} in ('assigned', 'scoring', 'conflict', 'completed')`),
    check(
      'assessments_declaration_check',
      sql`(${t.status} = 'assigned') = (${t.conflict} is null) and (${t.status} = 'conflict') = coalesce(${t.conflict}, false)`,
    ),
    check('assessments_completed_check', sql`${t.status} <> 'completed' or ${t.completedAt} is not null`),
  ],
);

/**
 * A score on one criterion: a number on the criterion's scale, or not applicable (left out of the
 * total, never counted as zero), with the assessor's comment. Neither yet: not scored.
 */
export const assessmentScores = pgTable(
  'assessment_scores',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    criterionId: uuid('criterion_id')
      .notNull()
      .references(() => callCriteria.id, { onDelete: 'cascade' }),
    score: integer('score'),
    notApplicable: boolean('not_applicable').notNull().default(false),
    comment: text('comment').notNull().default(''),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.criterionId] }),
    check('assessment_scores_not_applicable_check', sql`not (${t.notApplicable} and ${t.score} is not null)`),
  ],
);

/** The panel's word on an application: interview notes, and staff's recommendation with its reason. */
export const panelRecommendations = pgTable(
  'panel_recommendations',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    recommendation: text('recommendation').$type<Recommendation>(),
    /** The level recommended instead, for `admit_other_level`. */
    levelCode: text('level_code').$type<LevelCode>(),
    reason: text('reason').notNull().default(''),
    interviewNotes: text('interview_notes').notNull().default(''),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('panel_recommendations_call_idx').on(t.callId),
    check(
      'panel_recommendations_kind_check',
      sql`${t.recommendation} is null or ${t.recommendation} in ('admit', 'reject', 'admit_other_level')`,
    ),
    check(
      'panel_recommendations_level_check',
      sql`(${t.recommendation} = 'admit_other_level') = (${t.levelCode} is not null)`,
    ),
  ],
);
