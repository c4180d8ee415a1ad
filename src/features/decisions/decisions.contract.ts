import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../../shared/dates';
import { LOCALES } from '../../shared/localized';
import { LevelCodeSchema, LocalizedTextSchema } from '../programme/programme.contract';
import { DECISION_OUTCOMES, DECISION_STATUSES } from './decisions.lifecycle';

const Id = (what: string) => z.string().uuid(`must be ${what} (a UUID)`);
const Typed = (max: number) => z.string().max(max, `may hold at most ${max} characters`);
const IsoDate = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');
const Nok = z.number().int('must be whole kroner').min(0, 'may not be negative').max(2_000_000_000);
const Instant = z.string().openapi({ format: 'date-time' });

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

export const ApplicationIdParamSchema = z.object({
  id: Id('an application id').openapi({ param: { name: 'id', in: 'path' } }),
});
export const CallIdParamSchema = z.object({
  id: Id('a call id').openapi({ param: { name: 'id', in: 'path' } }),
});
export const EngagementParamSchema = z.object({
  slug: z
    .string()
    .max(100)
    .openapi({ param: { name: 'slug', in: 'path' } }),
  id: Id('an engagement id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const DecisionBodySchema = z
  .object({
    outcome: z.enum(['admit', 'reject']),
    level: LevelCodeSchema.optional().openapi({
      description: 'The level admitted at; the level applied for when left out. Only with admit.',
    }),
    startsOn: IsoDate.optional().openapi({ description: 'The first day of the period. Required to admit.' }),
    yearlyGrantsNok: z.array(Nok).max(15).optional().openapi({
      description:
        "The grant for each year of the period, NOK; the period lasts as many years, within the level's duration. Required to admit.",
    }),
    conditions: Typed(10_000).default(''),
    letter: z
      .object({ nb: Typed(50_000), en: Typed(50_000) })
      .strict()
      .optional()
      .openapi({
        description:
          "The letter; pre-filled from the outcome's template with the panel's reasons when left out",
      }),
  })
  .strict()
  .openapi('DecisionInput');
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

export const OverrideSchema = z
  .object({ reason: z.string().trim().min(1, 'must give the reason').max(2000) })
  .strict()
  .openapi('DecisionOverride');

export const PublishBodySchema = z
  .object({
    override: OverrideSchema.optional().openapi({
      description: "An operator admin's reason for publishing past a year's frame or the state-aid cap",
    }),
  })
  .strict()
  .openapi('PublishDecisionsInput');
export type PublishBody = z.infer<typeof PublishBodySchema>;

export const ExtendBodySchema = z
  .object({
    years: z.number().int().min(1).max(15),
    yearlyGrantsNok: z.array(Nok).min(1).max(15),
    conditions: Typed(10_000).default(''),
    override: OverrideSchema.optional(),
  })
  .strict()
  .openapi('ExtensionInput');
export type ExtendBody = z.infer<typeof ExtendBodySchema>;

export const AnnouncementQuerySchema = z.object({
  lang: z
    .enum(LOCALES)
    .default('nb')
    .openapi({ param: { name: 'lang', in: 'query' } }),
});

// ── Responses ────────────────────────────────────────────────────────────────────────────────────

export const YearGrantSchema = z.object({ year: z.number().int(), amountNok: z.number().int() });

export const FrameOverrunSchema = z
  .object({
    year: z.number().int(),
    frameNok: z.number().int(),
    committedNok: z.number().int().openapi({ description: 'Committed before these decisions' }),
    addingNok: z.number().int(),
    overNok: z.number().int(),
  })
  .openapi('FrameOverrun');

export const StateAidWarningSchema = z
  .object({
    capYears: z.number().int(),
    usedYears: z.number(),
    withProposalYears: z.number(),
    overCap: z.boolean(),
  })
  .openapi('StateAidWarning');

export const DecisionSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(['call', 'extension']),
    applicationId: z.string().uuid().nullable(),
    callId: z.string().uuid().nullable(),
    cluster: z.object({ slug: z.string(), name: z.string() }),
    appliedLevel: LevelCodeSchema.nullable(),
    outcome: z.enum(DECISION_OUTCOMES),
    level: LevelCodeSchema.nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable().openapi({ description: "The period's last day" }),
    years: z.number().int().nullable(),
    grants: z.array(YearGrantSchema).openapi({ description: 'The grant per calendar year' }),
    totalNok: z.number().int(),
    conditions: z.string(),
    letter: LocalizedTextSchema,
    status: z.enum(DECISION_STATUSES),
    publishedAt: Instant.nullable(),
    engagementId: z.string().uuid().nullable(),
  })
  .openapi('Decision');
export type DecisionView = z.infer<typeof DecisionSchema>;

export const DraftedDecisionSchema = DecisionSchema.extend({
  warnings: z.object({
    frameYears: z
      .array(z.number().int())
      .openapi({ description: 'The years this decision has money in that the round takes over the frame' }),
    stateAid: StateAidWarningSchema.nullable(),
  }),
}).openapi('DraftedDecision');

export const RoundSchema = z
  .object({
    call: z.object({ id: z.string().uuid(), title: LocalizedTextSchema, status: z.string() }),
    published: z.boolean(),
    publishedAt: Instant.nullable(),
    items: z.array(DraftedDecisionSchema),
    undecided: z
      .array(
        z.object({
          applicationId: z.string().uuid(),
          cluster: z.object({ slug: z.string(), name: z.string() }),
          level: LevelCodeSchema,
          moneyAskedNok: z.number().int(),
          recommendation: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Submitted applications with no decision drafted yet' }),
    frameOverruns: z.array(FrameOverrunSchema),
    overCap: z.array(
      z.object({ cluster: z.string(), withProposalYears: z.number(), capYears: z.number().int() }),
    ),
    mayPublish: z.boolean(),
    mayOverride: z.boolean(),
  })
  .openapi('Round');
export type RoundView = z.infer<typeof RoundSchema>;

export const PublishResultSchema = z
  .object({
    published: z
      .number()
      .int()
      .openapi({ description: 'Decisions published now; 0 when the round already was' }),
    admitted: z.number().int(),
    rejected: z.number().int(),
    lettersQueued: z.number().int(),
    publishedAt: Instant,
  })
  .openapi('PublishResult');
export type PublishResult = z.infer<typeof PublishResultSchema>;

export const ClusterSlugParamSchema = z.object({
  slug: z
    .string()
    .max(100)
    .openapi({ param: { name: 'slug', in: 'path' } }),
});

export const ClusterEngagementSchema = z
  .object({
    id: z.string().uuid(),
    level: LevelCodeSchema,
    levelName: LocalizedTextSchema,
    startsOn: z.string(),
    plannedEndOn: z.string(),
    extendedToOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    endsOn: z.string().openapi({ description: 'The last day, all changes considered' }),
    extensionYearsLeft: z.number().int().openapi({
      description:
        "How many more years it may be extended by, under its level's extension rule; 0 once ended, extended or where the level has none",
    }),
  })
  .openapi('ClusterEngagement');

export const ClusterEngagementsSchema = z
  .object({
    cluster: z.object({ slug: z.string(), name: z.string() }),
    items: z.array(ClusterEngagementSchema).openapi({ description: 'Oldest first' }),
    mayExtend: z.boolean().openapi({ description: 'Whether the caller may extend an engagement' }),
    mayOverride: z.boolean().openapi({
      description: 'Whether the caller may extend past a frame or the state-aid cap with a reason',
    }),
  })
  .openapi('ClusterEngagements');
export type ClusterEngagementsView = z.infer<typeof ClusterEngagementsSchema>;

export const AnnouncementSchema = z
  .object({
    callId: z.string().uuid(),
    lang: z.enum(LOCALES),
    publishedOn: z.string(),
    year: z
      .number()
      .int()
      .openapi({ description: 'The year the budget facts are for: the year of publication' }),
    admittedByLevel: z.record(z.string(), z.number().int()),
    admitted: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        level: LevelCodeSchema,
        levelName: z.string(),
        counties: z.array(z.string()),
        host: z.string().nullable().openapi({ description: "The host organisation's orgnr" }),
        hub: z.object({ slug: z.string(), name: z.string() }).nullable(),
      }),
    ),
    clustersInProgramme: z.number().int(),
    frameNok: z.number().int().nullable(),
    committedNok: z.number().int(),
    pressRelease: z.object({ title: z.string(), text: z.string() }),
  })
  .openapi('Announcement');
export type AnnouncementView = z.infer<typeof AnnouncementSchema>;
