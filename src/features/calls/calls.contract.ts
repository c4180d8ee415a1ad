import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { LevelCodeSchema, LocalizedTextSchema } from '../programme/programme.contract';
import { CALL_ACTIONS, CALL_STATUSES } from './calls.lifecycle';

export const CallStatusSchema = z.enum(CALL_STATUSES).openapi('CallStatus', {
  description:
    'The effective status: a call stored as open reads as closed from the second of its deadline on.',
});

export const CallActionSchema = z.enum(CALL_ACTIONS).openapi('CallAction');

/** The largest sum a level may have: well inside PostgreSQL's integer. */
const MAX_MONEY_NOK = 2_000_000_000;

/**
 * A moment in ISO 8601 with an explicit offset or Z. Without an offset a time would be read in
 * whichever zone the reader's computer is in; the pages convert Norwegian wall time before sending.
 */
const InstantSchema = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 time with an offset, such as 2026-09-01T12:00:00+02:00',
  })
  .openapi({ example: '2026-09-01T12:00:00+02:00' });

const TextSchema = (max: number) => z.string().trim().max(max);

const TitleSchema = z.object({ nb: TextSchema(200).min(1), en: TextSchema(200).min(1) });
const DescriptionSchema = z.object({ nb: TextSchema(10_000), en: TextSchema(10_000) });

const hasTwoDecimalsAtMost = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

export const CallLevelInputSchema = z
  .object({
    level: LevelCodeSchema,
    moneyNok: z
      .number()
      .int('must be whole kroner')
      .min(0)
      .max(MAX_MONEY_NOK)
      .openapi({ description: 'Money available at this level, NOK', example: 25_000_000 }),
  })
  .strict()
  .openapi('CallLevelInput');

export const CriterionInputSchema = z
  .object({
    name: TitleSchema,
    guidance: DescriptionSchema.default({ nb: '', en: '' }),
    weight: z
      .number()
      .positive('must be more than 0')
      .max(1_000_000)
      .refine(hasTwoDecimalsAtMost, 'may have at most two decimals')
      .openapi({ description: 'Any positive number; shares are the weights over their total', example: 30 }),
    scaleMin: z.number().int().min(0).max(10).openapi({ example: 1 }),
    scaleMax: z.number().int().min(0).max(10).openapi({ example: 7 }),
    level: LevelCodeSchema.nullable()
      .default(null)
      .openapi({ description: 'The one level of the call the criterion is for; null for every level' }),
  })
  .strict()
  .superRefine((criterion, ctx) => {
    if (criterion.scaleMin >= criterion.scaleMax) {
      ctx.addIssue({ code: 'custom', path: ['scaleMax'], message: 'must be more than the scale minimum' });
    }
  })
  .openapi('CriterionInput');

const LevelsSchema = z
  .array(CallLevelInputSchema)
  .max(20)
  .superRefine((levels, ctx) => {
    const seen = new Set<string>();
    levels.forEach((entry, index) => {
      if (seen.has(entry.level)) {
        ctx.addIssue({ code: 'custom', path: [index, 'level'], message: 'is named twice' });
      }
      seen.add(entry.level);
    });
  });

const CriteriaSchema = z.array(CriterionInputSchema).max(30);

/** The fields of a call as they are written; a draft may leave out levels and criteria. */
const CallFields = {
  title: TitleSchema,
  description: DescriptionSchema,
  opensAt: InstantSchema,
  informationMeetingAt: InstantSchema.nullable(),
  sketchDeadlineAt: InstantSchema.nullable().openapi({ description: 'Only for a two-stage call' }),
  deadlineAt: InstantSchema,
  plannedDecisionAt: InstantSchema.nullable(),
  levels: LevelsSchema,
  criteria: CriteriaSchema.openapi({ description: 'In the order assessors see them' }),
};

export const CreateCallBodySchema = z
  .object({
    ...CallFields,
    description: CallFields.description.default({ nb: '', en: '' }),
    informationMeetingAt: CallFields.informationMeetingAt.default(null),
    sketchDeadlineAt: CallFields.sketchDeadlineAt.default(null),
    plannedDecisionAt: CallFields.plannedDecisionAt.default(null),
    levels: CallFields.levels.default([]),
    criteria: CallFields.criteria.default([]),
  })
  .strict()
  .openapi('CreateCallRequest');

export type CreateCallBody = z.infer<typeof CreateCallBodySchema>;
export type CreateCallInput = z.input<typeof CreateCallBodySchema>;

