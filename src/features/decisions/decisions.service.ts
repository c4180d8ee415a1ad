import { osloDate } from '../../server/clock';
import { AppError, type FieldError, notFound } from '../../server/http/app-error';
import { requireAction } from '../../server/lifecycle';
import type { ServiceContext } from '../../server/service-context';
import { findCounty } from '../../shared/counties';
import { addDays } from '../../shared/dates';
import type { Locale, LocalizedText } from '../../shared/localized';
import type { ApplicationView } from '../applications/applications.contract';
import { getApplication, listSubmittedApplicationsOfCall } from '../applications/applications.service';
import type { RecommendationView } from '../assessments/assessments.contract';
import { canManageAssessments } from '../assessments/assessments.policy';
import { getPanel } from '../assessments/assessments.service';
import { recordAudit } from '../audit/record-audit';
import {
  type FrameOverrun,
  frameOverruns,
  framesOfYears,
  recordCommitments,
} from '../budget/commitments.service';
import { decideCall, getCall } from '../calls/calls.service';
import {
  activateFormingNetwork,
  clusterFactsById,
  clusterIdsBySlug,
  clusterRefsById,
  countClustersInProgrammeOn,
  endEngagement,
  extendEngagement,
  findRunningEngagement,
  getClusterProfile,
  getSeenClusterId,
  type LevelRule,
  levelRulesByCode,
  linkNodeToHub,
  lockEngagement,
  startEngagement,
} from '../clusters/clusters.service';
import { type MailOptions, queueMail } from '../mail/mail.service';
import { addMember, clusterPartners } from '../memberships/memberships.service';
import { organisationNamesByOrgnr } from '../organisations/organisations.service';
import type { LevelCode } from '../programme/levels';
import { type StateAidClock, stateAidClock } from '../state-aid/state-aid.service';
import { draftLetter, kroner, letterSubject } from './decision-letters';
import type {
  AnnouncementView,
  ClusterEngagementsView,
  DecisionBody,
  DecisionView,
  ExtendBody,
  PublishBody,
  PublishResult,
  RoundView,
} from './decisions.contract';
import { decisionLifecycle } from './decisions.lifecycle';
import {
  canDraftDecisions,
  canOverrideDecisions,
  canPublishDecisions,
  requireDraftDecisions,
  requireOverrideDecisions,
  requirePublishDecisions,
} from './decisions.policy';
import {
  type DecisionRow,
  findDecisionOfApplication,
  findDecisionOfApplicationForUpdate,
  findRoundPublication,
  insertDecision,
  insertRoundPublication,
  listDecisionsOfCall,
  listDraftsOfCallForUpdate,
  markDecisionPublished,
  upsertDraft,
} from './decisions.queries';

type ReadContext = Pick<ServiceContext, 'db' | 'clock' | 'actor'>;

// ── Periods and money ────────────────────────────────────────────────────────────────────────────

/** The last day of a period of whole years from `startsOn`: the day before the same date `years` later. */
export function periodEnd(startsOn: string, years: number): string {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  const same = new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
  return addDays(same, -1);
}

/** Each year of the period's grant, by the calendar year that year of the period begins in. */
export function grantsByYear(startsOn: string | null, grants: readonly number[]) {
  if (!startsOn) return [];
  const first = Number(startsOn.slice(0, 4));
  return grants.map((amountNok, i) => ({ year: first + i, amountNok }));
}

function viewOf(
  row: DecisionRow,
  cluster: { slug: string; name: string },
  appliedLevel: LevelCode | null,
): DecisionView {
  const grants = grantsByYear(row.startsOn, row.yearlyGrantsNok);
  return {
    id: row.id,
    kind: row.kind,
    applicationId: row.applicationId,
    callId: row.callId,
    cluster,
    appliedLevel,
    outcome: row.outcome,
    level: row.levelCode,
    startsOn: row.startsOn,
    endsOn: row.startsOn && row.years ? periodEnd(row.startsOn, row.years) : null,
    years: row.years,
    grants,
    totalNok: grants.reduce((sum, grant) => sum + grant.amountNok, 0),
    conditions: row.conditions,
    letter: { nb: row.letterNb, en: row.letterEn },
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    engagementId: row.engagementId,
  };
}

function refuse(message: string, fieldErrors: FieldError[]): never {
  throw new AppError('validation_failed', message, { fieldErrors });
}

function requireLevel(levels: Map<LevelCode, LevelRule>, code: LevelCode): LevelRule {
  const level = levels.get(code);
  if (!level) throw new AppError('invalid_state', `The programme has no level ${code}.`);
  return level;
}

