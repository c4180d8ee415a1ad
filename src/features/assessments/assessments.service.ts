import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { AppError, conflictOnUniqueViolation, type FieldError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import { requireAction } from '../../server/lifecycle';
import type { ServiceContext } from '../../server/service-context';
import { csvRecord } from '../../shared/csv';
import {
  type ApplicationFacts,
  getApplicationFacts,
  listSubmittedApplicationsOfCall,
} from '../applications/applications.service';
import { recordAudit } from '../audit/record-audit';
import type { CallView } from '../calls/calls.contract';
import { getCall } from '../calls/calls.service';
import type { LevelCode } from '../programme/levels';
import { listSectionBodies } from './application-content.read-model';
import {
  countAssessorAccounts,
  findAssessorAccounts,
  findClusterParty,
  listAffiliationsOfAccounts,
  listAssessorAccounts,
  listClusterNames,
  listClusterPartnersAmong,
  listOrganisationFacts,
} from './assessment-parties.read-model';
import type {
  AssessmentView,
  AssessorView,
  AssignBody,
  AssignmentView,
  DeclarationBody,
  InterviewNotesBody,
  ListQueueQuery,
  PanelView,
  QueueItem,
  RecommendationBody,
  RecommendationView,
  ScoresBody,
  SpreadBody,
  SpreadResult,
} from './assessments.contract';
import {
  type AssessmentAction,
  assessmentLifecycle,
  availableAssessmentActions,
  type PanelStatus,
  panelLifecycle,
  refusalByPanel,
} from './assessments.lifecycle';
import {
  canManageAssessments,
  isAssessorOf,
  requireManageAssessments,
  requireSeeAssessment,
} from './assessments.policy';
import {
  type AssessmentRow,
  closePanelRow,
  findAssessment,
  findAssessmentForUpdate,
  findPanel,
  findRecommendation,
  insertAssessment,
  listAssessmentsOfApplication,
  listAssessmentsOfCall,
  listQueuePage,
  listRecommendationsOfCall,
  listScoresOf,
  lockPanel,
  type RecommendationRow,
  type ScoreRow,
  updateAssessmentColumns,
  upsertRecommendation,
  upsertScore,
} from './assessments.queries';
import { type ConflictLink, findConflictLinks, type OrganisationFact, type Party } from './conflict-links';
import { mean, rankByTotal, spread, type WeighedCriterion, weightedTotal } from './weighted-total';

type ReadContext = Pick<ServiceContext, 'db' | 'clock' | 'actor'>;

// The panel's work is kept from the applicants until a decision: its audit events name no cluster,
// since a cluster's own people read the events about their cluster in the audit trail.

// ── Small helpers ────────────────────────────────────────────────────────────────────────────────

/** An instant as the API answers it: UTC, whole seconds. */
const instantText = (at: Date) => `${at.toISOString().slice(0, 19)}Z`;
const optionalText = (at: Date | null) => (at === null ? null : instantText(at));

type CallCriterion = CallView['criteria'][number];

/** The call's criteria that apply to the level: those for every level and those for this one. */
function criteriaFor(call: CallView, level: LevelCode): CallCriterion[] {
  return call.criteria.filter((criterion) => criterion.level === null || criterion.level === level);
}

const weighed = (criteria: CallCriterion[]): WeighedCriterion[] =>
  criteria.map(({ id, weight, scaleMin, scaleMax }) => ({ id, weight, scaleMin, scaleMax }));

function scoreViews(rows: ScoreRow[], criteria: CallCriterion[]) {
  const byId = new Map(rows.map((row) => [row.criterionId, row]));
  return criteria.flatMap((criterion) => {
    const row = byId.get(criterion.id);
    return row
      ? [
          {
            criterionId: row.criterionId,
            score: row.score,
            notApplicable: row.notApplicable,
            comment: row.comment,
          },
        ]
      : [];
  });
}

const totalOf = (criteria: CallCriterion[], rows: ScoreRow[]) => weightedTotal(weighed(criteria), rows);

async function panelStatusOf(
  db: Db,
  callId: string,
): Promise<{ status: PanelStatus; closedAt: Date | null }> {
  const row = await findPanel(db, callId);
  return { status: row?.status ?? 'open', closedAt: row?.closedAt ?? null };
}

/** Assessment begins when the call's deadline has passed: until then applications may still change. */
function requireDeadlinePassed(call: CallView, now: Date): void {
  if (Date.parse(call.deadlineAt) > now.getTime()) {
    throw new AppError(
      'invalid_state',
      `The call's deadline (${call.deadlineAt}) has not passed; assessors are assigned after it.`,
    );
  }
}

const ASSESSABLE = ['submitted', 'information_requested'];

function requirePanelOpen(panel: PanelStatus): void {
  if (refusalByPanel(panel)) {
    throw new AppError(
      'invalid_state',
      "Programme staff have closed the call's panel; its assessments no longer change.",
    );
  }
}

// ── Parties and links ────────────────────────────────────────────────────────────────────────────

/** The applicant's host, project owner and partners, by orgnr. */
function partiesOf(facts: ApplicationFacts, hostOrgnr: string | null): Party[] {
  return [
    ...(hostOrgnr ? [{ orgnr: hostOrgnr, role: 'host' as const }] : []),
    ...(facts.projectOwnerOrgnr ? [{ orgnr: facts.projectOwnerOrgnr, role: 'project_owner' as const }] : []),
    ...facts.partners.map((partner) => ({ orgnr: partner.orgnr, role: 'partner' as const })),
  ];
}

type Applicant = {
  facts: ApplicationFacts;
  cluster: { slug: string; name: string };
  parties: Party[];
};

async function applicantOf(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  applicationId: string,
): Promise<Applicant> {
  const facts = await getApplicationFacts(ctx, applicationId);
  const cluster = await findClusterParty(ctx.db, facts.clusterId);
  return {
    facts,
    cluster: { slug: cluster?.slug ?? '', name: cluster?.name ?? '' },
    parties: partiesOf(facts, cluster?.hostOrgnr ?? null),
  };
}

/** The links of each of these assessors to the applicant, by account id. */
async function linksOf(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  applicant: Applicant,
  accountIds: string[],
): Promise<Map<string, ConflictLink[]>> {
  const affiliations = await listAffiliationsOfAccounts(ctx.db, accountIds);
  const own = [...new Set(affiliations.map((row) => row.orgnr))];
  const partyOrgnrs = applicant.parties.map((party) => party.orgnr);
  const facts = new Map<string, OrganisationFact>();
  const remember = (rows: OrganisationFact[]) => {
    for (const row of rows) facts.set(row.orgnr, row);
  };
  remember(await listOrganisationFacts(ctx.db, [...new Set([...own, ...partyOrgnrs])]));
  const parents = [...facts.values()].flatMap((fact) =>
    fact.parentOrgnr && !facts.has(fact.parentOrgnr) ? [fact.parentOrgnr] : [],
  );
  remember(await listOrganisationFacts(ctx.db, [...new Set(parents)]));
  const partners = new Set(
    await listClusterPartnersAmong(ctx.db, applicant.facts.clusterId, own, osloDate(ctx.clock.now())),
  );
  return new Map(
    accountIds.map((accountId) => [
      accountId,
      findConflictLinks({
        assessorOrgnrs: affiliations.filter((row) => row.accountId === accountId).map((row) => row.orgnr),
        parties: applicant.parties,
        facts,
        clusterPartners: partners,
      }),
    ]),
  );
}

/** What an assessment keeps of a link: its kind and the two organisations. */
const shownOf = ({ kind, assessorOrgnr, applicantOrgnr }: ConflictLink) => ({
  kind,
  assessorOrgnr,
  applicantOrgnr,
});

function partyViews(applicant: Applicant, names: Map<string, string>) {
  const byOrgnr = new Map<string, Party['role'][]>();
  for (const party of applicant.parties) {
    const roles = byOrgnr.get(party.orgnr) ?? [];
    if (!roles.includes(party.role)) roles.push(party.role);
    byOrgnr.set(party.orgnr, roles);
  }
  return [...byOrgnr].map(([orgnr, roles]) => ({ orgnr, name: names.get(orgnr) ?? null, roles }));
}

// ── Reading an assessment ────────────────────────────────────────────────────────────────────────

async function requireSeenAssessment(ctx: ReadContext, id: string): Promise<AssessmentRow> {
  const row = await findAssessment(ctx.db, id);
  if (!row) throw notFound(`The assessment ${id}`);
  requireSeeAssessment(ctx.actor, row);
  return row;
}

function applicationRef(applicant: Applicant) {
  return {
    id: applicant.facts.id,
    level: applicant.facts.level,
    cluster: applicant.cluster,
    moneyAskedNok: applicant.facts.moneyAskedNok,
    submittedAt: applicant.facts.submittedAt,
  };
}

function declarationOf(row: AssessmentRow) {
  return row.conflict === null || row.declaredAt === null
    ? null
    : { conflict: row.conflict, reason: row.declarationReason, declaredAt: instantText(row.declaredAt) };
}

/**
 * An assessment as its assessor or programme staff see it. Before the assessor declares, it holds
 * the applicant's parties and every link Klynge found, but not the application's text; the other
 * assessors' scores appear once this one is completed (for staff, always).
 */
export async function getAssessment(ctx: ReadContext, id: string): Promise<AssessmentView> {
  const row = await requireSeenAssessment(ctx, id);
  const [call, applicant, panel, scoreRows] = await Promise.all([
    getCall(ctx, row.callId),
    applicantOf(ctx, row.applicationId),
    panelStatusOf(ctx.db, row.callId),
    listScoresOf(ctx.db, [id]),
  ]);
  const links = row.assessorAccountId
    ? ((await linksOf(ctx, applicant, [row.assessorAccountId])).get(row.assessorAccountId) ?? [])
    : [];
  const names = new Map(
    (
      await listOrganisationFacts(
        ctx.db,
        applicant.parties.map((p) => p.orgnr),
      )
    ).map((f) => [f.orgnr, f.name]),
  );
  const criteria = criteriaFor(call, applicant.facts.level);
  const staff = canManageAssessments(ctx.actor);
  const read = staff || row.status === 'scoring' || row.status === 'completed';
  const sections = read ? await listSectionBodies(ctx.db, row.applicationId) : null;
  let others: AssessmentView['others'] = null;
  if (staff || row.status === 'completed') {
    const siblings = (await listAssessmentsOfApplication(ctx.db, row.applicationId)).filter(
      (other) => other.id !== id && other.status === 'completed',
    );
    const siblingScores = await listScoresOf(
      ctx.db,
      siblings.map((other) => other.id),
    );
    others = siblings.map((other) => {
      const rows = siblingScores.filter((score) => score.assessmentId === other.id);
      return {
        assessmentId: other.id,
        assessorName: other.assessorName,
        status: other.status,
        total: totalOf(criteria, rows),
        scores: scoreViews(rows, criteria),
      };
    });
  }
  return {
    id: row.id,
    status: row.status,
    call: { id: call.id, title: call.title },
    application: applicationRef(applicant),
    assessor: { accountId: row.assessorAccountId, name: row.assessorName },
    assignedAt: instantText(row.assignedAt),
    declaration: declarationOf(row),
    links,
    parties: partyViews(applicant, names),
    criteria: criteria.map(({ id, name, guidance, weight, scaleMin, scaleMax }) => ({
      id,
      name,
      guidance,
      weight,
      scaleMin,
      scaleMax,
    })),
    scores: scoreViews(scoreRows, criteria),
    total: totalOf(criteria, scoreRows),
    completedAt: optionalText(row.completedAt),
    panelStatus: panel.status,
    actions: availableAssessmentActions(ctx.actor, row, panel.status),
    mayScore: isAssessorOf(ctx.actor, row) && row.status === 'scoring' && panel.status === 'open',
    sections,
    others,
  };
}

/** The caller's queue: the applications they are assigned, but those they declared a conflict in. */
export async function listMyAssessments(ctx: ReadContext, query: ListQueueQuery): Promise<Page<QueueItem>> {
  if (ctx.actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to see your assessments.');
  const { rows, total } = await listQueuePage(ctx.db, ctx.actor.accountId, query);
  const calls = new Map<string, CallView>();
  for (const callId of new Set(rows.map((row) => row.callId))) calls.set(callId, await getCall(ctx, callId));
  const applicants = new Map<string, Applicant>();
  for (const row of rows) applicants.set(row.applicationId, await applicantOf(ctx, row.applicationId));
  const scores = await listScoresOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map((row) => {
      const call = calls.get(row.callId)!;
      const applicant = applicants.get(row.applicationId)!;
      return {
        id: row.id,
        status: row.status,
        call: { id: call.id, title: call.title },
        application: applicationRef(applicant),
        assignedAt: instantText(row.assignedAt),
        total: totalOf(
          criteriaFor(call, applicant.facts.level),
          scores.filter((score) => score.assessmentId === row.id),
        ),
      };
    }),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The accounts programme staff may assign, with their organisations. */
export async function listAssessors(
  ctx: ReadContext,
  query: { page: number; pageSize: number },
): Promise<Page<AssessorView>> {
  requireManageAssessments(ctx.actor);
  const all = await listAssessorAccounts(ctx.db, query.page * query.pageSize);
  const rows = all.slice((query.page - 1) * query.pageSize);
  const affiliations = await listAffiliationsOfAccounts(
    ctx.db,
    rows.map((row) => row.accountId),
  );
  return {
    items: rows.map((row) => ({
      accountId: row.accountId,
      name: row.name,
      email: row.email,
      organisations: affiliations.filter((a) => a.accountId === row.accountId).map((a) => a.orgnr),
    })),
    total: await countAssessorAccounts(ctx.db),
    page: query.page,
    pageSize: query.pageSize,
  };
}

// ── Assigning ────────────────────────────────────────────────────────────────────────────────────

function assignmentView(row: AssessmentRow, links: number): AssignmentView {
  return {
    assessmentId: row.id,
    applicationId: row.applicationId,
    assessorAccountId: row.assessorAccountId,
    assessorName: row.assessorName,
    status: row.status,
    links,
  };
}

async function requireAssessable(ctx: ReadContext, applicationId: string) {
  const applicant = await applicantOf(ctx, applicationId);
  if (!ASSESSABLE.includes(applicant.facts.status)) {
    throw new AppError(
      'invalid_state',
      `The application is ${applicant.facts.status}; only submitted applications are assessed.`,
    );
  }
  const call = await getCall(ctx, applicant.facts.callId);
  requireDeadlinePassed(call, ctx.clock.now());
  return { applicant, call };
}

/** Programme staff assign an assessor to a submitted application of a call whose deadline has passed. */
export async function assignAssessor(
  ctx: ServiceContext,
  applicationId: string,
  body: AssignBody,
): Promise<AssignmentView> {
  requireManageAssessments(ctx.actor);
  const { applicant } = await requireAssessable(ctx, applicationId);
  const [assessor] = await findAssessorAccounts(ctx.db, [body.assessorAccountId]);
  if (!assessor) {
    throw new AppError('validation_failed', 'Only an account with the assessor role can be assigned.', {
      fieldErrors: [
        { path: ['body', 'assessorAccountId'], message: 'is not an assessor', code: 'not_assessor' },
      ],
    });
  }
  const links = (await linksOf(ctx, applicant, [assessor.accountId])).get(assessor.accountId) ?? [];
  const row = await ctx.db
    .transaction(async (tx) => {
      const now = ctx.clock.now();
      requirePanelOpen((await lockPanel(tx, applicant.facts.callId, now)).status);
      const inserted = await insertAssessment(tx, {
        applicationId,
        callId: applicant.facts.callId,
        assessorAccountId: assessor.accountId,
        assessorName: assessor.name,
        status: 'assigned',
        linksShown: links.map(shownOf),
        assignedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx, {
        action: 'assessment.assigned',
        entityType: 'assessment',
        entityId: inserted.id,
        after: {
          applicationId,
          assessorAccountId: assessor.accountId,
          assessor: assessor.name,
          links: links.length,
        },
      });
      return inserted;
    })
    .catch((error: unknown) => {
      throw conflictOnUniqueViolation(error, `${assessor.name} is assigned to this application already.`);
    });
  return assignmentView(row, links.length);
}

/**
 * Spreads a call's submitted applications over a panel of assessors: each application gets
 * `perApplication` assessors (counting those it has, but not those who declared a conflict), no
 * assessor gets more than `maxPerAssessor` of the call's applications, and the load stays even.
 * An assessor with a link to an applicant is chosen for it only when no one else can take it. All
 * or nothing: when the panel cannot cover every application, nothing is assigned.
 */
export async function spreadAssessors(
  ctx: ServiceContext,
  callId: string,
  body: SpreadBody,
): Promise<SpreadResult> {
  requireManageAssessments(ctx.actor);
  const call = await getCall(ctx, callId);
  requireDeadlinePassed(call, ctx.clock.now());
  const ids = [...new Set(body.assessorAccountIds)];
  const found = await findAssessorAccounts(ctx.db, ids);
  const known = new Map(found.map((row) => [row.accountId, row]));
  const unknown = body.assessorAccountIds.flatMap((id, index): FieldError[] =>
    known.has(id)
      ? []
      : [
          {
            path: ['body', 'assessorAccountIds', index],
            message: 'is not an assessor',
            code: 'not_assessor',
          },
        ],
  );
  if (unknown.length > 0) {
    throw new AppError('validation_failed', 'Only accounts with the assessor role can be on the panel.', {
      fieldErrors: unknown,
    });
  }
  const panel = ids.map((id) => known.get(id)!);
  const applications: { id: string }[] = [];
  for (let page = 1; ; page += 1) {
    const batch = await listSubmittedApplicationsOfCall(ctx, callId, { page, pageSize: 100 });
    applications.push(...batch.items);
    if (batch.items.length < 100) break;
  }
  const existing = await listAssessmentsOfCall(ctx.db, callId);
  const load = new Map(panel.map((member) => [member.accountId, 0]));
  for (const row of existing) {
    if (row.assessorAccountId && load.has(row.assessorAccountId) && row.status !== 'conflict') {
      load.set(row.assessorAccountId, load.get(row.assessorAccountId)! + 1);
    }
  }
  const plan: { applicationId: string; accountId: string; links: ConflictLink[]; clusterId: string }[] = [];
  const short: string[] = [];
  for (const application of applications) {
    const mine = existing.filter((row) => row.applicationId === application.id);
    const needed = body.perApplication - mine.filter((row) => row.status !== 'conflict').length;
    if (needed <= 0) continue;
    const applicant = await applicantOf(ctx, application.id);
    const links = await linksOf(
      ctx,
      applicant,
      panel.map((member) => member.accountId),
    );
    const taken = new Set(mine.map((row) => row.assessorAccountId));
    const candidates = panel
      .filter((member) => !taken.has(member.accountId) && load.get(member.accountId)! < body.maxPerAssessor)
      .sort(
        (a, b) =>
          Number(links.get(a.accountId)!.length > 0) - Number(links.get(b.accountId)!.length > 0) ||
          load.get(a.accountId)! - load.get(b.accountId)! ||
          ids.indexOf(a.accountId) - ids.indexOf(b.accountId),
      )
      .slice(0, needed);
    if (candidates.length < needed) short.push(`${applicant.cluster.name} (${needed - candidates.length})`);
    for (const member of candidates) {
      load.set(member.accountId, load.get(member.accountId)! + 1);
      plan.push({
        applicationId: application.id,
        accountId: member.accountId,
        links: links.get(member.accountId)!,
        clusterId: applicant.facts.clusterId,
      });
    }
  }
  if (short.length > 0) {
    throw new AppError(
      'validation_failed',
      `The panel cannot give every application ${body.perApplication} assessors with at most ${body.maxPerAssessor} each; short: ${short.join(', ')}.`,
      {
        fieldErrors: [
          {
            path: ['body', 'maxPerAssessor'],
            message: `is too low for ${panel.length} assessors to cover ${applications.length} applications`,
            code: 'panel_too_small',
          },
        ],
      },
    );
  }
  const assigned = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    requirePanelOpen((await lockPanel(tx, callId, now)).status);
    const made: AssignmentView[] = [];
    for (const entry of plan) {
      const member = known.get(entry.accountId)!;
      const row = await insertAssessment(tx, {
        applicationId: entry.applicationId,
        callId,
        assessorAccountId: member.accountId,
        assessorName: member.name,
        status: 'assigned',
        linksShown: entry.links.map(shownOf),
        assignedAt: now,
        createdAt: now,
        updatedAt: now,
      }).catch((error: unknown) => {
        throw conflictOnUniqueViolation(
          error,
          'Someone assigned assessors to this call meanwhile; spread again.',
        );
      });
      await recordAudit(tx, ctx, {
        action: 'assessment.assigned',
        entityType: 'assessment',
        entityId: row.id,
        after: {
          applicationId: entry.applicationId,
          assessorAccountId: member.accountId,
          assessor: member.name,
          links: entry.links.length,
          spread: { perApplication: body.perApplication, maxPerAssessor: body.maxPerAssessor },
        },
      });
      made.push(assignmentView(row, entry.links.length));
    }
    return made;
  });
  return {
    assigned,
    loads: panel.map((member) => ({
      assessorAccountId: member.accountId,
      name: member.name,
      applications: load.get(member.accountId)!,
    })),
  };
}

// ── The assessor's actions ───────────────────────────────────────────────────────────────────────

/**
 * Runs one lifecycle action on the assessment, locked, with the panel open: the guard, then the
 * change `write` makes and its audit event, in one transaction.
 */
async function act(
  ctx: ServiceContext,
  id: string,
  action: AssessmentAction,
  write: (tx: Db, row: AssessmentRow, next: AssessmentRow['status'], now: Date) => Promise<unknown>,
): Promise<AssessmentRow> {
  return ctx.db.transaction(async (tx) => {
    const row = await findAssessmentForUpdate(tx, id);
    if (!row) throw notFound(`The assessment ${id}`);
    requireSeeAssessment(ctx.actor, row);
    const next = requireAction(assessmentLifecycle, action, ctx.actor, row);
    const now = ctx.clock.now();
    requirePanelOpen((await lockPanel(tx, row.callId, now)).status);
    const after = await write(tx, row, next, now);
    await recordAudit(tx, ctx, {
      action: `assessment.${action}`,
      entityType: 'assessment',
      entityId: id,
      before: { status: row.status },
      after: { status: next, ...(after as object) },
    });
    return { ...row, status: next };
  });
}

export type DeclarationResult = {
  id: string;
  status: AssessmentRow['status'];
  declaration: NonNullable<AssessmentView['declaration']>;
};

/**
 * The assessor declares a conflict of interest, or none. A conflict needs a reason; so does "no
 * conflict" when Klynge found links, which the declaration records as they were shown. A declared
 * conflict hides the application from the assessor from then on.
 */
export async function declare(
  ctx: ServiceContext,
  id: string,
  body: DeclarationBody,
): Promise<DeclarationResult> {
  const seen = await requireSeenAssessment(ctx, id);
  const applicant = await applicantOf(ctx, seen.applicationId);
  const links = seen.assessorAccountId
    ? ((await linksOf(ctx, applicant, [seen.assessorAccountId])).get(seen.assessorAccountId) ?? [])
    : [];
  const action = body.conflict ? 'declare_conflict' : 'declare_no_conflict';
  // Who may and when are judged before what was written: a second declaration is a state error.
  const refusal = assessmentLifecycle.refusal(action, ctx.actor, seen);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  requirePanelOpen((await panelStatusOf(ctx.db, seen.callId)).status);
  if (body.reason === '' && (body.conflict || links.length > 0)) {
    throw new AppError('validation_failed', 'Say why, in a sentence or two.', {
      fieldErrors: [
        {
          path: ['body', 'reason'],
          message: body.conflict
            ? 'must say what the conflict of interest is'
            : `must say why the ${links.length === 1 ? 'link' : `${links.length} links`} Klynge found ${links.length === 1 ? 'is' : 'are'} no conflict`,
          code: 'reason_required',
        },
      ],
    });
  }
  const shown = links.map(shownOf);
  let declaredAt = ctx.clock.now();
  const row = await act(ctx, id, action, async (tx, _row, next, now) => {
    declaredAt = now;
    await updateAssessmentColumns(tx, id, {
      status: next,
      conflict: body.conflict,
      declarationReason: body.reason,
      declaredAt: now,
      linksShown: shown,
      updatedAt: now,
    });
    return { conflict: body.conflict, reason: body.reason, links: shown };
  });
  return {
    id,
    status: row.status,
    declaration: { conflict: body.conflict, reason: body.reason, declaredAt: instantText(declaredAt) },
  };
}

/**
 * Writes the assessor's scores on the criteria named, each on its scale or not applicable, with a
 * comment. Only while scoring (declared no conflict, not completed) and while the panel is open.
 */
export async function saveScores(ctx: ServiceContext, id: string, body: ScoresBody): Promise<AssessmentView> {
  const seen = await requireSeenAssessment(ctx, id);
  const call = await getCall(ctx, seen.callId);
  const facts = await getApplicationFacts(ctx, seen.applicationId);
  const criteria = new Map(criteriaFor(call, facts.level).map((criterion) => [criterion.id, criterion]));
  await ctx.db.transaction(async (tx) => {
    const row = await findAssessmentForUpdate(tx, id);
    if (!row) throw notFound(`The assessment ${id}`);
    requireSeeAssessment(ctx.actor, row);
    if (!isAssessorOf(ctx.actor, row))
      throw new AppError('forbidden', 'Only its assessor scores an assessment.');
    const now = ctx.clock.now();
    requirePanelOpen((await lockPanel(tx, row.callId, now)).status);
    if (row.status !== 'scoring') {
      throw new AppError(
        'invalid_state',
        row.status === 'assigned'
          ? 'Declare whether you have a conflict of interest before scoring.'
          : 'The assessment is completed; reopen it to change a score.',
      );
    }
    const errors: FieldError[] = [];
    const seenIds = new Set<string>();
    body.scores.forEach((entry, index) => {
      const at = (field: string) => ['body', 'scores', index, field];
      const criterion = criteria.get(entry.criterionId);
      if (!criterion) {
        errors.push({
          path: at('criterionId'),
          message: 'is not a criterion of this call for the level',
          code: 'unknown_criterion',
        });
        return;
      }
      if (seenIds.has(entry.criterionId)) {
        errors.push({ path: at('criterionId'), message: 'is named twice', code: 'duplicate_criterion' });
      }
      seenIds.add(entry.criterionId);
      if (entry.notApplicable && entry.score !== null) {
        errors.push({
          path: at('score'),
          message: 'must be empty when the criterion is not applicable',
          code: 'score_not_applicable',
        });
      } else if (
        entry.score !== null &&
        (entry.score < criterion.scaleMin || entry.score > criterion.scaleMax)
      ) {
        errors.push({
          path: at('score'),
          message: `must be from ${criterion.scaleMin} to ${criterion.scaleMax}`,
          code: 'off_scale',
        });
      }
    });
    if (errors.length > 0) {
      throw new AppError('validation_failed', 'Some scores cannot be written so.', { fieldErrors: errors });
    }
    const before = new Map((await listScoresOf(tx, [id])).map((score) => [score.criterionId, score]));
    for (const entry of body.scores) {
      await upsertScore(tx, {
        assessmentId: id,
        criterionId: entry.criterionId,
        score: entry.score,
        notApplicable: entry.notApplicable,
        comment: entry.comment,
        updatedAt: now,
      });
    }
    await updateAssessmentColumns(tx, id, { updatedAt: now });
    // The trail keeps the numbers; the comments are the assessor's words and stay in their row.
    const summary = (score: { score: number | null; notApplicable: boolean } | undefined) =>
      score ? { score: score.score, notApplicable: score.notApplicable } : null;
    await recordAudit(tx, ctx, {
      action: 'assessment.scored',
      entityType: 'assessment',
      entityId: id,
      before: Object.fromEntries(
        body.scores.map((entry) => [entry.criterionId, summary(before.get(entry.criterionId))]),
      ),
      after: Object.fromEntries(body.scores.map((entry) => [entry.criterionId, summary(entry)])),
    });
  });
  return getAssessment(ctx, id);
}

/** Completes an assessment whose every criterion is scored or marked not applicable, one at least scored. */
export async function completeAssessment(ctx: ServiceContext, id: string): Promise<AssessmentView> {
  const seen = await requireSeenAssessment(ctx, id);
  const call = await getCall(ctx, seen.callId);
  const facts = await getApplicationFacts(ctx, seen.applicationId);
  const criteria = criteriaFor(call, facts.level);
  await act(ctx, id, 'complete', async (tx, _row, next, now) => {
    const scores = new Map((await listScoresOf(tx, [id])).map((score) => [score.criterionId, score]));
    const missing = criteria.filter((criterion) => {
      const score = scores.get(criterion.id);
      return !score || (score.score === null && !score.notApplicable);
    });
    const total = totalOf(criteria, [...scores.values()]);
    if (missing.length > 0 || total === null) {
      throw new AppError(
        'validation_failed',
        missing.length > 0
          ? 'Score every criterion, or mark it not applicable, before completing.'
          : 'Score at least one criterion: an assessment with every criterion not applicable has no total.',
        {
          fieldErrors: (missing.length > 0 ? missing : criteria).map((criterion) => ({
            path: ['scores', criterion.id],
            message:
              missing.length > 0
                ? `${criterion.name.en} is neither scored nor marked not applicable`
                : 'is not applicable',
            code: missing.length > 0 ? 'not_scored' : 'nothing_scored',
          })),
        },
      );
    }
    await updateAssessmentColumns(tx, id, { status: next, completedAt: now, updatedAt: now });
    return { total };
  });
  return getAssessment(ctx, id);
}

/** Reopens a completed assessment for changes, until the panel is closed. */
export async function reopenAssessment(ctx: ServiceContext, id: string): Promise<AssessmentView> {
  await requireSeenAssessment(ctx, id);
  await act(ctx, id, 'reopen', async (tx, _row, next, now) => {
    await updateAssessmentColumns(tx, id, { status: next, completedAt: null, updatedAt: now });
    return {};
  });
  return getAssessment(ctx, id);
}

// ── The panel ────────────────────────────────────────────────────────────────────────────────────

function recommendationView(row: RecommendationRow): RecommendationView {
  return {
    applicationId: row.applicationId,
    recommendation: row.recommendation,
    level: row.levelCode,
    reason: row.reason,
    interviewNotes: row.interviewNotes,
    updatedAt: instantText(row.updatedAt),
  };
}

/**
 * The panel for programme staff: per submitted application every assessor's scores and
 * declaration, the mean and spread of the completed assessments per criterion, the weighted total
 * (the mean of the completed assessments' totals), the rank within its level, and the money asked
 * (alone and with every application ranked above it) against the money available for the level.
 */
export async function getPanel(ctx: ReadContext, callId: string): Promise<PanelView> {
  requireManageAssessments(ctx.actor);
  const call = await getCall(ctx, callId);
  const submitted: Awaited<ReturnType<typeof listSubmittedApplicationsOfCall>>['items'] = [];
  for (let page = 1; ; page += 1) {
    const batch = await listSubmittedApplicationsOfCall(ctx, callId, { page, pageSize: 100 });
    submitted.push(...batch.items);
    if (batch.items.length < 100) break;
  }
  const [panel, assessmentRows, recommendations, clusters] = await Promise.all([
    panelStatusOf(ctx.db, callId),
    listAssessmentsOfCall(ctx.db, callId),
    listRecommendationsOfCall(ctx.db, callId),
    listClusterNames(
      ctx.db,
      submitted.map((application) => application.clusterId),
    ),
  ]);
  const scoreRows = await listScoresOf(
    ctx.db,
    assessmentRows.map((row) => row.id),
  );
  const clusterById = new Map(clusters.map((cluster) => [cluster.id, cluster]));
  const recommendationOf = new Map(recommendations.map((row) => [row.applicationId, row]));
  const computed = submitted.map((application) => {
    const criteria = criteriaFor(call, application.level);
    const assessors = assessmentRows
      .filter((row) => row.applicationId === application.id)
      .map((row) => {
        const rows = scoreRows.filter((score) => score.assessmentId === row.id);
        return {
          assessmentId: row.id,
          assessorAccountId: row.assessorAccountId,
          name: row.assessorName,
          status: row.status,
          declaration: declarationOf(row),
          links: row.linksShown.length,
          total: totalOf(criteria, rows),
          scores: scoreViews(rows, criteria),
        };
      });
    const completed = assessors.filter((assessor) => assessor.status === 'completed');
    const totals = completed.flatMap((assessor) => (assessor.total === null ? [] : [assessor.total]));
    const recommendation = recommendationOf.get(application.id);
    const cluster = clusterById.get(application.clusterId);
    return {
      id: application.id,
      cluster: { slug: cluster?.slug ?? '', name: cluster?.name ?? '' },
      level: application.level,
      moneyAskedNok: application.moneyAskedNok,
      total: mean(totals),
      completed: completed.length,
      assessors,
      criteria: criteria.map((criterion) => {
        const values = completed.flatMap((assessor) => {
          const score = assessor.scores.find((entry) => entry.criterionId === criterion.id);
          return score && score.score !== null ? [score.score] : [];
        });
        return { criterionId: criterion.id, mean: mean(values), spread: spread(values) };
      }),
      recommendation: recommendation ? recommendationView(recommendation) : null,
    };
  });
  const levels = call.levels.map((entry) => {
    const atLevel = computed.filter((application) => application.level === entry.level);
    return {
      level: entry.level,
      moneyAvailableNok: entry.moneyNok,
      moneyAskedNok: atLevel.reduce((sum, application) => sum + application.moneyAskedNok, 0),
      applications: atLevel.length,
    };
  });
  const ranked: PanelView['applications'] = [];
  for (const level of new Set([
    ...call.levels.map((entry) => entry.level),
    ...computed.map((a) => a.level),
  ])) {
    const atLevel = computed.filter((application) => application.level === level);
    const ranks = rankByTotal(atLevel);
    const ordered = [...atLevel].sort(
      (a, b) =>
        (ranks.get(a) ?? Number.MAX_SAFE_INTEGER) - (ranks.get(b) ?? Number.MAX_SAFE_INTEGER) ||
        a.cluster.name.localeCompare(b.cluster.name, 'nb'),
    );
    const available = call.levels.find((entry) => entry.level === level)?.moneyNok ?? 0;
    let cumulative = 0;
    for (const application of ordered) {
      cumulative += application.moneyAskedNok;
      ranked.push({
        ...application,
        rank: ranks.get(application) ?? null,
        cumulativeAskedNok: cumulative,
        withinMoney: cumulative <= available,
      });
    }
  }
  return {
    call: { id: call.id, title: call.title, status: call.status, deadlineAt: call.deadlineAt },
    status: panel.status,
    closedAt: optionalText(panel.closedAt),
    actions: panelLifecycle.available(ctx.actor, { status: panel.status }),
    criteria: call.criteria.map(({ id, name, guidance, weight, scaleMin, scaleMax, level }) => ({
      id,
      name,
      guidance,
      weight,
      scaleMin,
      scaleMax,
      level,
    })),
    levels,
    applications: ranked,
  };
}

/** The panel as CSV: one row per application, ranked within its level, with each criterion's mean and spread. */
export async function panelCsv(
  ctx: ReadContext,
  callId: string,
): Promise<{ filename: string; text: string }> {
  const panel = await getPanel(ctx, callId);
  const header = [
    'level',
    'rank',
    'cluster',
    'application_id',
    'weighted_total_percent',
    'assessments_completed',
    'money_asked_nok',
    'cumulative_asked_nok',
    'money_available_nok',
    'within_money',
    ...panel.criteria.flatMap((criterion) => [`${criterion.name.en} mean`, `${criterion.name.en} spread`]),
    'assessor_totals',
    'recommendation',
    'recommended_level',
    'reason',
  ];
  const lines = [csvRecord(header)];
  for (const application of panel.applications) {
    const available = panel.levels.find((entry) => entry.level === application.level)?.moneyAvailableNok ?? 0;
    lines.push(
      csvRecord([
        application.level,
        application.rank,
        application.cluster.name,
        application.id,
        application.total,
        application.completed,
        application.moneyAskedNok,
        application.cumulativeAskedNok,
        available,
        application.withinMoney ? 'yes' : 'no',
        ...panel.criteria.flatMap((criterion) => {
          const stat = application.criteria.find((entry) => entry.criterionId === criterion.id);
          return [stat?.mean ?? null, stat?.spread ?? null];
        }),
        application.assessors
          .filter((assessor) => assessor.status === 'completed')
          .map((assessor) => `${assessor.name}: ${assessor.total}`)
          .join('; '),
        application.recommendation?.recommendation ?? null,
        application.recommendation?.level ?? null,
        application.recommendation?.reason ?? null,
      ]),
    );
  }
  return { filename: `panel-${callId}.csv`, text: lines.join('') };
}

/** Programme staff close the panel: from then on no assessor declares, scores, completes or reopens. */
export async function closePanel(ctx: ServiceContext, callId: string): Promise<PanelView> {
  requireManageAssessments(ctx.actor);
  const call = await getCall(ctx, callId);
  requireDeadlinePassed(call, ctx.clock.now());
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const panel = await lockPanel(tx, callId, now);
    const next = requireAction(panelLifecycle, 'close', ctx.actor, panel);
    await closePanelRow(tx, callId, now);
    await recordAudit(tx, ctx, {
      action: 'panel.closed',
      entityType: 'call',
      entityId: callId,
      before: { panel: panel.status },
      after: { panel: next },
    });
  });
  return getPanel(ctx, callId);
}

