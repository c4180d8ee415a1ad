import { z } from '@hono/zod-openapi';
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

export const ProgrammeSchema = z
  .object({
    slug: z.string(),
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
    operators: z.array(z.string()),
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
