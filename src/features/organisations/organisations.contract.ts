import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { COUNTY_CODES } from '../../shared/counties';
import { MEMBERSHIP_ROLES } from '../../shared/membership-roles';
import { ACTOR_TYPES, SIZE_CLASSES } from './actor-type';

export const ActorTypeSchema = z.enum(ACTOR_TYPES).openapi('ActorType');
export const SizeClassSchema = z.enum(SIZE_CLASSES).openapi('SizeClass');
export const MembershipRoleSchema = z.enum(MEMBERSHIP_ROLES).openapi('MembershipRole');

/** A partnership as the organisation's page lists it: the cluster, the role, and when. */
export const OrganisationMembershipSchema = z
  .object({
    cluster: z.object({ slug: z.string(), name: z.string() }),
    role: MembershipRoleSchema,
    joinedOn: z.string(),
    leftOn: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('OrganisationMembership');

export type OrganisationMembership = z.infer<typeof OrganisationMembershipSchema>;

export const RegisterFactsSchema = z
  .object({
    source: z.enum(['register', 'unverified']).openapi({
      description:
        'register: from Enhetsregisteret; unverified: entered by hand and not found in the register copy',
    }),
    kind: z.enum(['enhet', 'underenhet']).nullable(),
    organisationFormName: z.string().nullable(),
    municipalityName: z.string().nullable(),
    postalCode: z.string().nullable(),
    postalPlace: z.string().nullable(),
    institutionalSectorCode: z.string().nullable(),
    foundedOn: z.string().nullable(),
    registeredOn: z.string().nullable(),
    bankrupt: z.boolean(),
    underLiquidation: z.boolean(),
    underForcedLiquidation: z.boolean(),
    deletedOn: z.string().nullable(),
    parentOrgnr: z.string().nullable(),
    updatedAt: z.string().nullable().openapi({ description: 'When an import last changed these facts' }),
    lastImportAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the last register import finished (the copy is as of then)' }),
  })
  .openapi('RegisterFacts');

export const OrganisationSchema = z
  .object({
    id: z.string().uuid(),
    orgnr: z.string(),
    name: z.string(),
    organisationForm: z.string().nullable(),
    naceCodes: z.array(
      z.object({
        code: z.string(),
        section: z.string().nullable(),
        division: z.string().nullable(),
        description: z
          .string()
          .nullable()
          .openapi({ description: "SN2007's name, else the register's own text" }),
      }),
    ),
    employees: z.number().int().nullable(),
    sizeClass: SizeClassSchema,
    municipalityNumber: z.string().nullable(),
    countyCode: z.string().nullable(),
    actorType: ActorTypeSchema,
    actorTypeOverridden: z.boolean().openapi({ description: 'Set by hand; later imports keep it' }),
    website: z.string().nullable(),
    contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }).nullable().openapi({
      description:
        "The organisation's own contact details, kept by its partner contacts; shown to signed-in users, null for anonymous readers",
    }),
    register: RegisterFactsSchema,
    memberships: z.array(OrganisationMembershipSchema),
  })
  .openapi('Organisation');

export type OrganisationView = z.infer<typeof OrganisationSchema>;

export const ListOrganisationsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(200).optional().openapi({
    description: 'Words of the name, or the first digits of the organisation number',
    example: 'equinor',
  }),
  county: z.enum(COUNTY_CODES).optional(),
  actorType: ActorTypeSchema.optional(),
});

export type ListOrganisationsQuery = z.infer<typeof ListOrganisationsQuerySchema>;

export const OrganisationSummarySchema = z
  .object({
    orgnr: z.string(),
    name: z.string(),
    organisationForm: z.string().nullable(),
    actorType: ActorTypeSchema,
    countyCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    employees: z.number().int().nullable(),
    bankrupt: z.boolean(),
    deletedOn: z.string().nullable(),
  })
  .openapi('OrganisationSummary');

export const OrganisationPageSchema = pageOf(OrganisationSummarySchema)
  .extend({ matched: z.enum(['all', 'orgnr_prefix', 'full_text', 'fuzzy']) })
  .openapi('OrganisationPage');

export type OrganisationSummary = z.infer<typeof OrganisationSummarySchema>;

export const ActorTypeOverrideBodySchema = z
  .object({
    actorType: ActorTypeSchema.nullable().openapi({
      description: 'The type to use; null lifts the override',
    }),
  })
  .openapi('ActorTypeOverride');

/** A change to the organisation's own contact details; null clears a field. */
export const UpdateContactBodySchema = z
  .object({
    email: z.string().trim().max(254).email('must be an e-mail address').nullable().optional(),
    phone: z
      .string()
      .trim()
      .regex(
        /^\+?[0-9][0-9 ]{4,19}$/,
        'must be a phone number: digits and spaces, optionally starting with +',
      )
      .nullable()
      .optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .openapi('UpdateContactRequest');

export type UpdateContactBody = z.infer<typeof UpdateContactBodySchema>;
