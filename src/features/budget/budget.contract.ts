import { z } from '@hono/zod-openapi';
import { isIsoDate } from '../../shared/dates';
import { LevelCodeSchema } from '../programme/programme.contract';
import { BUDGET_YEAR_MAX, BUDGET_YEAR_MIN } from './budget.table';

/** The longest span the ledger answers in one request. */
export const MAX_LEDGER_YEARS = 50;

const yearMessage = `must be a year from ${BUDGET_YEAR_MIN} to ${BUDGET_YEAR_MAX}`;
const Year = z.number().int(yearMessage).min(BUDGET_YEAR_MIN, yearMessage).max(BUDGET_YEAR_MAX, yearMessage);
const YearQuery = z.coerce
  .number()
  .int(yearMessage)
  .min(BUDGET_YEAR_MIN, yearMessage)
  .max(BUDGET_YEAR_MAX, yearMessage);
const Nok = z
  .number()
  .int('must be whole kroner')
  .min(0, 'may not be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');
const NokInt32 = Nok.max(2_147_483_647, 'is more than Klynge stores in one amount (2 147 483 647 NOK)');
const Id = (what: string) => z.string().uuid(`must be ${what} (a UUID)`);

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

export const YearParamSchema = z.object({
  year: YearQuery.openapi({ param: { name: 'year', in: 'path' }, example: 2025 }),
});

export const LedgerQuerySchema = z
  .object({
    from: YearQuery.optional().openapi({ description: 'Defaults to the first year anything is committed' }),
    to: YearQuery.optional().openapi({ description: 'Defaults to the last year anything is committed' }),
  })
  .superRefine((query, ctx) => {
    if (query.from === undefined || query.to === undefined) return;
    if (query.to < query.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'may not be before from' });
    else if (query.to - query.from >= MAX_LEDGER_YEARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `may be at most ${MAX_LEDGER_YEARS} years after from`,
      });
    }
  });
export type LedgerQuery = z.infer<typeof LedgerQuerySchema>;

const ByLevelAmountsSchema = z.partialRecord(LevelCodeSchema, NokInt32).openapi({
  description: 'Parts of the frame by level code; the parts may not add up to more than the frame',
});

export const FrameBodySchema = z
  .object({
    frameNok: NokInt32.openapi({ description: 'The year’s frame in NOK', example: 217_000_000 }),
    byLevel: ByLevelAmountsSchema.optional().openapi({
      description: 'The split per level; leaving it out, or sending {}, removes the split',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    const parts = Object.values(body.byLevel ?? {}).reduce<number>((sum, part) => sum + (part ?? 0), 0);
    if (parts > body.frameNok) {
      ctx.addIssue({
        code: 'custom',
        path: ['byLevel'],
        message: `the parts add up to ${parts} NOK, more than the frame of ${body.frameNok} NOK`,
      });
    }
  })
  .openapi('BudgetFrameBody');
export type FrameBody = z.infer<typeof FrameBodySchema>;

export const PriceIndexBodySchema = z
  .object({
    value: z
      .number()
      .positive('must be more than 0')
      .max(100_000, 'is too large for a price index')
      .refine((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, 'has at most three decimals')
      .openapi({ description: 'The index for the year; the base year is 100', example: 118.3 }),
  })
  .strict()
  .openapi('PriceIndexBody');
export type PriceIndexBody = z.infer<typeof PriceIndexBodySchema>;

export const ScenarioQuerySchema = z
  .object({
    year: YearQuery.openapi({ description: 'The first year whose frame is cut' }),
    cutPercent: z.coerce
      .number('must be a number')
      .min(0, 'may not be negative')
      .max(100, 'may be at most 100')
      .optional()
      .openapi({ description: 'Cut each frame by this many per cent', example: 30 }),
    frameNok: z.coerce
      .number('must be a number')
      .pipe(NokInt32)
      .optional()
      .openapi({ description: 'Or set each frame to this many NOK' }),
    untilYear: YearQuery.optional().openapi({
      description: 'The last year cut; defaults to the last year with a frame (the cut carries forward)',
    }),
  })
  .superRefine((query, ctx) => {
    const given = [query.cutPercent, query.frameNok].filter((v) => v !== undefined).length;
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', path: ['cutPercent'], message: 'give either cutPercent or frameNok' });
    }
    if (query.untilYear !== undefined && query.untilYear < query.year) {
      ctx.addIssue({ code: 'custom', path: ['untilYear'], message: 'may not be before year' });
    } else if (query.untilYear !== undefined && query.untilYear - query.year >= MAX_LEDGER_YEARS) {
      ctx.addIssue({
        code: 'custom',
        path: ['untilYear'],
        message: `may be at most ${MAX_LEDGER_YEARS} years after year`,
      });
    }
  });
export type ScenarioQuery = z.infer<typeof ScenarioQuerySchema>;

export const PaymentBodySchema = z
  .object({
    engagementId: Id('an engagement id').openapi({ description: 'The engagement of the cluster paid for' }),
    year: Year.openapi({ description: 'The year of the commitment paid against', example: 2024 }),
    amountNok: NokInt32.min(1, 'must be at least 1 NOK'),
    paidOn: z
      .string()
      .refine(isIsoDate, 'must be a date written YYYY-MM-DD')
      .openapi({ example: '2024-03-15' }),
    note: z.string().trim().max(500, 'may hold at most 500 characters').default(''),
  })
  .strict()
  .openapi('PaymentBody');
export type PaymentBody = z.infer<typeof PaymentBodySchema>;

// ── Responses ────────────────────────────────────────────────────────────────────────────────────

const Amount = z.number().int();
const RealAmount = z.number().int().nullable();

export const LedgerLevelSchema = z
  .object({
    frameNok: Amount.nullable().openapi({
      description: "The level's part of the frame; null without a split",
    }),
    committedNok: Amount,
    paidNok: Amount,
    remainingNok: Amount.nullable().openapi({
      description: 'The part less what is committed; null without a part',
    }),
  })
  .openapi('LedgerLevel');

const RealValuesSchema = z
  .object({
    frameNok: RealAmount,
    committedNok: Amount,
    paidNok: Amount,
    remainingNok: RealAmount,
  })
  .openapi('RealAmounts', { description: 'The amounts in kroner of the index’s base year (index 100)' });

export const LedgerYearSchema = z
  .object({
    year: z.number().int(),
    frameNok: Amount.nullable().openapi({ description: 'null when no frame is entered for the year' }),
    committedNok: Amount,
    paidNok: Amount,
    remainingNok: Amount.nullable().openapi({
      description: 'The frame less what is committed; negative when over',
    }),
    unpaidNok: Amount.openapi({ description: 'What is committed and not yet paid' }),
    byLevel: z.partialRecord(LevelCodeSchema, LedgerLevelSchema).openapi({
      description: 'Per level code, every level that has a part of the frame, a commitment or a payment',
    }),
    priceIndex: z.number().nullable(),
    real: RealValuesSchema.nullable().openapi({ description: 'null when the year has no price index' }),
  })
  .openapi('LedgerYear');

export const LedgerSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    levels: z.array(z.object({ code: LevelCodeSchema, name: z.object({ nb: z.string(), en: z.string() }) })),
    years: z.array(LedgerYearSchema),
  })
  .openapi('Ledger');

