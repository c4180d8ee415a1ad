import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { checkOrgnr } from '../../shared/orgnr';
import { LEVEL_CODES } from './levels';

export const LocalizedTextSchema = z
  .object({ nb: z.string(), en: z.string() })
  .openapi('LocalizedText', { description: 'The same text in Norwegian Bokmål and English.' });

export const LevelCodeSchema = z.enum(LEVEL_CODES).openapi('LevelCode');

export const LevelSchema = z
  .object({
    code: LevelCodeSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
    durationYears: z.number().int(),
    extensionYears: z.number().int(),
    openFromYear: z.number().int(),
    openToYear: z.number().int().nullable(),
    funded: z.boolean(),
    operatingAid: z.boolean().openapi({
      description:
        "Whether a grant at this level is operating aid: its years count towards the programme's cap.",
    }),
    activeClusters: z.number().int().openapi({ description: 'Clusters at this level today.' }),
  })
  .openapi('Level');

export const BrandSchema = z
  .object({
    code: z.string(),
    name: LocalizedTextSchema,
    duringLevel: LevelCodeSchema,
    fromYear: z.number().int(),
    activeClusters: z.number().int(),
  })
  .openapi('Brand');

export const PressContactSchema = z
  .object({ name: z.string(), email: z.string(), phone: z.string().nullable() })
  .openapi('PressContact', { description: 'The person the press should call at an operator.' });

export const OperatorSchema = z
  .object({
    orgnr: z.string(),
    name: z.string().openapi({ description: 'As the operator entered it' }),
    pressContact: PressContactSchema.nullable().optional().openapi({
      description:
        'Only for those who may set the programme up (it is personal data); null when the operator has none.',
    }),
  })
  .openapi('Operator');

export const ProgrammeSchema = z
  .object({
    slug: z.string(),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
    operators: z.array(z.string()).openapi({ description: "The operators' names, in their order" }),
    operatorOrganisations: z.array(OperatorSchema),
    operatingAidCapYears: z.number().int().openapi({
      description: 'How many years in all a cluster organisation may receive operating aid',
    }),
    levels: z.array(LevelSchema),
    brands: z.array(BrandSchema),
    counts: z.object({
      activeClusters: z.number().int(),
      partnerOrganisations: z.number().int(),
      memberships: z.number().int(),
    }),
  })
  .openapi('Programme');

export type ProgrammeView = z.infer<typeof ProgrammeSchema>;
export type LevelView = z.infer<typeof LevelSchema>;
export type OperatorView = z.infer<typeof OperatorSchema>;

// ── Setting the programme up ──────────────────────────────────────────────────────────────────

const YEAR_MESSAGE = 'must be a year between 1990 and 2100';
const YearSchema = z.number().int(YEAR_MESSAGE).min(1990, YEAR_MESSAGE).max(2100, YEAR_MESSAGE);

const RequiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const OptionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const NameInputSchema = z.object({ nb: RequiredText(200), en: RequiredText(200) });
const DescriptionInputSchema = z.object({ nb: OptionalText(5000), en: OptionalText(5000) });

/** An orgnr as people write it ("986 399 445"); the message says what is wrong with a bad one. */
const OperatorOrgnrSchema = z
  .string()
  .superRefine((value, ctx) => {
    const check = checkOrgnr(value);
    if (!check.ok)
      ctx.addIssue({ code: 'custom', message: check.message, params: { problem: check.problem } });
  })
  .transform((value) => value.replace(/[\s.]/g, ''))
  .openapi({ description: 'Organisation number (9 digits, mod-11 check digit)', example: '986399445' });

const PressContactInputSchema = z.object({
  name: RequiredText(200),
  email: z.string().trim().max(254).email('must be an e-mail address'),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ]{4,19}$/, 'must be a phone number: digits and spaces, optionally starting with +')
    .nullable()
    .optional()
    .transform((phone) => phone ?? null),
});

const OperatorInputSchema = z.object({
  orgnr: OperatorOrgnrSchema,
  name: RequiredText(200),
  pressContact: PressContactInputSchema.nullable()
    .optional()
    .transform((contact) => contact ?? null),
});

