import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { ProblemSchema } from '../../server/http/problem';
import { LOCALES } from '../../shared/localized';
import { isSlug } from '../../shared/slug';
import { NewFormingNetworkSchema } from '../clusters/clusters.contract';
import { LevelCodeSchema, LocalizedTextSchema } from '../programme/programme.contract';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  SECTION_KEYS,
  type SectionKey,
} from './applications.lifecycle';

export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES).openapi('ApplicationStatus', {
  description:
    'The effective status: a request for information reads as submitted again once its date has come.',
});
export const ApplicationActionSchema = z.enum(APPLICATION_ACTIONS).openapi('ApplicationAction');
export const SectionKeySchema = z.enum(SECTION_KEYS).openapi('SectionKey');

/** The largest sum a field may hold: well inside PostgreSQL's integer. */
export const MAX_NOK = 2_000_000_000;

// ── Sections ─────────────────────────────────────────────────────────────────────────────────────
// A section is saved as it is typed, half-written orgnrs and empty fields included, so autosave
// never refuses a keystroke; what a submitted application must hold is the check's (rules.ts).

const Typed = (max: number) => z.string().max(max, `may hold at most ${max} characters`);
const Nok = z
  .number()
  .int('must be whole kroner')
  .min(0, 'must not be negative')
  .max(MAX_NOK)
  .nullable()
  .openapi({ description: 'Whole NOK; null while not filled in' });
const Year = z.number().int().min(1990).max(2100).nullable();

const TextBody = z.object({ text: Typed(20_000) }).strict();

const VisionGoalsBody = z
  .object({
    vision: Typed(10_000),
    goals: z
      .array(z.object({ goal: Typed(1_000), indicator: Typed(500), target: Typed(500) }).strict())
      .max(30)
      .openapi({ description: 'Measurable goals: what, how it is measured, and the target' }),
  })
  .strict();

const FocusActivitiesBody = z
  .object({
    focusAreas: z.array(Typed(200)).max(10),
    activities: z.array(z.object({ name: Typed(200), description: Typed(2_000) }).strict()).max(50),
    plan: Typed(20_000).openapi({ description: 'The implementation plan' }),
  })
  .strict();

export const PARTNER_COMMITMENTS = ['core_partner', 'partner'] as const;
export type PartnerCommitment = (typeof PARTNER_COMMITMENTS)[number];

const ResourceBaseBody = z
  .object({
    projectOwnerOrgnr: Typed(20).openapi({
      description: 'The organisation that owns the project and receives the grant: the host, as a rule',
    }),
    partners: z
      .array(
        z
          .object({
            orgnr: Typed(20),
            commitment: z.enum(PARTNER_COMMITMENTS),
            cashNok: Nok.openapi({ description: 'Yearly cash contribution, NOK' }),
            inKindNok: Nok.openapi({ description: 'Yearly in-kind contribution, NOK' }),
          })
          .strict(),
      )
      .max(500),
    text: Typed(10_000),
  })
  .strict();

const BudgetBody = z
  .object({
    years: z
      .array(
        z
          .object({
            year: Year,
            costNok: Nok.openapi({ description: 'What the year costs in all' }),
            programmeNok: Nok.openapi({ description: 'What is asked of the programme for the year' }),
          })
          .strict(),
      )
      .max(15),
    cofinancing: z
      .array(z.object({ year: Year, source: Typed(200), amountNok: Nok }).strict())
      .max(100)
      .openapi({ description: 'Who pays the rest, year by year' }),
  })
  .strict();

const PreProjectBody = z.object({ funder: Typed(200), amountNok: Nok }).strict();
const HubBody = z
  .object({ hubClusterSlug: Typed(100).openapi({ description: "The hub cluster's slug" }) })
  .strict();

/** The body each section holds. */
export const SECTION_BODY_SCHEMAS = {
  background: TextBody,
  vision_goals: VisionGoalsBody,
  focus_activities: FocusActivitiesBody,
  expected_effects: TextBody,
  resource_base: ResourceBaseBody,
  ecosystem_role: TextBody,
  budget: BudgetBody,
  pre_project: PreProjectBody,
  hub: HubBody,
} as const satisfies Record<SectionKey, z.ZodType>;

export type SectionBodies = { [K in SectionKey]: z.infer<(typeof SECTION_BODY_SCHEMAS)[K]> };

/** What a section holds before anyone writes in it. */
export const EMPTY_SECTION_BODIES: SectionBodies = {
  background: { text: '' },
  vision_goals: { vision: '', goals: [] },
  focus_activities: { focusAreas: [], activities: [], plan: '' },
  expected_effects: { text: '' },
  resource_base: { projectOwnerOrgnr: '', partners: [], text: '' },
  ecosystem_role: { text: '' },
  budget: { years: [], cofinancing: [] },
  pre_project: { funder: '', amountNok: null },
  hub: { hubClusterSlug: '' },
};

