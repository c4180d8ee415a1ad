import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import type { Actor } from '../../shared/access';
import { DEMO_ACCOUNTS, DEMO_HOME_CLUSTER } from '../accounts/accounts.seed';
import { createAccountInTransaction } from '../accounts/accounts.service';
import { addAffiliation } from '../accounts/affiliations.service';
import { getApplicationFacts, listSubmittedApplicationsOfCall } from '../applications/applications.service';
import { getCall } from '../calls/calls.service';
import { listAssessorAccounts } from './assessment-parties.read-model';
import type { AssessmentStatus } from './assessments.lifecycle';
import {
  type AssessmentInsert,
  insertAssessment,
  upsertRecommendation,
  upsertScore,
} from './assessments.queries';

export type AssessmentSeed = Partial<AssessmentInsert> & {
  applicationId: string;
  callId: string;
  assessorAccountId: string;
  /** Scores by criterion id: a number, or 'n/a'. */
  scores?: Record<string, number | 'n/a'>;
  /** Comments by criterion id, on criteria that have a score. */
  comments?: Record<string, string>;
};

/**
 * Writes an assessment directly: assigned by default; `scoring` and `completed` ones are written
 * with a declaration of no conflict, `conflict` with a declared conflict.
 */
export async function createAssessment(db: Db, seed: AssessmentSeed) {
  const { scores = {}, comments = {}, ...columns } = seed;
  const status: AssessmentStatus = columns.status ?? 'assigned';
  const assignedAt = columns.assignedAt ?? new Date('2026-07-02T08:00:00Z');
  const declared = status !== 'assigned';
  const row = await insertAssessment(db, {
    assessorName: 'Test Assessor',
    assignedAt,
    conflict: declared ? status === 'conflict' : null,
    declaredAt: declared ? assignedAt : null,
    completedAt: status === 'completed' ? assignedAt : null,
    ...columns,
    status,
  });
  for (const [criterionId, score] of Object.entries(scores)) {
    await upsertScore(db, {
      assessmentId: row.id,
      criterionId,
      score: score === 'n/a' ? null : score,
      notApplicable: score === 'n/a',
      comment: comments[criterionId] ?? '',
      updatedAt: assignedAt,
    });
  }
  return row;
}

// ── The demo ─────────────────────────────────────────────────────────────────────────────────────

/** Assessors of the demo besides the demo accounts' own: invented people, like every demo person. */
export const DEMO_ASSESSORS = [
  { name: 'Brage Bedømmer', email: 'brage@demo.klynge.example', password: 'demo-assessor-2026' },
  { name: 'Cecilie Sakkyndig', email: 'cecilie@demo.klynge.example', password: 'demo-assessor-2026' },
] as const;

const AUD = DEMO_ACCOUNTS.find((account) => account.role === 'assessor')!;

type Plan = {
  assessor: 'aud' | 'brage' | 'cecilie';
  slug: string;
  status: AssessmentStatus;
  reason?: string;
};

// ACT's application waits for Aud, whose organisation is one of ACT's partners, to declare; Brage
// has declared a conflict in it and has Solenergiklyngen still to declare on; the rest are scored.
const PLAN: Plan[] = [
  { assessor: 'cecilie', slug: DEMO_HOME_CLUSTER, status: 'completed' },
  {
    assessor: 'brage',
    slug: DEMO_HOME_CLUSTER,
    status: 'conflict',
    reason: 'Jeg satt i styret til vertsorganisasjonen fram til i fjor.',
  },
  { assessor: 'aud', slug: DEMO_HOME_CLUSTER, status: 'assigned' },
  { assessor: 'cecilie', slug: 'ocean-hyway-cluster', status: 'completed' },
  { assessor: 'aud', slug: 'ocean-hyway-cluster', status: 'completed' },
  { assessor: 'cecilie', slug: 'norwegian-offshore-wind', status: 'completed' },
  { assessor: 'brage', slug: 'norwegian-offshore-wind', status: 'completed' },
  { assessor: 'cecilie', slug: 'solenergiklyngen', status: 'completed' },
  { assessor: 'brage', slug: 'solenergiklyngen', status: 'assigned' },
  { assessor: 'cecilie', slug: 'circular-wave', status: 'completed' },
  { assessor: 'brage', slug: 'circular-wave', status: 'completed' },
  { assessor: 'cecilie', slug: 'energi-i-nord', status: 'completed' },
  { assessor: 'aud', slug: 'energi-i-nord', status: 'scoring' },
];

const COMMENTS = [
  'Godt underbygget, med tydelige mål.',
  'Bred partnerbase, men svakere forankring i FoU.',
  'Planen henger godt sammen med satsingsområdene.',
  'Noe uklart hvordan effektene skal måles.',
];

/**
 * The panel of 2021's closed call: three assessors (the demo's Aud Assessor and two more), each
 * with organisations of their own, their assignments, declarations and scores, so the panel ranks
 * the applications, and two things left to do on the demo's day: Aud's declaration on ACT's
 * application (her organisation is one of its partners) and Brage's on Solenergiklyngen's (his is
 * a partner there).
 */
