import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { isIsoDate } from '../../shared/dates';
import { ActorTypeSchema, MembershipRoleSchema } from '../organisations/organisations.contract';
import { OrgnrSchema } from '../organisations/orgnr.contract';

export const ListMembersQuerySchema = PageQuerySchema.extend({
  role: MembershipRoleSchema.optional(),
  actorType: ActorTypeSchema.optional(),
  include: z
    .enum(['current', 'all'])
    .default('current')
    .openapi({ description: 'current: partners today; all: also those who have left' }),
  after: z.string().min(1).max(1000).optional().openapi({
    description: "The previous page's `nextCursor`: the page that follows it (`page` is then not used)",
  }),
});

export type ListMembersQuery = z.infer<typeof ListMembersQuerySchema>;

export const MemberSchema = z
  .object({
    organisation: z.object({
      orgnr: z.string(),
      name: z.string(),
      actorType: ActorTypeSchema,
      countyCode: z.string().nullable(),
      employees: z.number().int().nullable(),
    }),
    role: MembershipRoleSchema,
    joinedOn: z.string(),
    agreementSignedOn: z.string().nullable(),
    leftOn: z.string().nullable(),
  })
  .openapi('Member');

export const MemberPageSchema = pageOf(MemberSchema)
  .extend({
    nextCursor: z.string().nullable().openapi({
      description: 'Give it as `after` for the next page; null on the last page',
    }),
  })
  .openapi('MemberPage');

export type MemberPage = z.infer<typeof MemberPageSchema>;

export type Member = z.infer<typeof MemberSchema>;

const IsoDateSchema = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

export const AddMemberBodySchema = z
  .object({
    orgnr: OrgnrSchema,
    role: MembershipRoleSchema.default('partner'),
    joinedOn: IsoDateSchema.optional().openapi({ description: 'Defaults to today (Europe/Oslo)' }),
    agreementSignedOn: IsoDateSchema.nullable().optional(),
    name: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .openapi({ description: 'Needed only when the organisation is not in the register copy' }),
    actorType: ActorTypeSchema.optional().openapi({
      description: 'For an organisation not in the register copy',
    }),
  })
  .openapi('AddMemberRequest');

export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;

export const AddedMemberSchema = z
  .object({
    member: MemberSchema,
    organisationSource: z.enum(['register', 'unverified']),
    warnings: z.array(z.string()),
  })
  .openapi('AddedMember');
export type AddedMember = z.infer<typeof AddedMemberSchema>;

/** A change to a partnership that has not ended; `leftOn` ends it (today or on a later day). */
export const UpdateMemberBodySchema = z
  .object({
    role: MembershipRoleSchema.optional(),
    agreementSignedOn: IsoDateSchema.nullable().optional(),
    leftOn: IsoDateSchema.nullable().optional().openapi({
      description: 'The day the partnership ends; null takes back a planned end',
    }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .openapi('UpdateMemberRequest');

export type UpdateMemberBody = z.infer<typeof UpdateMemberBodySchema>;