const Version = z
  .number()
  .int()
  .min(0)
  .openapi({ description: 'The version the text was written from, as the application was read' });

const sectionWrite = <K extends SectionKey>(key: K) =>
  z.object({ body: SECTION_BODY_SCHEMAS[key], version: Version }).strict().optional();

/**
 * A save of some sections, each with the version it was written from. All or none: when any is
 * stale the answer is 409 with the current text of the stale ones, and nothing is saved.
 */
export const UpdateApplicationBodySchema = z
  .object({
    sections: z
      .object({
        background: sectionWrite('background'),
        vision_goals: sectionWrite('vision_goals'),
        focus_activities: sectionWrite('focus_activities'),
        expected_effects: sectionWrite('expected_effects'),
        resource_base: sectionWrite('resource_base'),
        ecosystem_role: sectionWrite('ecosystem_role'),
        budget: sectionWrite('budget'),
        pre_project: sectionWrite('pre_project'),
        hub: sectionWrite('hub'),
      })
      .strict()
      .refine((sections) => Object.values(sections).some(Boolean), 'must hold at least one section'),
  })
  .strict()
  .openapi('UpdateApplicationRequest');

export type UpdateApplicationBody = z.infer<typeof UpdateApplicationBodySchema>;

const InstantOutSchema = z
  .string()
  .openapi({ description: 'UTC, ISO 8601', example: '2026-09-01T10:00:00Z' });

const sectionView = <K extends SectionKey>(key: K) =>
  z.object({
    key: z.literal(key),
    body: SECTION_BODY_SCHEMAS[key],
    version: z.number().int(),
    updatedAt: InstantOutSchema.nullable().openapi({ description: 'Null until someone saves it' }),
    updatedBy: z.string().nullable().openapi({ description: 'Who saved it last' }),
  });

export const SectionSchema = z
  .discriminatedUnion('key', [
    sectionView('background'),
    sectionView('vision_goals'),
    sectionView('focus_activities'),
    sectionView('expected_effects'),
    sectionView('resource_base'),
    sectionView('ecosystem_role'),
    sectionView('budget'),
    sectionView('pre_project'),
    sectionView('hub'),
  ])
  .openapi('ApplicationSection');

export type SectionView = z.infer<typeof SectionSchema>;

export const SectionConflictSchema = ProblemSchema.extend({
  conflicts: z.array(SectionSchema).openapi({
    description: 'The current text and version of each section that was saved from an older version',
  }),
}).openapi('SectionConflict');

export type SectionConflict = z.infer<typeof SectionConflictSchema>;

// ── Applications ─────────────────────────────────────────────────────────────────────────────────

const SlugSchema = z.string().refine(isSlug, 'must be a slug: lower-case letters, digits and single dashes');

export const StartApplicationBodySchema = z
  .object({
    level: LevelCodeSchema,
    clusterSlug: SlugSchema.optional().openapi({
      description: 'The cluster or forming network that applies',
    }),
    formingNetwork: NewFormingNetworkSchema.optional().openapi({
      description: 'A network to register now, in the same step; the caller becomes its manager',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.clusterSlug === undefined) === (body.formingNetwork === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['clusterSlug'],
        message: 'give either clusterSlug or formingNetwork, not both',
      });
    }
  })
  .openapi('StartApplicationRequest');

export type StartApplicationBody = z.infer<typeof StartApplicationBodySchema>;

export const SubmitApplicationBodySchema = z
  .object({
    language: z
      .enum(LOCALES)
      .optional()
      .openapi({ description: "The receipt's language; the request's language when left out" }),
  })
  .strict()
  .openapi('SubmitApplicationRequest');

export const RequestInformationBodySchema = z
  .object({
    sections: z
      .array(SectionKeySchema)
      .min(1, 'must name at least one section to reopen')
      .max(SECTION_KEYS.length)
      .refine((keys) => new Set(keys).size === keys.length, 'must not name a section twice'),
    until: z.iso
      .datetime({
        offset: true,
        message: 'must be an ISO 8601 time with an offset, such as 2026-10-01T12:00:00+02:00',
      })
      .openapi({ description: 'Until when the applicant may write in the reopened sections' }),
    message: z
      .string()
      .trim()
      .min(1, 'must say what the programme needs')
      .max(4_000)
      .openapi({ description: 'What the programme asks for; mailed to the applicant' }),
  })
  .strict()
  .openapi('RequestInformationRequest');

export type RequestInformationBody = z.infer<typeof RequestInformationBodySchema>;

const uuidParam = (name: string, what: string) =>
  z
    .string()
    .uuid(`must be ${what} id (a UUID)`)
    .openapi({ param: { name, in: 'path' }, example: '0b6f1c9e-4a8e-4e43-9a57-2c2a3f0f4a11' });

export const ApplicationIdParamSchema = z.object({ id: uuidParam('id', 'an application') });
export const AttachmentParamSchema = z.object({
  id: uuidParam('id', 'an application'),
  attachmentId: uuidParam('attachmentId', 'an attachment'),
});

