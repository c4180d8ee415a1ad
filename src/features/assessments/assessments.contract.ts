import { z } from '@hono/zod-openapi';
import { PageQuerySchema, pageOf } from '../../server/http/pagination';
import { LevelCodeSchema, LocalizedTextSchema } from '../programme/programme.contract';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUSES,
  PANEL_ACTIONS,
  PANEL_STATUSES,
  RECOMMENDATIONS,
} from './assessments.lifecycle';

export const AssessmentStatusSchema = z.enum(ASSESSMENT_STATUSES).openapi('AssessmentStatus', {
  description:
    'assigned: not yet declared; conflict: a conflict of interest declared; scoring: no conflict declared; completed',
});
export const AssessmentActionSchema = z.enum(ASSESSMENT_ACTIONS).openapi('AssessmentAction');
export const PanelStatusSchema = z.enum(PANEL_STATUSES).openapi('PanelStatus');
export const PanelActionSchema = z.enum(PANEL_ACTIONS).openapi('PanelAction');
export const RecommendationKindSchema = z.enum(RECOMMENDATIONS).openapi('RecommendationKind');

const Id = (what: string) => z.string().uuid(`must be ${what} (a UUID)`);

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

export const AssessmentIdParamSchema = z.object({
  id: Id('an assessment id').openapi({ param: { name: 'id', in: 'path' } }),
});
export const ApplicationIdParamSchema = z.object({
  id: Id('an application id').openapi({ param: { name: 'id', in: 'path' } }),
});
export const CallIdParamSchema = z.object({
  id: Id('a call id').openapi({ param: { name: 'id', in: 'path' } }),
});

export const AssignBodySchema = z
  .object({
    assessorAccountId: Id('an account id').openapi({ description: 'An account holding the assessor role' }),
  })
  .strict()
  .openapi('AssignAssessor');
export type AssignBody = z.infer<typeof AssignBodySchema>;

export const SpreadBodySchema = z
  .object({
    assessorAccountIds: z
      .array(Id('an account id'))
      .min(1, 'must name at least one assessor')
      .max(100)
      .openapi({ description: 'The panel: accounts holding the assessor role' }),
    perApplication: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(2)
      .openapi({ description: 'How many assessors each application gets, counting those it has' }),
    maxPerAssessor: z
      .number()
      .int()
      .min(1)
      .max(500)
      .openapi({ description: 'The most applications any one assessor is given, counting those they have' }),
  })
  .strict()
  .openapi('SpreadAssessors');
export type SpreadBody = z.infer<typeof SpreadBodySchema>;

export const DeclarationBodySchema = z
  .object({
    conflict: z.boolean().openapi({ description: 'true: a conflict of interest; false: none' }),
    reason: z
      .string()
      .trim()
      .max(2000, 'may hold at most 2000 characters')
      .default('')
      .openapi({ description: 'Required for a conflict, and for no conflict when Klynge found links' }),
  })
  .strict()
  .openapi('Declaration');
export type DeclarationBody = z.infer<typeof DeclarationBodySchema>;

export const ScoreInputSchema = z
  .object({
    criterionId: Id('a criterion id'),
    score: z.number().int('must be a whole number').nullable().openapi({
      description: "On the criterion's scale; null with notApplicable false clears the score",
    }),
    notApplicable: z.boolean().default(false),
    comment: z.string().max(5000, 'may hold at most 5000 characters').default(''),
  })
  .strict();

export const ScoresBodySchema = z
  .object({
    scores: z
      .array(ScoreInputSchema)
      .min(1, 'must hold at least one criterion')
      .max(50)
      .openapi({ description: 'The criteria to write; those not named keep what they have' }),
  })
  .strict()
  .openapi('Scores');
export type ScoresBody = z.infer<typeof ScoresBodySchema>;

export const RecommendationBodySchema = z
  .object({
    recommendation: RecommendationKindSchema,
    level: LevelCodeSchema.nullable()
      .default(null)
      .openapi({ description: 'The level to admit at instead, for admit_other_level' }),
    reason: z.string().trim().min(1, 'must say why').max(5000, 'may hold at most 5000 characters'),
  })
  .strict()
  .openapi('RecommendationInput');
export type RecommendationBody = z.infer<typeof RecommendationBodySchema>;

export const InterviewNotesBodySchema = z
  .object({ notes: z.string().max(20_000, 'may hold at most 20000 characters') })
  .strict()
  .openapi('InterviewNotes');
export type InterviewNotesBody = z.infer<typeof InterviewNotesBodySchema>;

