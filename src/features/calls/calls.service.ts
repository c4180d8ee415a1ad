import { AppError, type FieldError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import { requireAction } from '../../server/lifecycle';
import type { ServiceContext } from '../../server/service-context';
import type { LocalizedText } from '../../shared/localized';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { MailOptions } from '../mail/mail.service';
import type { LevelCode } from '../programme/levels';
import { getProgrammeLevels } from '../programme/programme.service';
import type {
  CallSummary,
  CallView,
  CreateCallBody,
  ExtendDeadlineBody,
  ListCallsQuery,
  UpdateCallBody,
} from './calls.contract';
import { type CallStatus, callLifecycle, FIXED_ONCE_OPEN, mayChangeCallIn } from './calls.lifecycle';
import { canManageCalls, requireManageCalls, requireSeeCall } from './calls.policy';
import {
  type CallLevelRow,
  type CallRow,
  type CriterionRow,
  findCall,
  findCallForUpdate,
  insertCall,
  insertDeadlineExtension,
  listCallsPage,
  listCriteriaOfCall,
  listDeadlineExtensionsOfCall,
  listLevelsOfCall,
  replaceCriteriaOfCall,
  replaceLevelsOfCall,
  updateCallColumns,
} from './calls.queries';
import { effectiveCallStatus } from './calls.table';
import { criterionAppliesTo, criterionShares } from './criterion-weights';

// ── Times ────────────────────────────────────────────────────────────────────────────────────────

/** A time from the API as an instant. Deadlines are judged to the second, so fractions are dropped. */
function toInstant(iso: string): Date {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000);
}