/** A change to a call: only the fields sent change. Levels and criteria are replaced as a whole. */
export const UpdateCallBodySchema = z
  .object({
    title: CallFields.title.optional(),
    description: CallFields.description.optional(),
    opensAt: CallFields.opensAt.optional(),
    informationMeetingAt: CallFields.informationMeetingAt.optional(),
    sketchDeadlineAt: CallFields.sketchDeadlineAt.optional(),
    deadlineAt: CallFields.deadlineAt.optional(),
    plannedDecisionAt: CallFields.plannedDecisionAt.optional(),
    levels: CallFields.levels.optional(),
    criteria: CallFields.criteria.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .openapi('UpdateCallRequest');

export type UpdateCallBody = z.infer<typeof UpdateCallBodySchema>;

export const ExtendDeadlineBodySchema = z
  .object({
    deadline: InstantSchema.openapi({ description: 'The new deadline, later than the current one' }),
    reason: z
      .string()
      .trim()
      .min(1, 'must say why the deadline moves')
      .max(2000)
      .openapi({ description: 'Why the deadline moves; applicants are told it' }),
  })
  .strict()
  .openapi('ExtendDeadlineRequest');

export type ExtendDeadlineBody = z.infer<typeof ExtendDeadlineBodySchema>;

export const CallIdParamSchema = z.object({
  id: z
    .string()
    .uuid('must be a call id (a UUID)')
    .openapi({ param: { name: 'id', in: 'path' }, example: '0b6f1c9e-4a8e-4e43-9a57-2c2a3f0f4a11' }),
});

export const ListCallsQuerySchema = PageQuerySchema.extend({
  status: CallStatusSchema.optional().openapi({ description: 'Calls in this effective status' }),
  level: LevelCodeSchema.optional().openapi({ description: 'Calls open for this level' }),
});

export type ListCallsQuery = z.infer<typeof ListCallsQuerySchema>;

const InstantOutSchema = z
  .string()
  .openapi({ description: 'UTC, ISO 8601', example: '2026-09-01T10:00:00Z' });

export const CallLevelSchema = z
  .object({ level: LevelCodeSchema, moneyNok: z.number().int() })
  .openapi('CallLevel');

export const CriterionSchema = z
  .object({
    id: z.string().uuid(),
    name: LocalizedTextSchema,
    guidance: LocalizedTextSchema,
    weight: z.number(),
    scaleMin: z.number().int(),
    scaleMax: z.number().int(),
    level: LevelCodeSchema.nullable(),
    shares: z
      .array(z.object({ level: LevelCodeSchema, share: z.number() }))
      .openapi({ description: "The criterion's share (0–1) of the weight at each level it applies to" }),
  })
  .openapi('Criterion');

export const DeadlineExtensionSchema = z
  .object({
    previousDeadlineAt: InstantOutSchema,
    deadlineAt: InstantOutSchema,
    reason: z.string(),
    extendedAt: InstantOutSchema,
  })
  .openapi('DeadlineExtension');

const CallSummaryShape = {
  id: z.string().uuid(),
  title: LocalizedTextSchema,
  status: CallStatusSchema,
  opensAt: InstantOutSchema,
  informationMeetingAt: InstantOutSchema.nullable(),
  sketchDeadlineAt: InstantOutSchema.nullable(),
  deadlineAt: InstantOutSchema,
  plannedDecisionAt: InstantOutSchema.nullable(),
  levels: z.array(CallLevelSchema),
  totalMoneyNok: z.number().int(),
};

export const CallSummarySchema = z.object(CallSummaryShape).openapi('CallSummary');

export const CallPageSchema = pageOf(CallSummarySchema).openapi('CallPage');

export const CallSchema = z
  .object({
    ...CallSummaryShape,
    description: LocalizedTextSchema,
    criteria: z.array(CriterionSchema),
    deadlineExtensions: z.array(DeadlineExtensionSchema),
    openedAt: InstantOutSchema.nullable(),
    createdAt: InstantOutSchema,
    updatedAt: InstantOutSchema,
    actions: z
      .array(CallActionSchema)
      .openapi({ description: "The lifecycle's actions the caller may take on the call now" }),
  })
  .openapi('Call');

export type CallSummary = z.infer<typeof CallSummarySchema>;
export type CallView = z.infer<typeof CallSchema>;
export type CallAction = z.infer<typeof CallActionSchema>;
