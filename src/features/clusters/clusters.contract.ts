import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { CLUSTER_STATUSES } from '../../shared/cluster-status';
import { COUNTY_CODES } from '../../shared/counties';
import { isSectorCode } from '../../shared/sectors';
import { isSlug } from '../../shared/slug';
import {
  ActorTypeSchema,
  MembershipRoleSchema,
  SizeClassSchema,
} from '../organisations/organisations.contract';
import { OrgnrSchema } from '../organisations/orgnr.contract';
import { LevelCodeSchema, LocalizedTextSchema } from '../programme/programme.contract';

export const ClusterStatusSchema = z.enum(CLUSTER_STATUSES).openapi('ClusterStatus', {
  description:
    'forming: a network registered to apply, not in the programme yet, seen only by its own people and programme staff; active: in the programme; ended: no longer in it',
});

export const ListClustersQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Words to search for', example: 'arctic' }),
  level: LevelCodeSchema.optional().openapi({ description: 'Clusters at this level today' }),
  county: z
    .enum(COUNTY_CODES)
    .optional()
    .openapi({ description: 'A 2024 county number; clusters that span it', example: '18' }),
  sector: z
    .string()
    .refine(isSectorCode, 'must be an SN2007 section letter (A–U) or a two-digit division such as 24')
    .optional()
    .openapi({ description: 'SN2007 section letter or two-digit division', example: 'C' }),
  status: ClusterStatusSchema.optional().openapi({
    description:
      'Without it the registry leaves forming networks out; forming lists those the caller may see (its own, or all for programme staff)',
  }),
  sort: z.enum(['name', 'relevance']).optional().openapi({
    description: 'Defaults to relevance when q is given, else to name (Norwegian alphabetical order)',
  }),
});

export type ListClustersQuery = z.infer<typeof ListClustersQuerySchema>;

export const CurrentLevelSchema = z
  .object({ code: LevelCodeSchema, name: LocalizedTextSchema, since: z.string() })
  .openapi('CurrentLevel');

export const ClusterSummarySchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    status: ClusterStatusSchema,
    currentLevel: CurrentLevelSchema.nullable(),
    counties: z.array(z.string()),
    sectors: z.array(z.string()),
    foundedYear: z.number().int().nullable(),
    activeMembers: z.number().int(),
  })
  .openapi('ClusterSummary');

export const ClusterPageSchema = pageOf(ClusterSummarySchema)
  .extend({
    matched: z.enum(['all', 'full_text', 'fuzzy']).openapi({
      description: 'How q matched: full-text, or the fuzzy name fallback when full-text found nothing',
    }),
  })
  .openapi('ClusterPage');

export const SlugParamSchema = z.object({
  slug: z
    .string()
    .refine(isSlug, 'must be a slug: lower-case letters, digits and single dashes')
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'arctic-cluster-team' }),
});

export const EngagementSchema = z
  .object({
    level: LevelCodeSchema,
    levelName: LocalizedTextSchema,
    startsOn: z.string(),
    plannedEndOn: z.string(),
    extendedToOn: z.string().nullable(),
    endedOn: z.string().nullable(),
    endsOn: z.string().openapi({ description: 'The day the period ends or ended, all changes considered' }),
    yearlyGrantNok: z.number().int(),
    current: z.boolean(),
  })
  .openapi('Engagement');

export const ClusterRefSchema = z.object({ slug: z.string(), name: z.string() }).openapi('ClusterRef');

export const HubLinkSchema = z
  .object({
    cluster: ClusterRefSchema,
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('HubLink');

const countOf = <T extends z.ZodType>(key: T) => z.array(z.object({ key, count: z.number().int() }));

/** Who a cluster's partners are today, counted along each dimension. */
export const PartnerStatisticsSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Partners today' }),
    byRole: countOf(MembershipRoleSchema),
    byActorType: countOf(z.union([ActorTypeSchema, z.literal('unknown')])).openapi({
      description: '"unknown" for an organisation entered by hand whose type nobody stated',
    }),
    byCounty: countOf(z.string()).openapi({ description: 'By county number; "unknown" when not known' }),
    bySize: countOf(SizeClassSchema),
    bySection: countOf(z.string()).openapi({
      description: 'By the SN2007 section of the primary industry code; "unknown" when there is none',
    }),
    smeShare: z.number().nullable().openapi({
      description:
        'Share of company partners that are SMEs, 0–1, among those whose type is known; null without any',
    }),
  })
  .openapi('PartnerStatistics');