async function requireRecommendable(ctx: ReadContext, applicationId: string) {
  requireManageAssessments(ctx.actor);
  return requireAssessable(ctx, applicationId);
}

/** Programme staff's recommendation for an application: admit, reject, or admit at another level of the call. */
export async function setRecommendation(
  ctx: ServiceContext,
  applicationId: string,
  body: RecommendationBody,
): Promise<RecommendationView> {
  const { applicant, call } = await requireRecommendable(ctx, applicationId);
  const other = body.recommendation === 'admit_other_level';
  const levels = call.levels.map((entry) => entry.level);
  const error = (message: string, code: string): FieldError => ({ path: ['body', 'level'], message, code });
  const problem = other
    ? body.level === null
      ? error('must name the level to admit at', 'level_required')
      : body.level === applicant.facts.level
        ? error('must differ from the level applied for', 'same_level')
        : !levels.includes(body.level)
          ? error(`is not a level of this call; it has ${levels.join(', ')}`, 'level_not_in_call')
          : undefined
    : body.level !== null
      ? error('is only named when admitting at another level', 'level_not_expected')
      : undefined;
  if (problem) {
    throw new AppError('validation_failed', 'The recommendation cannot name that level.', {
      fieldErrors: [problem],
    });
  }
  return writeRecommendation(ctx, applicant, {
    recommendation: body.recommendation,
    levelCode: other ? body.level : null,
    reason: body.reason,
  });
}