export const ListQueueQuerySchema = PageQuerySchema.extend({
  call: Id('a call id').optional().openapi({ description: 'Assessments in this call' }),
  status: AssessmentStatusSchema.optional(),
});
export type ListQueueQuery = z.infer<typeof ListQueueQuerySchema>;

export const ListAssessorsQuerySchema = PageQuerySchema;

// ── Answers ──────────────────────────────────────────────────────────────────────────────────────

const InstantOutSchema = z
  .string()
  .openapi({ description: 'UTC, ISO 8601', example: '2026-09-01T10:00:00Z' });

const PartyRoleSchema = z.enum(['host', 'project_owner', 'partner']);

export const ConflictLinkSchema = z
  .object({
    kind: z.enum(['same_organisation', 'same_parent', 'cluster_partner']).openapi({
      description:
        "same_organisation: one of the assessor's organisations takes part; same_parent: it and an applicant's organisation share a main unit in the register (or one is the other's); cluster_partner: it is a partner of the applying cluster",
    }),
    assessorOrgnr: z.string(),
    assessorOrganisation: z.string().nullable(),
    applicantOrgnr: z.string(),
    applicantOrganisation: z.string().nullable(),
    applicantRoles: z.array(PartyRoleSchema),
    parentOrgnr: z.string().nullable(),
    parentOrganisation: z.string().nullable(),
  })
  .openapi('ConflictLink');

export const PartySchema = z
  .object({ orgnr: z.string(), name: z.string().nullable(), roles: z.array(PartyRoleSchema) })
  .openapi('ApplicantParty');

export const AssessmentCriterionSchema = z
  .object({
    id: z.string().uuid(),
    name: LocalizedTextSchema,
    guidance: LocalizedTextSchema,
    weight: z.number(),
    scaleMin: z.number().int(),
    scaleMax: z.number().int(),
  })
  .openapi('AssessmentCriterion');

export const CriterionScoreSchema = z
  .object({
    criterionId: z.string().uuid(),
    score: z.number().int().nullable(),
    notApplicable: z.boolean(),
    comment: z.string(),
  })
  .openapi('CriterionScore');

const TotalSchema = z
  .number()
  .nullable()
  .openapi({ description: 'Weighted total, per cent (0–100) of the scale; null while nothing is scored' });

const ClusterRefSchema = z.object({ slug: z.string(), name: z.string() });

const ApplicationRefSchema = z.object({
  id: z.string().uuid(),
  level: LevelCodeSchema,
  cluster: ClusterRefSchema,
  moneyAskedNok: z.number().int(),
  submittedAt: InstantOutSchema.nullable(),
});

const CallRefSchema = z.object({ id: z.string().uuid(), title: LocalizedTextSchema });

export const DeclarationSchema = z
  .object({ conflict: z.boolean(), reason: z.string(), declaredAt: InstantOutSchema })
  .openapi('DeclarationMade');

export const OtherAssessmentSchema = z
  .object({
    assessmentId: z.string().uuid(),
    assessorName: z.string(),
    status: AssessmentStatusSchema,
    total: TotalSchema,
    scores: z.array(CriterionScoreSchema),
  })
  .openapi('OtherAssessment');

export const AssessmentSchema = z
  .object({
    id: z.string().uuid(),
    status: AssessmentStatusSchema,
    call: CallRefSchema,
    application: ApplicationRefSchema,
    assessor: z.object({ accountId: z.string().uuid().nullable(), name: z.string() }),
    assignedAt: InstantOutSchema,
    declaration: DeclarationSchema.nullable(),
    links: z.array(ConflictLinkSchema).openapi({
      description: "Every link Klynge knows between the assessor's organisations and the applicant's",
    }),
    parties: z
      .array(PartySchema)
      .openapi({ description: "The applicant's host, project owner and partners" }),
    criteria: z
      .array(AssessmentCriterionSchema)
      .openapi({ description: "The call's criteria for the level" }),
    scores: z.array(CriterionScoreSchema),
    total: TotalSchema,
    completedAt: InstantOutSchema.nullable(),
    panelStatus: PanelStatusSchema,
    actions: z.array(AssessmentActionSchema),
    /** What the lifecycle allows is `actions`; whether scores may be written now is this. */
    mayScore: z.boolean(),
    sections: z
      .array(z.object({ key: z.string(), body: z.unknown() }))
      .nullable()
      .openapi({ description: "The application's sections; null until the assessor declares no conflict" }),
    others: z.array(OtherAssessmentSchema).nullable().openapi({
      description: "The other assessors' completed assessments; null until this one is completed",
    }),
  })
  .openapi('Assessment');