export const ListApplicationsQuerySchema = PageQuerySchema.extend({
  call: z
    .string()
    .uuid('must be a call id (a UUID)')
    .optional()
    .openapi({ description: 'Applications in this call' }),
  status: ApplicationStatusSchema.optional().openapi({
    description: 'Applications in this effective status',
  }),
  level: LevelCodeSchema.optional(),
  cluster: SlugSchema.optional().openapi({ description: "A cluster's applications, by its slug" }),
});

export type ListApplicationsQuery = z.infer<typeof ListApplicationsQuerySchema>;

const CallRefSchema = z
  .object({ id: z.string().uuid(), title: LocalizedTextSchema, deadlineAt: InstantOutSchema })
  .openapi('ApplicationCall');
const ClusterRefSchema = z.object({ slug: z.string(), name: z.string() });

const ApplicationSummaryShape = {
  id: z.string().uuid(),
  call: CallRefSchema,
  cluster: ClusterRefSchema,
  level: LevelCodeSchema,
  status: ApplicationStatusSchema,
  moneyAskedNok: z
    .number()
    .int()
    .openapi({ description: "The budget's yearly asks from the programme, summed" }),
  submittedAt: InstantOutSchema.nullable(),
  updatedAt: InstantOutSchema,
};

export const ApplicationSummarySchema = z.object(ApplicationSummaryShape).openapi('ApplicationSummary');
export const ApplicationPageSchema = pageOf(ApplicationSummarySchema).openapi('ApplicationPage');

export const InformationRequestSchema = z
  .object({
    sections: z.array(SectionKeySchema),
    until: InstantOutSchema,
    message: z.string(),
    requestedAt: InstantOutSchema,
    open: z.boolean().openapi({ description: 'Whether the applicant may still answer' }),
  })
  .openapi('InformationRequest');

export const ApplicationSchema = z
  .object({
    ...ApplicationSummaryShape,
    contact: z.object({ name: z.string(), email: z.string() }),
    language: z.enum(LOCALES),
    withdrawnAt: InstantOutSchema.nullable(),
    createdAt: InstantOutSchema,
    informationRequest: InformationRequestSchema.nullable(),
    sections: z.array(SectionSchema).openapi({ description: "The application's sections, in order" }),
    actions: z
      .array(ApplicationActionSchema)
      .openapi({ description: 'The actions the caller may take now, the deadline considered' }),
    writableSections: z
      .array(SectionKeySchema)
      .openapi({ description: 'The sections the caller may save now' }),
  })
  .openapi('Application');

export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;
export type ApplicationView = z.infer<typeof ApplicationSchema>;

export const ApplyingClusterSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    applications: z
      .array(z.object({ id: z.string().uuid(), level: LevelCodeSchema, status: ApplicationStatusSchema }))
      .openapi({ description: "The cluster's applications in the call, withdrawn ones included" }),
  })
  .openapi('ApplyingCluster');

export const ApplyingClusterListSchema = z
  .object({ items: z.array(ApplyingClusterSchema) })
  .openapi('ApplyingClusterList');

export type ApplyingCluster = z.infer<typeof ApplyingClusterSchema>;

// ── The check ────────────────────────────────────────────────────────────────────────────────────

export const CHECK_CODES = [
  'required',
  'orgnr_invalid',
  'partner_twice',
  'organisation_unknown',
  'level_not_open',
  'hub_unknown',
  'hub_level',
  'hub_core_companies',
  'owner_public_body',
  'budget_year_early',
  'budget_years_span',
  'budget_year_twice',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export const CheckProblemSchema = z
  .object({
    path: z.array(z.union([z.string(), z.number()])).openapi({
      description:
        'Where in the application: ["sections", "resource_base", "partners", 2, "orgnr"], or ["level"]',
    }),
    code: z.enum(CHECK_CODES),
    message: z.string(),
    params: z
      .record(z.string(), z.union([z.string(), z.number()]))
      .openapi({ description: "The message's facts, for a page that says it in its own words" }),
  })
  .openapi('CheckProblem');

export type CheckProblem = z.infer<typeof CheckProblemSchema>;

export const CheckResultSchema = z
  .object({
    ok: z.boolean(),
    problems: z
      .array(CheckProblemSchema)
      .openapi({ description: 'One for each broken rule, field by field' }),
  })
  .openapi('ApplicationCheck');

export type CheckResult = z.infer<typeof CheckResultSchema>;

// ── Attachments ──────────────────────────────────────────────────────────────────────────────────

export const AttachmentSchema = z
  .object({
    id: z.string().uuid(),
    fileName: z.string(),
    mediaType: z.string().openapi({ description: 'What the content is, recognised from its bytes' }),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    uploadedAt: InstantOutSchema,
  })
  .openapi('Attachment');

export type AttachmentView = z.infer<typeof AttachmentSchema>;

export const AttachmentListSchema = z.object({ items: z.array(AttachmentSchema) }).openapi('AttachmentList');