const BrandInputSchema = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9]+(?:_[a-z0-9]+)*$/, 'must be lower-case letters and digits, words joined by _')
    .max(40),
  name: NameInputSchema,
  duringLevel: LevelCodeSchema,
  fromYear: YearSchema,
});

/** Rejects a second entry with the same key, at that entry's field, naming the first. */
function unique<T>(key: (item: T) => string, field: string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(key(item));
      if (first === undefined) seen.set(key(item), index);
      else
        ctx.addIssue({
          code: 'custom',
          path: [index, field],
          message: `${what} ${key(item)} is already listed as number ${first + 1}`,
        });
    });
  };
}

/**
 * The programme's editable fields. A field left out keeps its value; a new programme starts with
 * an empty description, a cap of 10 years and no brands.
 */
export const SetUpProgrammeBodySchema = z
  .object({
    name: NameInputSchema,
    description: DescriptionInputSchema.optional(),
    operatorOrganisations: z
      .array(OperatorInputSchema)
      .min(1, 'must name at least one operator')
      .max(20)
      .superRefine(unique((operator) => operator.orgnr, 'orgnr', 'the operator')),
    operatingAidCapYears: z
      .number()
      .int('must be a whole number of years')
      .min(1, 'must be at least 1 year')
      .max(50, 'must be at most 50 years')
      .optional(),
    brands: z
      .array(BrandInputSchema)
      .max(20)
      .superRefine(unique((brand) => brand.code, 'code', 'the brand'))
      .optional(),
  })
  .openapi('SetUpProgrammeRequest', {
    description:
      'The programme as it should be. A field left out keeps its value; a new programme starts with an empty ' +
      'description, a cap of 10 years and no brands.',
  });

export type SetUpProgrammeBody = z.output<typeof SetUpProgrammeBodySchema>;
export type OperatorInput = z.output<typeof OperatorInputSchema>;
export type BrandInput = z.output<typeof BrandInputSchema>;

const levelFields = {
  name: NameInputSchema,
  description: DescriptionInputSchema,
  durationYears: z.number().int('must be a whole number of years').min(1, 'must be at least 1 year').max(30),
  extensionYears: z
    .number()
    .int('must be a whole number of years')
    .min(0, 'must not be negative')
    .max(30, 'must be at most 30 years'),
  openFromYear: YearSchema.openapi({ description: 'The first year the level took clusters in' }),
  openToYear: YearSchema.nullable().openapi({
    description: 'The last year it took clusters in; null while it is open',
  }),
  funded: z.boolean(),
  operatingAid: z.boolean(),
};

/** A level's open-to year may not come before its open-from year. */
export function openYearsProblem(level: { openFromYear: number; openToYear: number | null }) {
  return level.openToYear !== null && level.openToYear < level.openFromYear
    ? `must not be before the year the level opened (${level.openFromYear})`
    : undefined;
}

export const AddLevelBodySchema = z
  .object({
    code: LevelCodeSchema,
    ...levelFields,
    description: levelFields.description.default({ nb: '', en: '' }),
    extensionYears: levelFields.extensionYears.default(0),
    openToYear: levelFields.openToYear.default(null),
    funded: levelFields.funded.default(true),
  })
  .superRefine((level, ctx) => {
    const problem = openYearsProblem(level);
    if (problem) ctx.addIssue({ code: 'custom', path: ['openToYear'], message: problem });
  })
  .openapi('AddLevelRequest');

export type AddLevelBody = z.output<typeof AddLevelBodySchema>;

/** A change to a level: the fields it sets, at least one. */
export const UpdateLevelBodySchema = z
  .object(levelFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .openapi('UpdateLevelRequest');

export type UpdateLevelBody = z.output<typeof UpdateLevelBodySchema>;

export const LevelCodeParamSchema = z.object({
  code: LevelCodeSchema.openapi({ param: { name: 'code', in: 'path' }, example: 'arena_pro' }),
});

export const ListLevelsQuerySchema = PageQuerySchema;
export type ListLevelsQuery = z.infer<typeof ListLevelsQuerySchema>;

export const LevelPageSchema = pageOf(LevelSchema).openapi('LevelPage');
