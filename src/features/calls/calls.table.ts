import { type SQL, sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LevelCode } from '../programme/levels';
import type { CallStatus } from './calls.lifecycle';

const instant = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A call. Only one programme runs in an installation (the programme feature's `getProgramme`), so a
 * call names its levels by code and does not point at a programme row.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    titleNb: text('title_nb').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionNb: text('description_nb').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** The stored status; read it through `effectiveCallStatus` or `callStatusAt`, never alone. */
    status: text('status').$type<CallStatus>().notNull().default('draft'),
    opensAt: instant('opens_at').notNull(),
    informationMeetingAt: instant('information_meeting_at'),
    sketchDeadlineAt: instant('sketch_deadline_at'),
    deadlineAt: instant('deadline_at').notNull(),
    plannedDecisionAt: instant('planned_decision_at'),
    /** When the open action was taken. */
    openedAt: instant('opened_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('calls_deadline_idx').on(t.deadlineAt),
    check('calls_status_check', sql`${t.status} in ('draft', 'open', 'closed', 'decided')`),
    check('calls_deadline_after_opens_check', sql`${t.deadlineAt} > ${t.opensAt}`),
    check(
      'calls_information_meeting_check',
      sql`${t.informationMeetingAt} is null or ${t.informationMeetingAt} < ${t.deadlineAt}`,
    ),
    check(
      'calls_sketch_deadline_check',
      sql`${t.sketchDeadlineAt} is null or ${t.sketchDeadlineAt} < ${t.deadlineAt}`,
    ),
    check(
      'calls_planned_decision_check',
      sql`${t.plannedDecisionAt} is null or ${t.plannedDecisionAt} > ${t.deadlineAt}`,
    ),
  ],
);

/** A level the call is open for, with the money available for it. */
export const callLevels = pgTable(
  'call_levels',
  {
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    levelCode: text('level_code').$type<LevelCode>().notNull(),
    moneyNok: integer('money_nok').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.levelCode] }),
    check('call_levels_money_check', sql`${t.moneyNok} >= 0`),
  ],
);

/** An assessment criterion: for every level of the call, or for one (`level_code`). */
export const callCriteria = pgTable(
  'call_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    nameNb: text('name_nb').notNull(),
    nameEn: text('name_en').notNull(),
    guidanceNb: text('guidance_nb').notNull().default(''),
    guidanceEn: text('guidance_en').notNull().default(''),
    /** Exact, so the weights an operator typed are the weights audited and shown. */
    weight: numeric('weight', { precision: 9, scale: 2, mode: 'number' }).notNull(),
    scaleMin: integer('scale_min').notNull(),
    scaleMax: integer('scale_max').notNull(),
    levelCode: text('level_code').$type<LevelCode>(),
  },
  (t) => [
    uniqueIndex('call_criteria_position_key').on(t.callId, t.position),
    check('call_criteria_weight_check', sql`${t.weight} > 0`),
    check(
      'call_criteria_scale_check',
      sql`${t.scaleMin} >= 0 and ${t.scaleMax} <= 10 and ${t.scaleMin} < ${t.scaleMax}`,
    ),
  ],
);

/** Each move of a call's deadline, with the reason applicants are given. Who made it is in the audit trail. */
export const callDeadlineExtensions = pgTable(
  'call_deadline_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    previousDeadlineAt: instant('previous_deadline_at').notNull(),
    deadlineAt: instant('deadline_at').notNull(),
    reason: text('reason').notNull(),
    extendedAt: instant('extended_at').notNull(),
  },
  (t) => [
    index('call_deadline_extensions_call_idx').on(t.callId, t.extendedAt),
    check('call_deadline_extensions_later_check', sql`${t.deadlineAt} > ${t.previousDeadlineAt}`),
  ],
);

/**
 * The effective status in SQL, for filters and lists: a stored `open` reads `closed` from the
 * second of the deadline on. `now` is the service's clock, never the database's, so tests and
 * answers agree on the second.
 */
export function callStatusAt(now: Date): SQL<CallStatus> {
  return sql<CallStatus>`(case when ${calls.status} = 'open' and ${calls.deadlineAt} <= ${now.toISOString()}::timestamptz then 'closed' else ${calls.status} end)`;
}

/** The effective status in TypeScript: the same rule as `callStatusAt`, for one call in hand. */
export function effectiveCallStatus(call: { status: CallStatus; deadlineAt: Date }, now: Date): CallStatus {
  return call.status === 'open' && call.deadlineAt.getTime() <= now.getTime() ? 'closed' : call.status;
}