/** The panel's recommendation of each application of the call, by application id. */
async function recommendationsOf(ctx: ReadContext, callId: string) {
  // An API token given only the decisions' permissions drafts without the panel's reasons.
  if (!canManageAssessments(ctx.actor)) return new Map<string, RecommendationView | null>();
  const panel = await getPanel(ctx, callId);
  return new Map(panel.applications.map((application) => [application.id, application.recommendation]));
}

// ── Drafting ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Drafts (or drafts again) the decision on an application of a closed call: admit at the level
 * applied for or another level of the call, for a period within the level's duration with a grant
 * per year, or reject. The letter is pre-filled from the outcome's template with the panel's
 * reasons unless staff give one. Nothing leaves the programme until the round is published.
 */
export async function draftDecision(
  ctx: ServiceContext,
  applicationId: string,
  body: DecisionBody,
): Promise<DecisionView> {
  requireDraftDecisions(ctx.actor);
  const application = await getApplication(ctx, applicationId);
  const call = await getCall(ctx, application.call.id);
  if (call.status !== 'closed') {
    throw new AppError(
      'invalid_state',
      `The call is ${call.status}; decisions are drafted once it has closed and until its round is published.`,
    );
  }
  if (application.status !== 'submitted' && application.status !== 'information_requested') {
    throw new AppError(
      'invalid_state',
      `The application is ${application.status}; only a submitted one is decided.`,
    );
  }
  const levels = await levelRulesByCode(ctx);
  const admit = body.outcome === 'admit';
  const levelCode = admit ? (body.level ?? application.level) : null;
  const level = levelCode ? requireLevel(levels, levelCode) : null;
  const errors: FieldError[] = [];
  if (admit) {
    const callLevels = call.levels.map((entry) => entry.level);
    if (levelCode && !callLevels.includes(levelCode)) {
      errors.push({
        path: ['body', 'level'],
        message: `is not a level of this call; it has ${callLevels.join(', ')}`,
        code: 'level_not_in_call',
      });
    }
    if (!body.startsOn)
      errors.push({ path: ['body', 'startsOn'], message: 'is needed to admit', code: 'required' });
    const years = body.yearlyGrantsNok?.length ?? 0;
    if (years === 0) {
      errors.push({
        path: ['body', 'yearlyGrantsNok'],
        message: 'must give the grant of each year of the period',
        code: 'required',
      });
    } else if (level && years > level.durationYears) {
      errors.push({
        path: ['body', 'yearlyGrantsNok'],
        message: `gives ${years} years; ${level.name.en} lasts at most ${level.durationYears}`,
        code: 'beyond_duration',
      });
    }
  } else {
    for (const field of ['level', 'startsOn', 'yearlyGrantsNok'] as const) {
      if (body[field] !== undefined) {
        errors.push({ path: ['body', field], message: 'is only given to admit', code: 'not_expected' });
      }
    }
  }
  if (errors.length > 0) refuse('The decision cannot be drafted so.', errors);

  const grants = admit ? (body.yearlyGrantsNok ?? []) : [];
  const startsOn = admit ? (body.startsOn ?? null) : null;
  const years = admit ? grants.length : null;
  const recommendation = (await recommendationsOf(ctx, call.id)).get(applicationId) ?? null;
  const letter =
    body.letter ??
    draftLetter({
      clusterName: application.cluster.name,
      callTitle: call.title,
      outcome: body.outcome,
      levelName: level?.name ?? null,
      startsOn,
      endsOn: startsOn && years ? periodEnd(startsOn, years) : null,
      grants: grantsByYear(startsOn, grants),
      conditions: body.conditions,
      reason: recommendation?.reason ?? '',
    });

  const row = await ctx.db.transaction(async (tx) => {
    const current = await findDecisionOfApplicationForUpdate(tx, applicationId);
    requireAction(decisionLifecycle, 'redraft', ctx.actor, { status: current?.status ?? 'draft' });
    const now = ctx.clock.now();
    const values = {
      kind: 'call' as const,
      applicationId,
      callId: call.id,
      clusterId: (await clusterIdsBySlug({ db: tx }, [application.cluster.slug])).get(
        application.cluster.slug,
      )!,
      outcome: body.outcome,
      levelCode,
      startsOn,
      years,
      yearlyGrantsNok: grants,
      conditions: body.conditions,
      letterNb: letter.nb,
      letterEn: letter.en,
      status: 'draft' as const,
      createdAt: now,
      updatedAt: now,
    };
    const saved = await upsertDraft(tx, values);
    await recordAudit(tx, ctx, {
      action: current ? 'decision.redrafted' : 'decision.drafted',
      entityType: 'decision',
      entityId: saved.id,
      entityName: application.cluster.name,
      clusterId: saved.clusterId,
      after: { outcome: body.outcome, level: levelCode, startsOn, yearlyGrantsNok: grants },
    });
    return saved;
  });
  return viewOf(row, application.cluster, application.level);
}