export const FrameSchema = z
  .object({
    year: z.number().int(),
    frameNok: Amount,
    byLevel: z.partialRecord(LevelCodeSchema, Amount),
  })
  .openapi('BudgetFrame');

export const PriceIndexSchema = z
  .object({ years: z.array(z.object({ year: z.number().int(), value: z.number() })) })
  .openapi('PriceIndex');

const ClusterRefSchema = z.object({ slug: z.string(), name: z.string() });

export const CommitmentSchema = z
  .object({
    id: z.string().uuid(),
    cluster: ClusterRefSchema,
    engagementId: z.string().uuid(),
    level: LevelCodeSchema,
    year: z.number().int(),
    amountNok: Amount,
    realNok: RealAmount.openapi({ description: 'Deflated by the year’s price index; null without one' }),
    decisionId: z.string().uuid().nullable(),
  })
  .openapi('Commitment');

export const ScenarioOverrunSchema = z
  .object({
    year: z.number().int(),
    level: LevelCodeSchema.nullable().openapi({
      description: "null: the whole frame; else the level's part",
    }),
    frameNok: Amount.openapi({ description: 'The frame (or part) as the scenario sets it' }),
    committedNok: Amount,
    overNok: Amount,
    real: z.object({ frameNok: Amount, committedNok: Amount, overNok: Amount }).nullable(),
  })
  .openapi('ScenarioOverrun');

export const ScenarioSchema = z
  .object({
    year: z.number().int(),
    untilYear: z.number().int(),
    cutPercent: z.number().nullable(),
    frameNok: Amount.nullable(),
    years: z.array(
      z.object({
        year: z.number().int(),
        frameNok: Amount.nullable().openapi({ description: 'The frame as entered' }),
        scenarioFrameNok: Amount.nullable().openapi({ description: 'The frame in the scenario' }),
        committedNok: Amount,
        overNok: Amount.openapi({
          description: 'How far the commitments pass the scenario frame; 0 when they fit',
        }),
        realScenarioFrameNok: RealAmount,
        realCommittedNok: RealAmount,
        realOverNok: RealAmount,
      }),
    ),
    overruns: z.array(ScenarioOverrunSchema).openapi({ description: 'Every limit passed, year by year' }),
    affected: z.array(CommitmentSchema).openapi({ description: 'The commitments in the limits passed' }),
  })
  .openapi('BudgetScenario');

export const PaymentSchema = z
  .object({
    id: z.string().uuid(),
    engagementId: z.string().uuid(),
    level: LevelCodeSchema,
    year: z.number().int(),
    amountNok: Amount,
    paidOn: z.string(),
    note: z.string(),
  })
  .openapi('Payment');

export const ClusterCommitmentsSchema = z
  .object({
    cluster: ClusterRefSchema,
    commitments: z.array(CommitmentSchema),
    payments: z.array(PaymentSchema),
    years: z.array(
      z.object({
        year: z.number().int(),
        committedNok: Amount,
        paidNok: Amount,
        realCommittedNok: RealAmount,
      }),
    ),
    totalCommittedNok: Amount,
    totalPaidNok: Amount,
  })
  .openapi('ClusterCommitments');

export const LedgerYearDetailSchema = z
  .object({
    year: z.number().int(),
    frameNok: Amount.nullable(),
    committedNok: Amount,
    paidNok: Amount,
    remainingNok: Amount.nullable(),
    priceIndex: z.number().nullable(),
    clusters: z.array(
      z.object({
        cluster: ClusterRefSchema,
        level: LevelCodeSchema,
        committedNok: Amount,
        paidNok: Amount,
        realCommittedNok: RealAmount,
      }),
    ),
  })
  .openapi('LedgerYearDetail', {
    description: 'One year of the ledger, cluster by cluster and level by level',
  });