export const seedAssessmentsDemo: DemoSeed = async (demo) => {
  const ctx = { db: demo.tx, clock: demo.clock, actor: { kind: 'anonymous' } as Actor };
  const callId = demo.fact('calls').closed2021;
  const call = await getCall({ ...ctx, actor: { kind: 'anonymous' } }, callId);
  const clusters = demo.fact('clusters');
  const submitted = await listSubmittedApplicationsOfCall(ctx, callId, { page: 1, pageSize: 100 });
  const applicationOf = (slug: string) => {
    const id = clusters.get(slug)?.id;
    const application = submitted.items.find((item) => item.clusterId === id);
    if (!application) throw new Error(`Demo data: ${slug} has no application in the call of 2021.`);
    return application;
  };
  const partnersOf = async (slug: string) =>
    (await getApplicationFacts(ctx, applicationOf(slug).id)).partners.map((partner) => partner.orgnr);

  const accounts: Record<
    Plan['assessor'],
    { accountId: string; personId: string; name: string; email: string }
  > = {} as never;
  for (const entry of DEMO_ASSESSORS) {
    await createAccountInTransaction(demo.tx, ctx, {
      ...entry,
      isDemo: true,
      grants: [{ role: 'assessor', clusterId: null, organisationId: null }],
    });
  }
  for (const row of await listAssessorAccounts(demo.tx, 100)) {
    if (row.email === AUD.email) accounts.aud = row;
    if (row.email === DEMO_ASSESSORS[0].email) accounts.brage = row;
    if (row.email === DEMO_ASSESSORS[1].email) accounts.cecilie = row;
  }
  // Each assessor's own organisations, added as they would add them on their account page.
  const affiliate = async (who: Plan['assessor'], orgnr: string) => {
    const account = accounts[who];
    await addAffiliation(
      {
        ...ctx,
        actor: {
          kind: 'account',
          ...account,
          grants: [{ role: 'assessor', clusterId: null, organisationId: null }],
        },
      },
      orgnr,
    );
  };
  await affiliate('aud', (await partnersOf(DEMO_HOME_CLUSTER))[1]!);
  await affiliate('brage', (await partnersOf('solenergiklyngen'))[2]!);
  const taken = new Set([
    ...(await partnersOf(DEMO_HOME_CLUSTER)),
    ...(await partnersOf('solenergiklyngen')),
  ]);
  const unrelated = demo.fact('organisations').find((organisation) => !taken.has(organisation.orgnr));
  if (unrelated) await affiliate('cecilie', unrelated.orgnr);

  let made = 0;
  for (const [index, plan] of PLAN.entries()) {
    const application = applicationOf(plan.slug);
    const account = accounts[plan.assessor];
    const assignedAt = new Date(`2021-09-${String(6 + (index % 5)).padStart(2, '0')}T08:00:00Z`);
    const criteria = call.criteria.filter((c) => c.level === null || c.level === application.level);
    const scores: Record<string, number | 'n/a'> = {};
    if (plan.status === 'completed' || plan.status === 'scoring') {
      const count = plan.status === 'scoring' ? 2 : criteria.length;
      for (const criterion of criteria.slice(0, count)) {
        scores[criterion.id] = demo.random.int(criterion.scaleMin + 1, criterion.scaleMax);
      }
    }
    // One assessor finds national importance beside the point for a regional cluster.
    if (plan.slug === 'solenergiklyngen' && plan.status === 'completed') {
      const national = criteria.find((criterion) => criterion.level === 'arena_pro');
      if (national) scores[national.id] = 'n/a';
    }
    await createAssessment(demo.tx, {
      applicationId: application.id,
      callId,
      assessorAccountId: account.accountId,
      assessorName: account.name,
      status: plan.status,
      declarationReason: plan.reason ?? '',
      assignedAt,
      declaredAt: plan.status === 'assigned' ? null : new Date(assignedAt.getTime() + 86_400_000),
      completedAt: plan.status === 'completed' ? new Date(assignedAt.getTime() + 14 * 86_400_000) : null,
      createdAt: assignedAt,
      updatedAt: assignedAt,
      scores,
      comments: Object.fromEntries(
        Object.keys(scores)
          .slice(0, 1)
          .map((id) => [id, demo.random.pick(COMMENTS)]),
      ),
    });
    made += 1;
  }
  const notedAt = new Date('2021-10-20T12:00:00Z');
  await upsertRecommendation(demo.tx, {
    applicationId: applicationOf('norwegian-offshore-wind').id,
    callId,
    recommendation: 'admit',
    levelCode: null,
    reason: 'Høy score på alle kriterier og tydelig nasjonal betydning.',
    interviewNotes: 'Intervju 14. oktober: styret og klyngeleder svarte godt på spørsmål om finansiering.',
    createdAt: notedAt,
    updatedAt: notedAt,
  });
  await upsertRecommendation(demo.tx, {
    applicationId: applicationOf('circular-wave').id,
    callId,
    recommendation: 'admit',
    levelCode: null,
    reason: 'Et lovende nettverk med sterk forankring i regionen.',
    interviewNotes: '',
    createdAt: notedAt,
    updatedAt: notedAt,
  });
  demo.count('assessments', made);
};