// ── The round ────────────────────────────────────────────────────────────────────────────────────

type Admission = { row: DecisionRow; level: LevelRule };

function admissionsOf(rows: readonly DecisionRow[], levels: Map<LevelCode, LevelRule>): Admission[] {
  return rows.flatMap((row) =>
    row.outcome !== 'reject' && row.levelCode ? [{ row, level: requireLevel(levels, row.levelCode) }] : [],
  );
}

function additionsOf(admissions: readonly Admission[]) {
  return admissions.flatMap(({ row, level }) =>
    grantsByYear(row.startsOn, row.yearlyGrantsNok).map((grant) => ({ ...grant, levelId: level.id })),
  );
}

/** What the round's drafts would do together: the years over the frame, and each admission's clock. */
async function checksOf(ctx: Pick<ServiceContext, 'db'>, admissions: readonly Admission[]) {
  const overruns = await frameOverruns(ctx, additionsOf(admissions));
  const clocks = new Map<string, StateAidClock>();
  for (const { row, level } of admissions) {
    if (!row.startsOn || !row.years) continue;
    clocks.set(
      row.id,
      await stateAidClock(ctx, row.clusterId, {
        levelId: level.id,
        startsOn: row.startsOn,
        years: row.years,
      }),
    );
  }
  return { overruns, clocks };
}

/** The call's decisions for programme staff, each with what it would take over a frame or past the cap. */
export async function getRound(ctx: ReadContext, callId: string): Promise<RoundView> {
  requireDraftDecisions(ctx.actor);
  const call = await getCall(ctx, callId);
  const [rows, levels, publication, recommendations] = await Promise.all([
    listDecisionsOfCall(ctx.db, callId),
    levelRulesByCode(ctx),
    findRoundPublication(ctx.db, callId),
    recommendationsOf(ctx, callId),
  ]);
  const submitted = await allSubmitted(ctx, callId);
  const clusters = await clusterRefsById(ctx, [...new Set(submitted.map((a) => a.clusterId))]);
  const applied = new Map(submitted.map((a) => [a.id, a.level]));
  const drafts = rows.filter((row) => row.status === 'draft');
  const { overruns, clocks } = await checksOf(ctx, admissionsOf(drafts, levels));
  const overYears = new Set(overruns.map((overrun) => overrun.year));
  const items = rows.map((row) => {
    const view = viewOf(
      row,
      clusters.get(row.clusterId) ?? { slug: '', name: '' },
      applied.get(row.applicationId ?? '') ?? null,
    );
    const clock = clocks.get(row.id);
    return {
      ...view,
      warnings: {
        frameYears: view.grants.filter((g) => g.amountNok > 0 && overYears.has(g.year)).map((g) => g.year),
        stateAid: clock
          ? {
              capYears: clock.capYears,
              usedYears: clock.usedYears,
              withProposalYears: clock.withProposalYears,
              overCap: clock.overCap,
            }
          : null,
      },
    };
  });
  const decided = new Set(rows.map((row) => row.applicationId));
  return {
    call: { id: call.id, title: call.title, status: call.status },
    published: publication !== undefined,
    publishedAt: publication?.publishedAt.toISOString() ?? null,
    items,
    undecided: submitted
      .filter((application) => !decided.has(application.id))
      .map((application) => ({
        applicationId: application.id,
        cluster: clusters.get(application.clusterId) ?? { slug: '', name: '' },
        level: application.level,
        moneyAskedNok: application.moneyAskedNok,
        recommendation: recommendations.get(application.id)?.recommendation ?? null,
      })),
    frameOverruns: overruns,
    overCap: items.flatMap((item) =>
      item.warnings.stateAid?.overCap
        ? [
            {
              cluster: item.cluster.name,
              withProposalYears: item.warnings.stateAid.withProposalYears,
              capYears: item.warnings.stateAid.capYears,
            },
          ]
        : [],
    ),
    mayPublish: publication === undefined && call.status === 'closed' && canPublishDecisions(ctx.actor),
    mayOverride: canOverrideDecisions(ctx.actor),
  };
}