/** An instant as the API answers it: UTC, whole seconds. */
function instantText(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

const optionalInstant = (iso: string | null) => (iso === null ? null : toInstant(iso));
const optionalText = (at: Date | null) => (at === null ? null : instantText(at));

// ── A call's fields, as they are written, compared and audited ───────────────────────────────────

type CriterionFields = {
  name: LocalizedText;
  guidance: LocalizedText;
  weight: number;
  scaleMin: number;
  scaleMax: number;
  level: LevelCode | null;
};

/** Times are UTC text here, so two fields compare (and audit) as the API shows them. */
type CallFields = {
  title: LocalizedText;
  description: LocalizedText;
  opensAt: string;
  informationMeetingAt: string | null;
  sketchDeadlineAt: string | null;
  deadlineAt: string;
  plannedDecisionAt: string | null;
  levels: CallLevelRow[];
  criteria: CriterionFields[];
};

// Built key by key in one order: changedFields compares values as JSON.
const text = (value: LocalizedText): LocalizedText => ({ nb: value.nb, en: value.en });
const levelFields = (entry: CallLevelRow): CallLevelRow => ({ level: entry.level, moneyNok: entry.moneyNok });
const criterionFields = (c: CriterionFields): CriterionFields => ({
  name: text(c.name),
  guidance: text(c.guidance),
  weight: c.weight,
  scaleMin: c.scaleMin,
  scaleMax: c.scaleMax,
  level: c.level,
});
const normalisedTime = (iso: string) => instantText(toInstant(iso));
function normalisedOptionalTime<Absent extends null | undefined>(iso: string | Absent): string | Absent {
  return typeof iso === 'string' ? normalisedTime(iso) : iso;
}

function fieldsOfRow(call: CallRow, levels: CallLevelRow[], criteria: CriterionRow[]): CallFields {
  return {
    title: { nb: call.titleNb, en: call.titleEn },
    description: { nb: call.descriptionNb, en: call.descriptionEn },
    opensAt: instantText(call.opensAt),
    informationMeetingAt: optionalText(call.informationMeetingAt),
    sketchDeadlineAt: optionalText(call.sketchDeadlineAt),
    deadlineAt: instantText(call.deadlineAt),
    plannedDecisionAt: optionalText(call.plannedDecisionAt),
    levels: levels.map(levelFields),
    criteria: criteria.map((c) =>
      criterionFields({
        name: { nb: c.nameNb, en: c.nameEn },
        guidance: { nb: c.guidanceNb, en: c.guidanceEn },
        weight: c.weight,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
        level: c.levelCode,
      }),
    ),
  };
}

/** The fields a change sets, in the shape of `CallFields`; what it leaves out stays undefined. */
function changesOfBody(body: UpdateCallBody): Partial<CallFields> {
  return {
    title: body.title && text(body.title),
    description: body.description && text(body.description),
    opensAt: body.opensAt && normalisedTime(body.opensAt),
    informationMeetingAt: normalisedOptionalTime(body.informationMeetingAt),
    sketchDeadlineAt: normalisedOptionalTime(body.sketchDeadlineAt),
    deadlineAt: body.deadlineAt && normalisedTime(body.deadlineAt),
    plannedDecisionAt: normalisedOptionalTime(body.plannedDecisionAt),
    levels: body.levels?.map(levelFields),
    criteria: body.criteria?.map(criterionFields),
  };
}

function columnsOf(fields: CallFields) {
  return {
    titleNb: fields.title.nb,
    titleEn: fields.title.en,
    descriptionNb: fields.description.nb,
    descriptionEn: fields.description.en,
    opensAt: toInstant(fields.opensAt),
    informationMeetingAt: optionalInstant(fields.informationMeetingAt),
    sketchDeadlineAt: optionalInstant(fields.sketchDeadlineAt),
    deadlineAt: toInstant(fields.deadlineAt),
    plannedDecisionAt: optionalInstant(fields.plannedDecisionAt),
  };
}

function criteriaRows(criteria: CriterionFields[]) {
  return criteria.map((c) => ({
    nameNb: c.name.nb,
    nameEn: c.name.en,
    guidanceNb: c.guidance.nb,
    guidanceEn: c.guidance.en,
    weight: c.weight,
    scaleMin: c.scaleMin,
    scaleMax: c.scaleMax,
    levelCode: c.level,
  }));
}

// ── Rules on a call's fields, answered field by field ────────────────────────────────────────────

type Where = 'body' | 'call';

/** An instant in a message: `2026-09-01 10:00:00 UTC`. */
const utcText = (iso: string) => iso.replace('T', ' ').replace('Z', ' UTC');

/** The order of the timeline: opens < sketch deadline < deadline < planned decision; meeting before the deadline. */
function timelineErrors(fields: CallFields, where: Where): FieldError[] {
  const errors: FieldError[] = [];
  const time = (iso: string) => Date.parse(iso);
  const deadline = time(fields.deadlineAt);
  if (deadline <= time(fields.opensAt)) {
    errors.push({
      path: [where, 'deadlineAt'],
      message: `must be after the call opens (${utcText(fields.opensAt)})`,
    });
  }
  if (fields.informationMeetingAt && time(fields.informationMeetingAt) >= deadline) {
    errors.push({
      path: [where, 'informationMeetingAt'],
      message: `must be before the deadline (${utcText(fields.deadlineAt)})`,
    });
  }
  if (fields.sketchDeadlineAt) {
    const sketch = time(fields.sketchDeadlineAt);
    if (sketch >= deadline) {
      errors.push({
        path: [where, 'sketchDeadlineAt'],
        message: `must be before the deadline (${utcText(fields.deadlineAt)})`,
      });
    } else if (sketch <= time(fields.opensAt)) {
      errors.push({
        path: [where, 'sketchDeadlineAt'],
        message: `must be after the call opens (${utcText(fields.opensAt)})`,
      });
    }
  }
  if (fields.plannedDecisionAt && time(fields.plannedDecisionAt) <= deadline) {
    errors.push({
      path: [where, 'plannedDecisionAt'],
      message: `must be after the deadline (${utcText(fields.deadlineAt)})`,
    });
  }
  return errors;
}

/** The codes of the programme's levels; none before a programme is set up. */
async function programmeLevels(ctx: Pick<ServiceContext, 'db' | 'clock'>): Promise<Set<LevelCode>> {
  try {
    return new Set((await getProgrammeLevels(ctx)).map((level) => level.code));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return new Set();
    throw error;
  }
}

/**
 * Every level is one of the programme's, and every criterion's level one of the call's. When the
 * request changed the levels but not the criteria, a criterion left without its level is named
 * under levels, the field that was sent.
 */
function levelErrors(
  fields: CallFields,
  known: Set<LevelCode>,
  where: Where,
  sent: { criteria: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  fields.levels.forEach((entry, index) => {
    if (!known.has(entry.level)) {
      errors.push({
        path: [where, 'levels', index, 'level'],
        message: `is not one of the programme's levels (${[...known].join(', ') || 'none yet'})`,
      });
    }
  });
  const callLevels = new Set(fields.levels.map((entry) => entry.level));
  fields.criteria.forEach((criterion, index) => {
    if (criterion.level === null || callLevels.has(criterion.level)) return;
    errors.push(
      sent.criteria
        ? {
            path: [where, 'criteria', index, 'level'],
            message: `must be one of the call's levels (${[...callLevels].join(', ') || 'none yet'})`,
          }
        : {
            path: [where, 'levels'],
            message: `must keep ${criterion.level}: criterion ${index + 1} is for that level`,
          },
    );
  });
  return errors;
}

/** What opening needs besides a consistent timeline: levels, criteria for each, a deadline ahead. */
function openingErrors(fields: CallFields, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (fields.levels.length === 0) {
    errors.push({ path: ['call', 'levels'], message: 'must name at least one level before the call opens' });
  }
  if (fields.criteria.length === 0) {
    errors.push({
      path: ['call', 'criteria'],
      message: 'must hold at least one criterion before the call opens',
    });
  } else {
    for (const { level } of fields.levels) {
      if (!fields.criteria.some((criterion) => criterionAppliesTo(criterion, level))) {
        errors.push({ path: ['call', 'criteria'], message: `must hold at least one criterion for ${level}` });
      }
    }
  }
  if (Date.parse(fields.deadlineAt) <= now.getTime()) {
    errors.push({
      path: ['call', 'deadlineAt'],
      message: `must be in the future to open the call (now ${utcText(instantText(now))})`,
    });
  }
  return errors;
}

function refuseInvalid(detail: string, errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError('validation_failed', detail, { fieldErrors: errors });
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────────

const totalOf = (levels: CallLevelRow[]) => levels.reduce((sum, entry) => sum + entry.moneyNok, 0);

function summaryOf(call: CallRow, status: CallStatus, levels: CallLevelRow[]): CallSummary {
  return {
    id: call.id,
    title: { nb: call.titleNb, en: call.titleEn },
    status,
    opensAt: instantText(call.opensAt),
    informationMeetingAt: optionalText(call.informationMeetingAt),
    sketchDeadlineAt: optionalText(call.sketchDeadlineAt),
    deadlineAt: instantText(call.deadlineAt),
    plannedDecisionAt: optionalText(call.plannedDecisionAt),
    levels: levels.map(levelFields),
    totalMoneyNok: totalOf(levels),
  };
}

/**
 * The calls the actor may see, by effective status at the clock's second: drafts only for those
 * who write calls.
 */
export async function listCalls(
  { db, clock, actor }: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  query: ListCallsQuery,
): Promise<Page<CallSummary>> {
  const { rows, total } = await listCallsPage(db, query, {
    now: clock.now(),
    withDrafts: canManageCalls(actor),
  });
  return {
    items: rows.map((row) => summaryOf(row, row.effectiveStatus, row.levels)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A call with its criteria, their shares of the weight, its extensions and what the actor may do to it. */
export async function getCall(
  { db, clock, actor }: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  id: string,
): Promise<CallView> {
  const call = await findCall(db, id);
  if (!call) throw notFound(`The call ${id}`);
  const status = effectiveCallStatus(call, clock.now());
  requireSeeCall(actor, { id, status });
  const [levels, criteria, extensions] = await Promise.all([
    listLevelsOfCall(db, id),
    listCriteriaOfCall(db, id),
    listDeadlineExtensionsOfCall(db, id),
  ]);
  const shares = criterionShares(
    criteria.map((c) => ({ weight: c.weight, level: c.levelCode })),
    levels.map((entry) => entry.level),
  );
  return {
    ...summaryOf(call, status, levels),
    description: { nb: call.descriptionNb, en: call.descriptionEn },
    criteria: criteria.map((c, index) => ({
      id: c.id,
      name: { nb: c.nameNb, en: c.nameEn },
      guidance: { nb: c.guidanceNb, en: c.guidanceEn },
      weight: c.weight,
      scaleMin: c.scaleMin,
      scaleMax: c.scaleMax,
      level: c.levelCode,
      shares: shares[index]!,
    })),
    deadlineExtensions: extensions.map((e) => ({
      previousDeadlineAt: instantText(e.previousDeadlineAt),
      deadlineAt: instantText(e.deadlineAt),
      reason: e.reason,
      extendedAt: instantText(e.extendedAt),
    })),
    openedAt: optionalText(call.openedAt),
    createdAt: instantText(call.createdAt),
    updatedAt: instantText(call.updatedAt),
    actions: callLifecycle.available(actor, { status }),
  };
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────────

/** Writes a new call as a draft. Levels and criteria may wait; opening needs them. */
export async function createCall(ctx: ServiceContext, body: CreateCallBody): Promise<CallView> {
  requireManageCalls(ctx.actor);
  const fields: CallFields = {
    title: text(body.title),
    description: text(body.description),
    opensAt: normalisedTime(body.opensAt),
    informationMeetingAt: normalisedOptionalTime(body.informationMeetingAt),
    sketchDeadlineAt: normalisedOptionalTime(body.sketchDeadlineAt),
    deadlineAt: normalisedTime(body.deadlineAt),
    plannedDecisionAt: normalisedOptionalTime(body.plannedDecisionAt),
    levels: body.levels.map(levelFields),
    criteria: body.criteria.map(criterionFields),
  };
  refuseInvalid('The call does not hold together.', [
    ...timelineErrors(fields, 'body'),
    ...levelErrors(fields, await programmeLevels(ctx), 'body', { criteria: true }),
  ]);
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const call = await insertCall(tx, {
      ...columnsOf(fields),
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    });
    await replaceLevelsOfCall(tx, call.id, fields.levels);
    await replaceCriteriaOfCall(tx, call.id, criteriaRows(fields.criteria));
    await recordAudit(tx, ctx, {
      action: 'call.created',
      entityType: 'call',
      entityId: call.id,
      entityName: fields.title.nb || fields.title.en,
      after: fields,
    });
    return call.id;
  });
  return getCall(ctx, id);
}

/** The call locked for a change, with its effective status; hidden calls are missing calls. */
async function lockCall(ctx: Pick<ServiceContext, 'db' | 'clock' | 'actor'>, id: string) {
  const call = await findCallForUpdate(ctx.db, id);
  if (!call) throw notFound(`The call ${id}`);
  const status = effectiveCallStatus(call, ctx.clock.now());
  requireSeeCall(ctx.actor, { id, status });
  return { call, status };
}

/** Read one query after the other: inside a transaction there is one connection. */
async function currentFields(ctx: Pick<ServiceContext, 'db'>, call: CallRow): Promise<CallFields> {
  const levels = await listLevelsOfCall(ctx.db, call.id);
  const criteria = await listCriteriaOfCall(ctx.db, call.id);
  return fieldsOfRow(call, levels, criteria);
}

/**
 * Changes a call. A draft changes freely; once the call is open, the fields applicants prepare
 * against are fixed, and a decided call does not change. Only the fields that change are written
 * and audited.
 */
export async function updateCall(ctx: ServiceContext, id: string, body: UpdateCallBody): Promise<CallView> {
  requireManageCalls(ctx.actor);
  const known = await programmeLevels(ctx);
  await ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const { call, status } = await lockCall(scoped, id);
    if (!mayChangeCallIn(status)) {
      throw new AppError('invalid_state', `The call is ${status}; it does not change any more.`);
    }
    const current = await currentFields(scoped, call);
    const { before, after, changed } = changedFields(current, changesOfBody(body));
    if (status !== 'draft') {
      const fixed = FIXED_ONCE_OPEN.filter((field) => field in after);
      if (fixed.length > 0) {
        throw new AppError(
          'invalid_state',
          `The call is ${status}; its levels, criteria, opening time, sketch deadline and deadline are fixed. ` +
            'An operator admin may extend the deadline.',
          {
            fieldErrors: fixed.map((field) => ({
              path: ['body', field],
              message: `is fixed once the call is open`,
            })),
          },
        );
      }
    }
    if (!changed) return;
    const next: CallFields = { ...current, ...after };
    refuseInvalid('The change does not fit the call.', [
      ...timelineErrors(next, 'body'),
      ...levelErrors(next, known, 'body', { criteria: body.criteria !== undefined }),
    ]);
    await updateCallColumns(tx, id, { ...columnsOf(next), updatedAt: ctx.clock.now() });
    if ('levels' in after) await replaceLevelsOfCall(tx, id, next.levels);
    if ('criteria' in after) await replaceCriteriaOfCall(tx, id, criteriaRows(next.criteria));
    await recordAudit(tx, ctx, {
      action: 'call.updated',
      entityType: 'call',
      entityId: id,
      entityName: next.title.nb || next.title.en,
      before,
      after,
    });
  });
  return getCall(ctx, id);
}

/** Publishes a draft: from now on it is public, and what applicants prepare against is fixed. */
export async function openCall(ctx: ServiceContext, id: string): Promise<CallView> {
  const known = await programmeLevels(ctx);
  await ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const { call, status } = await lockCall(scoped, id);
    const next = requireAction(callLifecycle, 'open', ctx.actor, { status });
    const fields = await currentFields(scoped, call);
    const now = ctx.clock.now();
    refuseInvalid('The call is not ready to open.', [
      ...timelineErrors(fields, 'call'),
      ...openingErrors(fields, now),
      ...levelErrors(fields, known, 'call', { criteria: true }),
    ]);
    await updateCallColumns(tx, id, { status: next, openedAt: now, updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'call.opened',
      entityType: 'call',
      entityId: id,
      entityName: fields.title.nb || fields.title.en,
      before: { status },
      after: { status: next },
    });
  });
  return getCall(ctx, id);
}

/**
 * Marks a closed call decided: its round has been published. It runs in the caller's transaction
 * (the context's `db`), in which the decisions feature publishes the round's decisions.
 */
export async function decideCall(ctx: ServiceContext, id: string): Promise<void> {
  const { call, status } = await lockCall(ctx, id);
  const next = requireAction(callLifecycle, 'decide', ctx.actor, { status });
  await updateCallColumns(ctx.db, id, { status: next, updatedAt: ctx.clock.now() });
  await recordAudit(ctx.db, ctx, {
    action: 'call.decided',
    entityType: 'call',
    entityId: id,
    entityName: call.titleNb || call.titleEn,
    before: { status },
    after: { status: next },
  });
}

/** A deadline's move, as the applications feature is told of it. */
export type DeadlineExtended = { callId: string; previousDeadlineAt: Date; deadlineAt: Date; reason: string };

/**
 * Tells the call's applicants that its deadline moved, inside the extension's transaction (`ctx.db`
 * is that transaction). The applications feature, which knows the applicants and comes after
 * calls, provides it through `callRoutes` (see README.md).
 */
/** The mail is queued in the extension's transaction, kept or queued as the mail server allows. */
export type NotifyApplicants = (
  ctx: ServiceContext & Pick<MailOptions, 'mailServer'>,
  extension: DeadlineExtended,
) => Promise<void>;

/** Until the applications feature exists a call has no applicants to tell. */
export const noApplicantsYet: NotifyApplicants = async () => {};

/**
 * Moves the deadline of an open call, or of one its deadline has closed, to a later time, with the
 * reason applicants are given. Audited with the deadline before and after; a call closed by its
 * deadline is open again.
 */
export async function extendCallDeadline(
  ctx: ServiceContext & Pick<MailOptions, 'mailServer'>,
  id: string,
  body: ExtendDeadlineBody,
  notifyApplicants: NotifyApplicants,
): Promise<CallView> {
  await ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    const { call, status } = await lockCall(scoped, id);
    requireAction(callLifecycle, 'extend_deadline', ctx.actor, { status });
    const deadlineAt = toInstant(body.deadline);
    const now = ctx.clock.now();
    const errors: FieldError[] = [];
    if (deadlineAt.getTime() <= call.deadlineAt.getTime()) {
      errors.push({
        path: ['body', 'deadline'],
        message: `must be later than the current deadline (${utcText(instantText(call.deadlineAt))})`,
      });
    } else if (deadlineAt.getTime() <= now.getTime()) {
      errors.push({
        path: ['body', 'deadline'],
        message: `must be in the future (now ${utcText(instantText(now))})`,
      });
    } else if (call.plannedDecisionAt && deadlineAt.getTime() >= call.plannedDecisionAt.getTime()) {
      errors.push({
        path: ['body', 'deadline'],
        message: `must be before the planned decision date (${utcText(instantText(call.plannedDecisionAt))}); move that first`,
      });
    }
    refuseInvalid('The deadline cannot move there.', errors);
    const extension = { callId: id, previousDeadlineAt: call.deadlineAt, deadlineAt, reason: body.reason };
    await updateCallColumns(tx, id, { deadlineAt, updatedAt: now });
    await insertDeadlineExtension(tx, { ...extension, extendedAt: now });
    await recordAudit(tx, ctx, {
      action: 'call.deadline_extended',
      entityType: 'call',
      entityId: id,
      entityName: call.titleNb || call.titleEn,
      before: { deadlineAt: instantText(call.deadlineAt) },
      after: { deadlineAt: instantText(deadlineAt), reason: body.reason },
    });
    await notifyApplicants(scoped, extension);
  });
  return getCall(ctx, id);
}