/** Programme staff's notes from the applicant's interview. */
export async function setInterviewNotes(
  ctx: ServiceContext,
  applicationId: string,
  body: InterviewNotesBody,
): Promise<RecommendationView> {
  const { applicant } = await requireRecommendable(ctx, applicationId);
  return writeRecommendation(ctx, applicant, { interviewNotes: body.notes });
}

async function writeRecommendation(
  ctx: ServiceContext,
  applicant: Applicant,
  changes: Partial<Pick<RecommendationRow, 'recommendation' | 'levelCode' | 'reason' | 'interviewNotes'>>,
): Promise<RecommendationView> {
  const applicationId = applicant.facts.id;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const current = await findRecommendation(tx, applicationId);
    const state = {
      recommendation: current?.recommendation ?? null,
      levelCode: current?.levelCode ?? null,
      reason: current?.reason ?? '',
      interviewNotes: current?.interviewNotes ?? '',
    };
    const next = { ...state, ...changes };
    const changed = Object.keys(changes).filter(
      (key) => next[key as keyof typeof next] !== state[key as keyof typeof state],
    );
    if (changed.length === 0) return;
    await upsertRecommendation(tx, {
      applicationId,
      callId: applicant.facts.callId,
      ...next,
      createdAt: now,
      updatedAt: now,
    });
    const pick = (from: typeof state) =>
      Object.fromEntries(changed.map((key) => [key, from[key as keyof typeof state]]));
    await recordAudit(tx, ctx, {
      action: 'interviewNotes' in changes ? 'application.interview_notes_written' : 'application.recommended',
      entityType: 'application',
      entityId: applicationId,
      before: pick(state),
      after: pick(next),
    });
  });
  const row = await findRecommendation(ctx.db, applicationId);
  if (!row) {
    return {
      applicationId,
      recommendation: null,
      level: null,
      reason: '',
      interviewNotes: '',
      updatedAt: instantText(ctx.clock.now()),
    };
  }
  return recommendationView(row);
}