async function allSubmitted(ctx: ReadContext, callId: string) {
  const all: Awaited<ReturnType<typeof listSubmittedApplicationsOfCall>>['items'] = [];
  for (let page = 1; ; page += 1) {
    const batch = await listSubmittedApplicationsOfCall(ctx, callId, { page, pageSize: 100 });
    all.push(...batch.items);
    if (batch.items.length < 100) return all;
  }
}

function overrunMessage(overruns: readonly FrameOverrun[]): string {
  return overruns
    .map(
      (o) =>
        `${o.year}: the frame is ${kroner(o.frameNok)}, ${kroner(o.committedNok)} is committed, the decisions add ${kroner(o.addingNok)}, which is ${kroner(o.overNok)} over`,
    )
    .join('; ');
}

function capMessage(over: readonly { cluster: string; clock: StateAidClock }[]): string {
  return over
    .map(
      ({ cluster, clock }) =>
        `${cluster} would reach ${clock.withProposalYears} years of operating aid, past the cap of ${clock.capYears}`,
    )
    .join('; ');
}

/**
 * Refuses what would pass a year's frame or a cluster's state-aid cap, unless an operator admin
 * gives a reason; answers the reason to record. An override nobody needs is recorded all the same.
 */
function requireWithinLimits(
  ctx: ReadContext,
  overruns: readonly FrameOverrun[],
  overCap: readonly { cluster: string; clock: StateAidClock }[],
  override: { reason: string } | undefined,
): string | null {
  if (override) requireOverrideDecisions(ctx.actor);
  if (overruns.length === 0 && overCap.length === 0) return override?.reason ?? null;
  if (override) return override.reason;
  const parts = [
    overruns.length > 0 ? `It would take a year over its frame (${overrunMessage(overruns)}).` : '',
    overCap.length > 0 ? `It would take a cluster past the state-aid cap (${capMessage(overCap)}).` : '',
  ].filter(Boolean);
  throw new AppError(
    'conflict',
    `${parts.join(' ')} An operator admin may publish it with a recorded reason.`,
  );
}

type Sent = { to: string; subject: string; text: string };

/**
 * Publishes every decision of the call in one transaction: the letters are queued, each admission
 * starts the cluster's engagement at its level (ending a running one the day before), makes a
 * forming network a public cluster with the partners its application names, links a Hub-node to
 * its hub and commits the grant year by year; the call becomes decided. A round already published
 * is left as it is.
 */
