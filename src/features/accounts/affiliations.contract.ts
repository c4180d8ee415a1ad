import { z } from '@hono/zod-openapi';
import { OrgnrParamSchema, OrgnrSchema } from '../organisations/orgnr.contract';

export const AffiliationSchema = z
  .object({
    orgnr: z.string(),
    name: z
      .string()
      .nullable()
      .openapi({ description: "The organisation's name in the register copy; null when it is not there" }),
    createdAt: z.string(),
  })
  .openapi('Affiliation');
export type Affiliation = z.infer<typeof AffiliationSchema>;

export const AffiliationListSchema = z
  .object({ items: z.array(AffiliationSchema) })
  .openapi('AffiliationList');

export const AddAffiliationBodySchema = z
  .object({ orgnr: OrgnrSchema })
  .strict()
  .openapi('AddAffiliationRequest');

export const AffiliationParamSchema = OrgnrParamSchema;

export const PersonIdParamSchema = z.object({
  id: z.uuid({ message: 'must be a person id' }).openapi({ param: { name: 'id', in: 'path' } }),
});