export type AssessmentView = z.infer<typeof AssessmentSchema>;

export const QueueItemSchema = z
  .object({
    id: z.string().uuid(),
    status: AssessmentStatusSchema,
    call: CallRefSchema,
    application: ApplicationRefSchema,
    assignedAt: InstantOutSchema,
    total: TotalSchema,
  })
  .openapi('QueueItem');
export type QueueItem = z.infer<typeof QueueItemSchema>;
export const QueuePageSchema = pageOf(QueueItemSchema).openapi('QueuePage');

export const AssessorSchema = z
  .object({
    accountId: z.string().uuid(),
    name: z.string(),
    email: z.string(),
    organisations: z.array(z.string()),
  })
  .openapi('Assessor');
export type AssessorView = z.infer<typeof AssessorSchema>;
export const AssessorPageSchema = pageOf(AssessorSchema).openapi('AssessorPage');

export const AssignmentSchema = z
  .object({
    assessmentId: z.string().uuid(),
    applicationId: z.string().uuid(),
    assessorAccountId: z.string().uuid().nullable(),
    assessorName: z.string(),
    status: AssessmentStatusSchema,
    links: z
      .number()
      .int()
      .openapi({ description: 'How many links Klynge found between the assessor and the applicant' }),
  })
  .openapi('Assignment');
export type AssignmentView = z.infer<typeof AssignmentSchema>;

export const SpreadResultSchema = z
  .object({
    assigned: z.array(AssignmentSchema),
    loads: z.array(
      z.object({ assessorAccountId: z.string().uuid(), name: z.string(), applications: z.number().int() }),
    ),
  })
  .openapi('SpreadResult');
export type SpreadResult = z.infer<typeof SpreadResultSchema>;

export const RecommendationSchema = z
  .object({
    applicationId: z.string().uuid(),
    recommendation: RecommendationKindSchema.nullable(),
    level: LevelCodeSchema.nullable(),
    reason: z.string(),
    interviewNotes: z.string(),
    updatedAt: InstantOutSchema,
  })
  .openapi('Recommendation');
export type RecommendationView = z.infer<typeof RecommendationSchema>;

const CriterionStatSchema = z.object({
  criterionId: z.string().uuid(),
  mean: z.number().nullable(),
  spread: z.number().nullable().openapi({ description: 'Highest score less lowest' }),
});

export const PanelAssessorSchema = z.object({
  assessmentId: z.string().uuid(),
  assessorAccountId: z.string().uuid().nullable(),
  name: z.string(),
  status: AssessmentStatusSchema,
  declaration: DeclarationSchema.nullable(),
  links: z.number().int(),
  total: TotalSchema,
  scores: z.array(CriterionScoreSchema),
});

export const PanelApplicationSchema = z
  .object({
    id: z.string().uuid(),
    cluster: ClusterRefSchema,
    level: LevelCodeSchema,
    moneyAskedNok: z.number().int(),
    cumulativeAskedNok: z.number().int().openapi({
      description: 'Money asked by this application and every one ranked above it at its level',
    }),
    withinMoney: z
      .boolean()
      .openapi({ description: 'Whether the cumulative ask fits the money available at the level' }),
    total: TotalSchema.openapi({ description: "The mean of the completed assessments' totals, per cent" }),
    rank: z.number().int().nullable().openapi({ description: 'Rank within its level; null without a total' }),
    completed: z.number().int(),
    assessors: z.array(PanelAssessorSchema),
    criteria: z.array(CriterionStatSchema),
    recommendation: RecommendationSchema.nullable(),
  })
  .openapi('PanelApplication');

export const PanelSchema = z
  .object({
    call: z.object({
      id: z.string().uuid(),
      title: LocalizedTextSchema,
      status: z.string(),
      deadlineAt: InstantOutSchema,
    }),
    status: PanelStatusSchema,
    closedAt: InstantOutSchema.nullable(),
    actions: z.array(PanelActionSchema),
    criteria: z.array(AssessmentCriterionSchema.extend({ level: LevelCodeSchema.nullable() })),
    levels: z.array(
      z.object({
        level: LevelCodeSchema,
        moneyAvailableNok: z.number().int(),
        moneyAskedNok: z.number().int(),
        applications: z.number().int(),
      }),
    ),
    applications: z.array(PanelApplicationSchema),
  })
  .openapi('Panel');
export type PanelView = z.infer<typeof PanelSchema>;