export async function publishRound(
  ctx: ServiceContext & MailOptions,
  callId: string,
  body: PublishBody,
): Promise<PublishResult> {
  requirePublishDecisions(ctx.actor);
  const call = await getCall(ctx, callId);
  const already = await findRoundPublication(ctx.db, callId);
  if (already) {
    return {
      published: 0,
      admitted: 0,
      rejected: 0,
      lettersQueued: 0,
      publishedAt: already.publishedAt.toISOString(),
    };
  }
  const submitted = await allSubmitted(ctx, callId);
  const applications = new Map<string, ApplicationView>();
  for (const item of submitted) applications.set(item.id, await getApplication(ctx, item.id));
  const levels = await levelRulesByCode(ctx);
  const now = ctx.clock.now();
  const today = osloDate(now);

  const result = await ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    if (await findRoundPublication(tx, callId)) return null;
    await decideCall(scoped, callId);
    const drafts = await listDraftsOfCallForUpdate(tx, callId);
    const missing = submitted.filter((a) => !drafts.some((d) => d.applicationId === a.id));
    if (drafts.length === 0 || missing.length > 0) {
      throw new AppError(
        'invalid_state',
        drafts.length === 0
          ? 'The round has no decisions to publish.'
          : `Every submitted application needs a decision before the round is published; ${missing.length} have none.`,
      );
    }
    for (const draft of drafts) requireAction(decisionLifecycle, 'publish', ctx.actor, draft);
    const admissions = admissionsOf(drafts, levels);
    const { overruns, clocks } = await checksOf(scoped, admissions);
    const names = await clusterRefsById(
      scoped,
      admissions.map((a) => a.row.clusterId),
    );
    const overCap = admissions.flatMap(({ row }) => {
      const clock = clocks.get(row.id);
      return clock?.overCap ? [{ cluster: names.get(row.clusterId)?.name ?? row.clusterId, clock }] : [];
    });
    const overrideReason = requireWithinLimits(ctx, overruns, overCap, body.override);

    const activeBefore = await countClustersInProgrammeOn(scoped, today);
    let joining = 0;
    const mails: Sent[] = [];
    for (const draft of drafts) {
      const application = applications.get(draft.applicationId!)!;
      let admitted: { engagementId: string | null; hubClusterId: string | null } = {
        engagementId: null,
        hubClusterId: null,
      };
      if (draft.outcome === 'admit' && draft.levelCode && draft.startsOn && draft.years) {
        if (!(await findRunningEngagement(scoped, draft.clusterId, today))) joining += 1;
        admitted = await admit(scoped, draft, requireLevel(levels, draft.levelCode), application, today);
      }
      const { engagementId } = admitted;
      await markDecisionPublished(tx, draft.id, { publishedAt: now, ...admitted, overrideReason });
      await recordAudit(tx, ctx, {
        action: 'decision.published',
        entityType: 'decision',
        entityId: draft.id,
        entityName: application.cluster.name,
        clusterId: draft.clusterId,
        after: { outcome: draft.outcome, level: draft.levelCode, engagementId, overrideReason },
      });
      const language: Locale = application.language;
      const mail = {
        to: application.contact.email,
        subject: letterSubject(call.title, language),
        text: language === 'nb' ? draft.letterNb : draft.letterEn,
      };
      await queueMail(tx, ctx, { ...mail, kind: 'decision_letter' });
      mails.push(mail);
    }
    await insertRoundPublication(tx, {
      callId,
      publishedAt: now,
      publishedOn: today,
      clustersInProgramme: activeBefore + joining,
      overrideReason,
    });
    if (overrideReason) {
      await recordAudit(tx, ctx, {
        action: 'decisions.overridden',
        entityType: 'call',
        entityId: callId,
        entityName: call.title.nb || call.title.en,
        after: {
          reason: overrideReason,
          frameOverruns: overruns,
          overCap: overCap.map(({ cluster, clock }) => ({
            cluster,
            withProposalYears: clock.withProposalYears,
          })),
        },
      });
    }
    return {
      published: drafts.length,
      admitted: admissions.length,
      rejected: drafts.length - admissions.length,
      lettersQueued: mails.length,
      publishedAt: now.toISOString(),
    };
  });
  if (!result) {
    const publication = await findRoundPublication(ctx.db, callId);
    return {
      published: 0,
      admitted: 0,
      rejected: 0,
      lettersQueued: 0,
      publishedAt: publication?.publishedAt.toISOString() ?? now.toISOString(),
    };
  }
  ctx.wakeMail();
  return result;
}

/** One admission, in the round's transaction: the engagement, the network made public, the hub link, the commitments. */
async function admit(
  ctx: ServiceContext,
  draft: DecisionRow,
  level: LevelRule,
  application: ApplicationView,
  today: string,
): Promise<{ engagementId: string; hubClusterId: string | null }> {
  const startsOn = draft.startsOn!;
  const years = draft.years!;
  const running = await findRunningEngagement(ctx, draft.clusterId, startsOn);
  if (running) {
    if (running.startsOn >= startsOn) {
      throw new AppError(
        'invalid_state',
        `${application.cluster.name} has an engagement from ${running.startsOn}; the admission cannot start before it, on ${startsOn}.`,
      );
    }
    await endEngagement(ctx, running, addDays(startsOn, -1));
  }
  const grants = grantsByYear(startsOn, draft.yearlyGrantsNok);
  const engagement = await startEngagement(ctx, {
    clusterId: draft.clusterId,
    levelId: level.id,
    startsOn,
    plannedEndOn: periodEnd(startsOn, years),
    yearlyGrantNok: grants[0]?.amountNok ?? 0,
    decisionRef: draft.id,
  });
  if (await activateFormingNetwork(ctx, draft.clusterId)) {
    await addPartners(ctx, application, today);
  }
  let hubId: string | undefined;
  if (level.code === 'hub_node') {
    const hubSlug = hubSlugOf(application);
    hubId = hubSlug ? (await clusterIdsBySlug(ctx, [hubSlug])).get(hubSlug) : undefined;
    if (!hubId) {
      throw new AppError(
        'invalid_state',
        `${application.cluster.name} is admitted as a Hub-node, but its application names no hub Klynge knows (${hubSlug || 'none'}).`,
      );
    }
    await linkNodeToHub(ctx, { hubClusterId: hubId, nodeClusterId: draft.clusterId, startsOn });
  }
  await recordCommitments(
    ctx,
    grants
      .filter((grant) => grant.amountNok > 0)
      .map((grant) => ({
        clusterId: draft.clusterId,
        engagementId: engagement.id,
        levelId: level.id,
        year: grant.year,
        amountNok: grant.amountNok,
        decisionId: draft.id,
      })),
  );
  return { engagementId: engagement.id, hubClusterId: hubId ?? null };
}