export type PartnerStatistics = z.infer<typeof PartnerStatisticsSchema>;

export const ClusterProfileSchema = ClusterSummarySchema.extend({
  id: z.string().uuid(),
  description: LocalizedTextSchema,
  website: z.string().nullable(),
  focusAreas: z.array(LocalizedTextSchema),
  host: z.object({ orgnr: z.string(), name: z.string().nullable() }).nullable(),
  levelHistory: z.array(EngagementSchema),
  brands: z.array(
    z.object({
      code: z.string(),
      name: LocalizedTextSchema,
      startsOn: z.string(),
      endsOn: z.string().nullable(),
    }),
  ),
  hubs: z.array(HubLinkSchema).openapi({ description: 'Hubs this cluster is (or was) a node of' }),
  nodes: z.array(HubLinkSchema).openapi({ description: 'Nodes attached to this cluster as their hub' }),
  partnerStatistics: PartnerStatisticsSchema,
  counts: z.object({
    partners: z.number().int().openapi({ description: 'Partners today' }),
    corePartners: z.number().int(),
    formerPartners: z.number().int().openapi({ description: 'Organisations whose partnership has ended' }),
    counties: z.number().int(),
    engagements: z.number().int().openapi({ description: 'Periods in the level history' }),
    nodes: z.number().int().openapi({ description: 'Nodes ever attached to this cluster as hub' }),
  }),
}).openapi('ClusterProfile');

export type ClusterSummary = z.infer<typeof ClusterSummarySchema>;
export type ClusterProfile = z.infer<typeof ClusterProfileSchema>;
export type Engagement = z.infer<typeof EngagementSchema>;

const EditableTextSchema = (max: number) => z.string().trim().max(max);

const CountiesSchema = z
  .array(z.enum(COUNTY_CODES))
  .min(1)
  .max(COUNTY_CODES.length)
  .refine((codes) => new Set(codes).size === codes.length, 'must not name a county twice')
  .openapi({ description: '2024 county numbers the cluster spans' });

const SectorsSchema = z
  .array(z.string().refine(isSectorCode, 'must be an SN2007 section letter (A–U) or a two-digit division'))
  .max(20)
  .refine((codes) => new Set(codes).size === codes.length, 'must not name a sector twice')
  .openapi({ description: 'SN2007 section letters or two-digit divisions' });

/**
 * A change to a cluster's profile: only the fields sent change. The slug never changes, so links
 * to the profile keep working; the name and the status are the programme's to change.
 */
export const UpdateClusterBodySchema = z
  .object({
    name: EditableTextSchema(200)
      .min(2)
      .optional()
      .openapi({ description: "Programme staff, and a forming network's own managers" }),
    status: z
      .enum(['active', 'ended'])
      .optional()
      .openapi({ description: 'Programme staff only; a forming network becomes active by a decision' }),
    shortName: EditableTextSchema(40).min(1).nullable().optional(),
    description: z
      .object({ nb: EditableTextSchema(5000), en: EditableTextSchema(5000) })
      .optional()
      .openapi({ description: 'Both languages; an empty text hides that language' }),
    foundedYear: z.number().int().min(1900).max(2100).nullable().optional(),
    website: z
      .string()
      .trim()
      .max(300)
      .url()
      .refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://')
      .nullable()
      .optional(),
    focusAreas: z
      .array(z.object({ nb: EditableTextSchema(80).min(1), en: EditableTextSchema(80).min(1) }))
      .max(12)
      .optional(),
    counties: CountiesSchema.optional(),
    sectors: SectorsSchema.optional(),
    hostOrgnr: OrgnrSchema.nullable().optional().openapi({ description: 'The host organisation' }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')
  .openapi('UpdateClusterRequest');

export type UpdateClusterBody = z.infer<typeof UpdateClusterBodySchema>;

/**
 * A network that registers itself to apply to the programme (decision 017): what the registry
 * shows of every cluster, and the host organisation, which need not be in the register copy yet.
 */
export const NewFormingNetworkSchema = z
  .object({
    name: EditableTextSchema(200).min(2),
    counties: CountiesSchema,
    sectors: SectorsSchema.min(1, 'name at least one sector'),
    hostOrgnr: OrgnrSchema.openapi({ description: 'The host organisation' }),
  })
  .strict()
  .openapi('NewFormingNetwork');

export type NewFormingNetwork = z.infer<typeof NewFormingNetworkSchema>;
