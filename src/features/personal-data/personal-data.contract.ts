import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import type { PersonalData } from '../../server/personal-data';
import { RoleGrantSchema } from '../accounts/accounts.contract';

export const PersonIdParamSchema = z.object({
  id: z
    .string()
    .uuid('must be a person id (a UUID)')
    .openapi({ param: { name: 'id', in: 'path' }, example: '3f2b6c1e-8a4d-4e2b-9c61-0f5d7a9b2c10' }),
});

export const ListPersonsQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Part of the name or the e-mail address, in any case', example: 'nordmann' }),
});
export type ListPersonsQuery = z.infer<typeof ListPersonsQuerySchema>;

const AccountStatusSchema = z.enum(['active', 'disabled']);

export const PersonSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    erasedAt: z.string().nullable(),
    accountStatus: AccountStatusSchema.nullable().openapi({ description: 'null: the person has no account' }),
  })
  .openapi('PersonSummary');
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const PersonPageSchema = pageOf(PersonSummarySchema).openapi('PersonPage');

export const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    erasedAt: z.string().nullable(),
    createdAt: z.string(),
    account: z
      .object({
        id: z.string(),
        email: z.string(),
        status: AccountStatusSchema,
        lastLoginAt: z.string().nullable(),
        createdAt: z.string(),
        grants: z.array(RoleGrantSchema),
        sessions: z.number().int().openapi({ description: 'Sessions open now' }),
        apiTokens: z.number().int(),
        singleSignOnIdentities: z.number().int(),
      })
      .nullable(),
  })
  .openapi('Person');
export type PersonView = z.infer<typeof PersonSchema>;

export const ErasePersonBodySchema = z
  .object({
    confirmation: z.string().trim().min(1, 'is required').max(320).openapi({
      description: "The person's e-mail address or full name, typed again to confirm",
    }),
  })
  .openapi('ErasePersonRequest');
export type ErasePersonBody = z.infer<typeof ErasePersonBodySchema>;

/**
 * Members from several declarations meet in one object; two features naming the same member would
 * silently overwrite each other's data, so the application refuses to start instead.
 */
function mergeShapes(
  where: string,
  taken: readonly string[],
  shapes: readonly z.ZodRawShape[],
): z.ZodRawShape {
  const members = shapes.flatMap((shape) => Object.entries(shape));
  const seen = new Set(taken);
  for (const [member] of members) {
    if (seen.has(member)) {
      throw new Error(`Two personal-data declarations name the member "${member}" of ${where}.`);
    }
    seen.add(member);
  }
  return Object.fromEntries(members);
}

/** What erasure answers; what was removed and what was redacted depend on the declarations. */
export type Erasure = {
  person: PersonView;
  /** How many rows of each kind went, by the kinds the declarations count. */
  removed: Record<string, number>;
  [redaction: string]: unknown;
};

/** Documents the erasure's answer: the person as they are now, and each declaration's counts. */
export function erasureSchemaOf(declarations: readonly PersonalData[]) {
  const redactions = mergeShapes(
    'the erasure',
    ['person', 'removed'],
    declarations.flatMap((declaration) => (declaration.redaction ? [declaration.redaction.shape] : [])),
  );
  const removed = mergeShapes(
    'the erasure’s removed counts',
    [],
    declarations.flatMap((declaration) => (declaration.erase ? [declaration.erase.removed] : [])),
  );
  return z.object({ person: PersonSchema, removed: z.object(removed), ...redactions }).openapi('Erasure');
}

const PersonExportHead = {
  exportedAt: z.string(),
  person: PersonSchema.omit({ account: true }),
  account: z
    .object({
      id: z.string(),
      email: z.string(),
      status: AccountStatusSchema,
      hasPassword: z.boolean(),
      lastLoginAt: z.string().nullable(),
      createdAt: z.string(),
    })
    .nullable(),
};

/**
 * Documents the export: who the person is, each declaration's members, then the streamed ones. The
 * route streams the document, so the streamed members are never held in memory at once.
 */
export function personExportSchemaOf(declarations: readonly PersonalData[]) {
  const members = mergeShapes('the export', Object.keys(PersonExportHead), [
    ...declarations.flatMap((declaration) => (declaration.export ? [declaration.export.shape] : [])),
    ...declarations.flatMap(({ streamed }) => (streamed ? [{ [streamed.member]: streamed.schema }] : [])),
  ]);
  return z.object({ ...PersonExportHead, ...members }).openapi('PersonExport');
}