function sectionBody<T>(application: ApplicationView, key: string): T | undefined {
  return application.sections.find((section) => section.key === key)?.body as T | undefined;
}

function hubSlugOf(application: ApplicationView): string {
  return sectionBody<{ hubClusterSlug: string }>(application, 'hub')?.hubClusterSlug.trim() ?? '';
}

/** The partners a forming network's application names, known to the register copy, join it the day it is admitted. */
async function addPartners(ctx: ServiceContext, application: ApplicationView, today: string): Promise<void> {
  const listed = sectionBody<{ partners: { orgnr: string; commitment: 'core_partner' | 'partner' }[] }>(
    application,
    'resource_base',
  )?.partners;
  const partners = [...new Map((listed ?? []).map((p) => [p.orgnr.replace(/\s/g, ''), p])).values()];
  const known = await organisationNamesByOrgnr(
    ctx,
    partners.map((p) => p.orgnr.replace(/\s/g, '')),
  );
  for (const partner of partners) {
    const orgnr = partner.orgnr.replace(/\s/g, '');
    if (!known.has(orgnr)) continue;
    await addMember(ctx, application.cluster.slug, { orgnr, role: partner.commitment, joinedOn: today });
  }
}

// ── The applicant's view ─────────────────────────────────────────────────────────────────────────

/**
 * The decision on an application: for its applicant once published (before that there is none to
 * see), for programme staff also as a draft.
 */
export async function getApplicationDecision(ctx: ReadContext, applicationId: string): Promise<DecisionView> {
  const application = await getApplication(ctx, applicationId);
  const row = await findDecisionOfApplication(ctx.db, applicationId);
  if (!row || (row.status !== 'published' && !canDraftDecisions(ctx.actor))) {
    throw notFound(`The decision on the application ${applicationId}`);
  }
  return viewOf(row, application.cluster, application.level);
}

// ── Extensions ───────────────────────────────────────────────────────────────────────────────────

/**
 * A cluster's engagements for programme staff, oldest first, each with its id and how many more
 * years its level's extension rule allows: the level's extension while it runs (or is still to
 * start) and has not been extended, none otherwise. Each period of the profile's level history is
 * found by the engagement that covers its first day.
 */
export async function listClusterEngagements(
  ctx: ReadContext,
  slug: string,
): Promise<ClusterEngagementsView> {
  requireDraftDecisions(ctx.actor);
  const profile = await getClusterProfile(ctx, slug, clusterPartners);
  const levels = await levelRulesByCode(ctx);
  const today = osloDate(ctx.clock.now());
  const items: ClusterEngagementsView['items'] = [];
  for (const period of profile.levelHistory) {
    const found = await findRunningEngagement(ctx, profile.id, period.startsOn);
    if (!found || found.startsOn !== period.startsOn || found.levelCode !== period.level) continue;
    const rule = levels.get(found.levelCode);
    const open = found.endedOn === null && found.extendedToOn === null && found.endsOn >= today;
    items.push({
      id: found.id,
      level: found.levelCode,
      levelName: period.levelName,
      startsOn: found.startsOn,
      plannedEndOn: found.plannedEndOn,
      extendedToOn: found.extendedToOn,
      endedOn: found.endedOn,
      endsOn: found.endsOn,
      extensionYearsLeft: open ? (rule?.extensionYears ?? 0) : 0,
    });
  }
  items.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return {
    cluster: { slug: profile.slug, name: profile.name },
    items,
    mayExtend: canPublishDecisions(ctx.actor),
    mayOverride: canOverrideDecisions(ctx.actor),
  };
}

/**
 * Extends a running engagement outside any call, as one decision made at once: within the
 * level's extension rule, with a grant per added year committed against the frames (an operator
 * admin may override a frame or the cap with a reason).
 */
export async function extendEngagementByDecision(
  ctx: ServiceContext,
  slug: string,
  engagementId: string,
  body: ExtendBody,
): Promise<DecisionView> {
  requirePublishDecisions(ctx.actor);
  const clusterId = await getSeenClusterId(ctx, slug);
  const levels = await levelRulesByCode(ctx);
  const today = osloDate(ctx.clock.now());
  const row = await ctx.db.transaction(async (tx) => {
    const scoped = { ...ctx, db: tx };
    requireAction(decisionLifecycle, 'publish', ctx.actor, { status: 'draft' });
    const engagement = await lockEngagement(scoped, clusterId, engagementId);
    const level = requireLevel(levels, engagement.levelCode);
    const errors: FieldError[] = [];
    if (engagement.endedOn !== null || engagement.endsOn < today) {
      throw new AppError(
        'invalid_state',
        `The engagement ended on ${engagement.endsOn}; only a running one is extended.`,
      );
    }
    if (engagement.extendedToOn !== null) {
      throw new AppError(
        'invalid_state',
        `The engagement was already extended, to ${engagement.extendedToOn}.`,
      );
    }
    if (level.extensionYears === 0) {
      throw new AppError('invalid_state', `${level.name.en} has no extension in its rules.`);
    }
    if (body.years > level.extensionYears) {
      errors.push({
        path: ['body', 'years'],
        message: `${level.name.en} may be extended by at most ${level.extensionYears} years`,
        code: 'beyond_extension',
      });
    }
    if (body.yearlyGrantsNok.length !== body.years) {
      errors.push({
        path: ['body', 'yearlyGrantsNok'],
        message: `must give one grant for each of the ${body.years} years`,
        code: 'years_mismatch',
      });
    }
    if (errors.length > 0) refuse('The extension cannot be made so.', errors);
    const startsOn = addDays(engagement.endsOn, 1);
    const extendedToOn = periodEnd(startsOn, body.years);
    const grants = grantsByYear(startsOn, body.yearlyGrantsNok);
    const overruns = await frameOverruns(
      scoped,
      grants.map((g) => ({ ...g, levelId: level.id })),
    );
    const clock = await stateAidClock(scoped, clusterId, { levelId: level.id, startsOn, years: body.years });
    const names = await clusterRefsById(scoped, [clusterId]);
    const name = names.get(clusterId)?.name ?? slug;
    const overrideReason = requireWithinLimits(
      ctx,
      overruns,
      clock.overCap ? [{ cluster: name, clock }] : [],
      body.override,
    );
    await extendEngagement(scoped, engagement, extendedToOn);
    const now = ctx.clock.now();
    const letter = draftLetter({
      clusterName: name,
      callTitle: { nb: '', en: '' },
      outcome: 'extend',
      levelName: level.name,
      startsOn,
      endsOn: extendedToOn,
      grants,
      conditions: body.conditions,
      reason: '',
    });
    const decision = await insertDecision(tx, {
      kind: 'extension',
      clusterId,
      outcome: 'extend',
      levelCode: level.code,
      startsOn,
      years: body.years,
      yearlyGrantsNok: body.yearlyGrantsNok,
      conditions: body.conditions,
      letterNb: letter.nb,
      letterEn: letter.en,
      status: 'published',
      engagementId,
      publishedAt: now,
      overrideReason,
      createdAt: now,
      updatedAt: now,
    });
    await recordCommitments(
      scoped,
      grants
        .filter((g) => g.amountNok > 0)
        .map((g) => ({
          clusterId,
          engagementId,
          levelId: level.id,
          year: g.year,
          amountNok: g.amountNok,
          decisionId: decision.id,
        })),
    );
    await recordAudit(tx, ctx, {
      action: 'decision.published',
      entityType: 'decision',
      entityId: decision.id,
      entityName: name,
      clusterId,
      after: {
        outcome: 'extend',
        engagementId,
        extendedToOn,
        yearlyGrantsNok: body.yearlyGrantsNok,
        overrideReason,
      },
    });
    return { decision, name };
  });
  return viewOf(row.decision, { slug, name: row.name }, null);
}

// ── The announcement ─────────────────────────────────────────────────────────────────────────────

/**
 * The facts of a published round that a press release states, and a draft of the release in the
 * chosen language. Anyone may read it once the round is published; before, there is none.
 */
export async function getAnnouncement(
  ctx: ReadContext,
  callId: string,
  lang: Locale,
): Promise<AnnouncementView> {
  const call = await getCall(ctx, callId);
  const publication = await findRoundPublication(ctx.db, callId);
  if (!publication) throw notFound(`The announcement of the call ${callId}`);
  const rows = (await listDecisionsOfCall(ctx.db, callId)).filter(
    (row) => row.status === 'published' && row.outcome === 'admit' && row.levelCode,
  );
  const levels = await levelRulesByCode(ctx);
  const facts = await clusterFactsById(
    ctx,
    rows.map((row) => row.clusterId),
  );
  const hosts = await organisationNamesByOrgnr(
    ctx,
    [...facts.values()].flatMap((f) => (f.hostOrgnr ? [f.hostOrgnr] : [])),
  );
  const hubs = await clusterRefsById(
    ctx,
    rows.flatMap((row) => (row.hubClusterId ? [row.hubClusterId] : [])),
  );
  const admitted: AnnouncementView['admitted'] = [];
  for (const row of rows) {
    const cluster = facts.get(row.clusterId);
    if (!cluster) continue;
    const hub = row.hubClusterId ? (hubs.get(row.hubClusterId) ?? null) : null;
    admitted.push({
      slug: cluster.slug,
      name: cluster.name,
      level: row.levelCode!,
      levelName: levels.get(row.levelCode!)?.name[lang] ?? row.levelCode!,
      counties: cluster.counties,
      host: cluster.hostOrgnr ? (hosts.get(cluster.hostOrgnr) ?? cluster.hostOrgnr) : null,
      hub,
    });
  }
  admitted.sort((a, b) => a.level.localeCompare(b.level) || a.name.localeCompare(b.name, 'nb'));
  const admittedByLevel: Record<string, number> = {};
  for (const entry of admitted) admittedByLevel[entry.level] = (admittedByLevel[entry.level] ?? 0) + 1;
  const year = Number(publication.publishedOn.slice(0, 4));
  const [frame] = await framesOfYears(ctx, [year]);
  const committedNok = await committedInYear(ctx, year);
  const view = {
    callId,
    lang,
    publishedOn: publication.publishedOn,
    year,
    admittedByLevel,
    admitted,
    clustersInProgramme: publication.clustersInProgramme,
    frameNok: frame?.frameNok ?? null,
    committedNok,
  };
  return { ...view, pressRelease: pressRelease(view, call.title, levels, lang) };
}

/**
 * What the year's commitments add up to, for anyone who reads a published round (the ledger is
 * for staff). Asked of the frame check with more than the whole frame added at no level of its
 * own, so the year is over its total frame by more than by any level's part, and the answer names
 * the committed total.
 */
export async function committedInYear(ctx: Pick<ServiceContext, 'db'>, year: number): Promise<number> {
  const [frame] = await framesOfYears(ctx, [year]);
  if (!frame) return 0;
  // With the whole frame added, any year with a frame is over, and the answer names what is committed.
  const [overrun] = await frameOverruns(ctx, [
    { year, levelId: '00000000-0000-0000-0000-000000000000', amountNok: frame.frameNok + 1 },
  ]);
  return overrun?.committedNok ?? 0;
}

function pressRelease(
  facts: Omit<AnnouncementView, 'pressRelease'>,
  callTitle: LocalizedText,
  levels: Map<LevelCode, LevelRule>,
  lang: Locale,
): { title: string; text: string } {
  const count = facts.admitted.length;
  const perLevel = Object.entries(facts.admittedByLevel)
    .map(([code, n]) => `${n} ${levels.get(code as LevelCode)?.name[lang] ?? code}`)
    .join(lang === 'nb' ? ' og ' : ' and ');
  const lines = facts.admitted.map((a) => {
    const where = a.counties.map((code) => findCounty(code)?.name ?? code).join(', ');
    const hub = a.hub ? (lang === 'nb' ? `, node til ${a.hub.name}` : `, a node of ${a.hub.name}`) : '';
    const host = a.host ? (lang === 'nb' ? `, vert: ${a.host}` : `, hosted by ${a.host}`) : '';
    return `- ${a.name} (${a.levelName}; ${where}${host}${hub})`;
  });
  const money =
    facts.frameNok === null
      ? ''
      : lang === 'nb'
        ? `Rammen for ${facts.year} er ${kroner(facts.frameNok)}, og ${kroner(facts.committedNok)} er bundet i tilsagn.`
        : `The frame for ${facts.year} is NOK ${kroner(facts.frameNok).replace(' kr', '')}, of which NOK ${kroner(facts.committedNok).replace(' kr', '')} is committed.`;
  if (lang === 'nb') {
    return {
      title: `${count} nye klynger tatt opp i programmet`,
      text: [
        `Etter utlysningen «${callTitle.nb}» er ${count} klynger tatt opp: ${perLevel}.`,
        lines.join('\n'),
        `Programmet har nå ${facts.clustersInProgramme} klynger.`,
        money,
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  }
  return {
    title: `${count} new clusters admitted to the programme`,
    text: [
      `After the call "${callTitle.en || callTitle.nb}", ${count} clusters are admitted: ${perLevel}.`,
      lines.join('\n'),
      `The programme now has ${facts.clustersInProgramme} clusters.`,
      money,
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}
