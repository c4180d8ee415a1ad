import type { Readable } from 'node:stream';
import { osloDate } from '../../server/clock';
import type { FileSource, FileStore } from '../../server/files/file-store';
import { storeRecognisedFile } from '../../server/files/store-recognised-file';
import { AppError, conflictOnUniqueViolation, type FieldError, notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import { requireAction } from '../../server/lifecycle';
import type { ServiceContext } from '../../server/service-context';
import { type Actor, asReader, clustersWithPermission } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import { isSlug } from '../../shared/slug';
import { recordAudit } from '../audit/record-audit';
import type { CallView } from '../calls/calls.contract';
import { type DeadlineExtended, getCall, type NotifyApplicants } from '../calls/calls.service';
import {
  clusterIdsBySlug,
  clusterRefsById,
  getClusterProfile,
  getSeenClusterId,
} from '../clusters/clusters.service';
import { registerFormingNetwork } from '../forming-networks/forming-networks.service';
import { type MailOptions, queueMail } from '../mail/mail.service';
import { clusterPartners } from '../memberships/memberships.service';
import { partnershipsOfOrganisation } from '../memberships/partnership-facts.service';
import { getOrganisation } from '../organisations/organisations.service';
import type { LevelCode } from '../programme/levels';
import { getProgrammeLevels } from '../programme/programme.service';
import {
  deadlineExtendedMail,
  informationRequestedMail,
  receiptMail,
  type SectionCopy,
} from './application-mail';
import {
  checkApplication,
  type HubFacts,
  moneyAsked,
  type OrganisationFacts,
  organisationsToLookUp,
  orgnrIn,
  partnersOf,
} from './application-rules';
import {
  type ApplicationSummary,
  type ApplicationView,
  type ApplyingCluster,
  type AttachmentView,
  type CheckProblem,
  type CheckResult,
  EMPTY_SECTION_BODIES,
  type ListApplicationsQuery,
  type PartnerCommitment,
  type RequestInformationBody,
  type SectionBodies,
  type SectionView,
  type StartApplicationBody,
  type UpdateApplicationBody,
} from './applications.contract';
import {
  type ApplicationStatus,
  applicationLifecycle,
  availableActions,
  refusalByTime,
  type SectionKey,
  sectionsOf,
  type TimedApplication,
  writableSections,
} from './applications.lifecycle';
import {
  applicationsSeenBy,
  requireSeeApplication,
  requireStartApplication,
  requireWriteApplication,
} from './applications.policy';
import {
  type ApplicationRow,
  type AttachmentRow,
  countAttachmentsOf,
  findApplication,
  findApplicationForUpdate,
  findAttachment,
  insertApplication,
  insertAttachment,
  insertSections,
  listApplicationsPage,
  listAttachmentsOf,
  listContactsOfCall,
  listSectionsOf,
  type SectionRow,
  saveSection,
  updateApplicationColumns,
} from './applications.queries';
import { effectiveApplicationStatus } from './applications.table';

/** The most files one application may carry: enough for appendices, few enough to list whole. */
export const MAX_ATTACHMENTS = 30;

type ReadContext = Pick<ServiceContext, 'db' | 'clock' | 'actor'>;

// ── Times ────────────────────────────────────────────────────────────────────────────────────────

/** An instant as the API answers it: UTC, whole seconds. */
function instantText(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

const optionalText = (at: Date | null) => (at === null ? null : instantText(at));

const OSLO_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'long',
  timeStyle: 'medium',
});

/**
 * An instant in a message, as the call's deadline is given and judged: Norwegian time, to the
 * second (`1 September 2026 at 12:00:00 Norwegian time`).
 */
const osloText = (at: Date) => `${OSLO_TIME.format(at)} Norwegian time`;

// ── Reading an application ───────────────────────────────────────────────────────────────────────

/** The application, or not found for anyone who may not see it. */
async function requireSeenApplication(ctx: ReadContext, id: string): Promise<ApplicationRow> {
  const row = await findApplication(ctx.db, id);
  if (!row) throw notFound(`The application ${id}`);
  requireSeeApplication(ctx.actor, row);
  return row;
}

function timed(row: ApplicationRow, deadlineAt: Date, now: Date): TimedApplication {
  return {
    status: effectiveApplicationStatus(row, now),
    clusterId: row.clusterId,
    level: row.levelCode,
    deadlineAt,
    reopenedSections: row.reopenedSections,
  };
}

/** Each of the level's sections, in order, from its row; one the rows lack reads as never written. */
function sectionViews(level: LevelCode, rows: SectionRow[]): SectionView[] {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return sectionsOf(level).map((key) => {
    const row = byKey.get(key);
    return {
      key,
      body: (row?.body ?? EMPTY_SECTION_BODIES[key]) as never,
      version: row?.version ?? 0,
      updatedAt: row && row.version > 0 ? instantText(row.updatedAt) : null,
      updatedBy: row?.updatedByName ?? null,
    } as SectionView;
  });
}

/** The sections' bodies by key, as the rules and the receipt read them. */
function bodiesOf(sections: SectionView[]): Partial<SectionBodies> {
  return Object.fromEntries(sections.map((section) => [section.key, section.body])) as Partial<SectionBodies>;
}

function callRef(call: CallView) {
  return { id: call.id, title: call.title, deadlineAt: call.deadlineAt };
}

/** An application as its readers see it: sections in order, and what the caller may do now. */
export async function getApplication(ctx: ReadContext, id: string): Promise<ApplicationView> {
  const row = await requireSeenApplication(ctx, id);
  const [call, clusters, sectionRows] = await Promise.all([
    getCall(ctx, row.callId),
    clusterRefsById(ctx, [row.clusterId]),
    listSectionsOf(ctx.db, id),
  ]);
  const now = ctx.clock.now();
  const state = timed(row, new Date(call.deadlineAt), now);
  return {
    id: row.id,
    call: callRef(call),
    cluster: clusters.get(row.clusterId) ?? { slug: '', name: '' },
    level: row.levelCode,
    status: state.status,
    moneyAskedNok: row.moneyAskedNok,
    submittedAt: optionalText(row.submittedAt),
    updatedAt: instantText(row.updatedAt),
    contact: { name: row.contactName, email: row.contactEmail },
    language: row.language,
    withdrawnAt: optionalText(row.withdrawnAt),
    createdAt: instantText(row.createdAt),
    informationRequest:
      row.informationRequestedAt && row.informationRequestedUntil
        ? {
            sections: row.reopenedSections,
            until: instantText(row.informationRequestedUntil),
            message: row.informationRequestMessage ?? '',
            requestedAt: instantText(row.informationRequestedAt),
            open: state.status === 'information_requested',
          }
        : null,
    sections: sectionViews(row.levelCode, sectionRows),
    actions: availableActions(ctx.actor, state, now),
    writableSections: writableSections(ctx.actor, state, now),
  };
}

/**
 * The caller's applications (those of the clusters they write for), or every application for
 * programme staff; filtered by call, status at the clock's second, level and cluster.
 */
export async function listApplications(
  ctx: ReadContext,
  query: ListApplicationsQuery,
): Promise<Page<ApplicationSummary>> {
  const { cluster, ...filters } = query;
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  let clusterId: string | undefined;
  if (cluster) {
    clusterId = (await clusterIdsBySlug(ctx, [cluster])).get(cluster);
    if (!clusterId) return empty;
  }
  const { rows, total } = await listApplicationsPage(
    ctx.db,
    { ...filters, clusterId },
    { now: ctx.clock.now(), clusterIds: applicationsSeenBy(ctx.actor) },
  );
  const callIds = [...new Set(rows.map((row) => row.callId))];
  const [calls, clusters] = await Promise.all([
    Promise.all(callIds.map((callId) => getCall(ctx, callId))),
    clusterRefsById(
      ctx,
      rows.map((row) => row.clusterId),
    ),
  ]);
  const callById = new Map(calls.map((call) => [call.id, call]));
  return {
    items: rows.map((row) => ({
      id: row.id,
      call: callRef(callById.get(row.callId)!),
      cluster: clusters.get(row.clusterId) ?? { slug: '', name: '' },
      level: row.levelCode,
      status: row.status,
      moneyAskedNok: row.moneyAskedNok,
      submittedAt: optionalText(row.submittedAt),
      updatedAt: instantText(row.updatedAt),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The clusters and forming networks the caller may start an application for (those they manage
 * or work for), each with its applications in the call: what the page that starts one offers.
 */
export async function listApplyingClusters(
  ctx: ReadContext,
  callId: string,
): Promise<{ items: ApplyingCluster[] }> {
  await getCall(ctx, callId);
  // What the person could start; a token that may not write still reads the list.
  const writes = clustersWithPermission(asReader(ctx.actor), 'applications.write');
  const ids = writes === 'all' ? [] : writes;
  if (ids.length === 0) return { items: [] };
  const [refs, { rows }] = await Promise.all([
    clusterRefsById(ctx, ids),
    listApplicationsPage(
      ctx.db,
      { call: callId, page: 1, pageSize: 100 },
      { now: ctx.clock.now(), clusterIds: ids },
    ),
  ]);
  const items = [...refs].map(([id, ref]) => ({
    ...ref,
    applications: rows
      .filter((row) => row.clusterId === id)
      .map((row) => ({ id: row.id, level: row.levelCode, status: row.status })),
  }));
  const collator = new Intl.Collator('nb');
  return { items: items.sort((a, b) => collator.compare(a.name, b.name)) };
}

// ── Starting ─────────────────────────────────────────────────────────────────────────────────────

/** Refuses a start the call does not take now: before it opens for applicants, or from its deadline on. */
function requireCallTakesApplications(call: CallView, level: LevelCode, now: Date): void {
  if (call.status !== 'open' || Date.parse(call.deadlineAt) <= now.getTime()) {
    throw new AppError(
      'invalid_state',
      `The call is ${call.status === 'open' ? 'closed' : call.status}; applications are started while it is open, before its deadline (${call.deadlineAt}).`,
    );
  }
  if (Date.parse(call.opensAt) > now.getTime()) {
    throw new AppError('invalid_state', `The call opens for applications at ${call.opensAt}.`);
  }
  const open = call.levels.map((entry) => entry.level);
  if (!open.includes(level)) {
    throw new AppError('validation_failed', 'The call is not open for this level.', {
      fieldErrors: [
        {
          path: ['body', 'level'],
          message: `is not open in this call; it is open for ${open.join(', ')}`,
          code: 'level_not_open',
        },
      ],
    });
  }
}

/** The cluster that applies: an existing one the actor writes for, or a forming network registered now. */
async function applyingCluster(
  ctx: ServiceContext,
  body: StartApplicationBody,
): Promise<{ id: string; hostOrgnr: string | null; actor: Actor }> {
  if (body.formingNetwork) {
    const network = await registerFormingNetwork(ctx, body.formingNetwork);
    // The role came with the network in this transaction; the request's actor was read before it.
    const actor =
      ctx.actor.kind === 'account'
        ? {
            ...ctx.actor,
            grants: [
              ...ctx.actor.grants,
              { role: 'cluster_manager' as const, clusterId: network.id, organisationId: null },
            ],
          }
        : ctx.actor;
    return { id: network.id, hostOrgnr: network.host?.orgnr ?? null, actor };
  }
  const slug = body.clusterSlug!;
  const id = await getSeenClusterId(ctx, slug);
  requireStartApplication(ctx.actor, { id, slug });
  const profile = await getClusterProfile(ctx, slug, clusterPartners);
  return { id, hostOrgnr: profile.host?.orgnr ?? null, actor: ctx.actor };
}

/**
 * Starts an application of a cluster (or of a forming network registered in the same step) for a
 * level of an open call: a draft with every section of the level empty, the project owner filled
 * in with the cluster's host. One per cluster, call and level.
 */
export async function startApplication(
  ctx: ServiceContext,
  callId: string,
  body: StartApplicationBody,
  language: Locale,
): Promise<ApplicationView> {
  const actor = ctx.actor;
  if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to apply.');
  const call = await getCall(ctx, callId);
  requireCallTakesApplications(call, body.level, ctx.clock.now());
  const started = await ctx.db
    .transaction(async (tx) => {
      const scoped = { ...ctx, db: tx };
      const cluster = await applyingCluster(scoped, body);
      const now = ctx.clock.now();
      const row = await insertApplication(tx, {
        callId,
        clusterId: cluster.id,
        levelCode: body.level,
        status: 'draft',
        contactName: actor.name,
        contactEmail: actor.email,
        language,
        startedByAccountId: actor.accountId,
        createdAt: now,
        updatedAt: now,
      });
      await insertSections(
        tx,
        row.id,
        sectionsOf(body.level).map((key) => ({
          key,
          body:
            key === 'resource_base'
              ? { ...EMPTY_SECTION_BODIES.resource_base, projectOwnerOrgnr: cluster.hostOrgnr ?? '' }
              : EMPTY_SECTION_BODIES[key],
        })),
        now,
      );
      await recordAudit(tx, ctx, {
        action: 'application.started',
        entityType: 'application',
        entityId: row.id,
        clusterId: cluster.id,
        after: { callId, level: body.level, status: 'draft' },
      });
      return { id: row.id, actor: cluster.actor };
    })
    .catch((error: unknown) => {
      throw conflictOnUniqueViolation(
        error,
        'The cluster has an application for this level in this call already; carry on with that one.',
      );
    });
  return getApplication({ ...ctx, actor: started.actor }, started.id);
}

// ── Saving sections ──────────────────────────────────────────────────────────────────────────────

export type SaveResult = { saved: ApplicationView } | { conflicts: SectionView[] };

/**
 * Saves sections, each from the version it was written from. All or none: when any section was
 * saved by someone else since its writer read it, nothing is saved and the answer holds the
 * current text and version of each such section, for the writer to see and merge. Two people
 * writing different sections never meet here; two writing the same one never overwrite each other.
 */
export async function saveApplicationSections(
  ctx: ServiceContext,
  id: string,
  body: UpdateApplicationBody,
): Promise<SaveResult> {
  const seen = await requireSeenApplication(ctx, id);
  const call = await getCall(ctx, seen.callId);
  const requested = Object.entries(body.sections).filter(([, write]) => write !== undefined) as [
    SectionKey,
    { body: unknown; version: number },
  ][];
  const conflicts = await ctx.db.transaction(async (tx) => {
    const row = await findApplicationForUpdate(tx, id);
    if (!row) throw notFound(`The application ${id}`);
    requireWriteApplication(ctx.actor, row);
    const now = ctx.clock.now();
    const state = timed(row, new Date(call.deadlineAt), now);
    const own = sectionsOf(row.levelCode);
    const foreign = requested.filter(([key]) => !own.includes(key));
    if (foreign.length > 0) {
      throw new AppError('validation_failed', `An application for ${row.levelCode} has no such section.`, {
        fieldErrors: foreign.map(([key]) => ({
          path: ['body', 'sections', key],
          message: `is not a section of an application for ${row.levelCode}`,
        })),
      });
    }
    const writable = writableSections(ctx.actor, state, now);
    const closed = requested.filter(([key]) => !writable.includes(key));
    if (closed.length > 0) {
      throw new AppError('invalid_state', closedMessage(state, now), {
        fieldErrors: closed.map(([key]) => ({
          path: ['body', 'sections', key],
          message: 'is not open for changes now',
          code: state.status === 'draft' ? 'deadline_passed' : 'read_only',
        })),
      });
    }
    const current = sectionViews(row.levelCode, await listSectionsOf(tx, id));
    const stale = current.filter((section) =>
      requested.some(([key, write]) => key === section.key && write.version !== section.version),
    );
    if (stale.length > 0) return stale;
    for (const [key, write] of requested) {
      const version = write.version + 1;
      await saveSection(tx, {
        applicationId: id,
        key,
        body: write.body,
        version,
        updatedAt: now,
        updatedByAccountId: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
        updatedByName: ctx.actor.kind === 'account' ? ctx.actor.name : null,
      });
    }
    const budget = requested.find(([key]) => key === 'budget')?.[1].body as
      | SectionBodies['budget']
      | undefined;
    await updateApplicationColumns(tx, id, {
      updatedAt: now,
      ...(budget ? { moneyAskedNok: moneyAsked(budget) } : {}),
    });
    // The text is the section row's; the trail says who saved which section to which version.
    await recordAudit(tx, ctx, {
      action: 'application.sections_saved',
      entityType: 'application',
      entityId: id,
      clusterId: row.clusterId,
      before: Object.fromEntries(requested.map(([key, write]) => [key, { version: write.version }])),
      after: Object.fromEntries(requested.map(([key, write]) => [key, { version: write.version + 1 }])),
    });
    return [];
  });
  if (conflicts.length > 0) return { conflicts };
  return { saved: await getApplication(ctx, id) };
}

function closedMessage(state: TimedApplication, now: Date): string {
  if (state.status === 'draft') {
    return `The call's deadline (${osloText(state.deadlineAt)}) has passed; the draft can no longer change (now ${osloText(now)}).`;
  }
  if (state.status === 'information_requested') {
    return 'Only the sections programme staff reopened may change.';
  }
  return `The application is ${state.status.replace('_', ' ')}; it is read-only.`;
}

// ── The check ────────────────────────────────────────────────────────────────────────────────────

/** The level's duration in the programme; undefined before a programme exists or without the level. */
async function durationOf(ctx: ReadContext, level: LevelCode): Promise<number | undefined> {
  try {
    return (await getProgrammeLevels(ctx)).find((entry) => entry.code === level)?.durationYears;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined;
    throw error;
  }
}

/** The hub a hub-node names, with its level on the deadline day, as the clusters feature tells it. */
async function hubFacts(ctx: ReadContext, slug: string, day: string): Promise<HubFacts | undefined> {
  if (slug.trim() === '') return undefined;
  if (!isSlug(slug)) return 'unknown';
  try {
    const hub = await getClusterProfile(ctx, slug, clusterPartners);
    const engagement = hub.levelHistory.find((entry) => entry.startsOn <= day && entry.endsOn >= day);
    return { slug, name: hub.name, levelOnDeadline: engagement?.level };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return 'unknown';
    throw error;
  }
}

/** Register facts of these organisations, from the organisations feature; unknown numbers are left out. */
async function organisationFacts(
  ctx: ReadContext,
  orgnrs: string[],
): Promise<Map<string, OrganisationFacts>> {
  const facts = new Map<string, OrganisationFacts>();
  // One after the other: a hub-node's list is short, and the check may run inside a transaction.
  for (const orgnr of orgnrs) {
    try {
      const organisation = await getOrganisation(ctx, orgnr, { partnershipsOf: partnershipsOfOrganisation });
      facts.set(orgnr, {
        name: organisation.name,
        actorType: organisation.actorType,
        organisationForm: organisation.organisationForm,
        institutionalSectorCode: organisation.register.institutionalSectorCode,
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    }
  }
  return facts;
}

/** Every rule judged on the application's sections as they are now. */
async function runCheck(
  ctx: ReadContext,
  row: ApplicationRow,
  call: CallView,
  sections: SectionView[],
): Promise<CheckProblem[]> {
  const bodies = bodiesOf(sections);
  const deadlineDay = osloDate(new Date(call.deadlineAt));
  const [durationYears, hub, organisations] = await Promise.all([
    durationOf(ctx, row.levelCode),
    row.levelCode === 'hub_node' ? hubFacts(ctx, bodies.hub?.hubClusterSlug ?? '', deadlineDay) : undefined,
    organisationFacts(ctx, organisationsToLookUp(row.levelCode, bodies)),
  ]);
  return checkApplication({
    level: row.levelCode,
    callLevels: call.levels.map((entry) => entry.level),
    deadlineDay,
    durationYears,
    sections: bodies,
    hub,
    organisations,
  });
}

/** The rules a submission must keep, judged now: what the form shows before submitting. */
export async function checkApplicationNow(ctx: ReadContext, id: string): Promise<CheckResult> {
  const row = await requireSeenApplication(ctx, id);
  const [call, sectionRows] = await Promise.all([getCall(ctx, row.callId), listSectionsOf(ctx.db, id)]);
  const problems = await runCheck(ctx, row, call, sectionViews(row.levelCode, sectionRows));
  return { ok: problems.length === 0, problems };
}

// ── Actions ──────────────────────────────────────────────────────────────────────────────────────

/** The refusal of an action the clock forbids, with the deadline and the time it is now. */
function refuseByTime(action: 'submit' | 'withdraw', state: TimedApplication, now: Date): void {
  if (refusalByTime(action, state, now) !== 'deadline_passed') return;
  const verb = action === 'submit' ? 'submitted' : 'withdrawn';
  throw new AppError(
    'invalid_state',
    `The call's deadline was ${osloText(state.deadlineAt)}; an application can no longer be ${verb} (now ${osloText(now)}).`,
    {
      fieldErrors: [
        {
          path: ['call', 'deadlineAt'],
          message: `passed at ${osloText(state.deadlineAt)}`,
          code: 'deadline_passed',
        },
      ],
    },
  );
}

const levelNameIn = async (ctx: ReadContext, level: LevelCode, language: Locale) => {
  try {
    return (await getProgrammeLevels(ctx)).find((entry) => entry.code === level)?.name[language] ?? level;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return level;
    throw error;
  }
};

const versionsOf = (sections: SectionView[]) =>
  Object.fromEntries(sections.map((section) => [section.key, section.version]));

/**
 * Submits an application before the call's deadline (to the second, on the server's clock), or
 * sends back the answer to a request for information before its date. Every rule of the check must
 * hold, on exactly the text the check read: a section saved in between makes the submission a
 * conflict, to be tried again. The receipt, with a copy of what was submitted, is queued in the
 * same transaction, in the submitter's language.
 */
export async function submitApplication(
  ctx: ServiceContext & MailOptions,
  id: string,
  input: { language: Locale; siteOrigin: string },
): Promise<ApplicationView> {
  const seen = await requireSeenApplication(ctx, id);
  const call = await getCall(ctx, seen.callId);
  const checked = sectionViews(seen.levelCode, await listSectionsOf(ctx.db, id));
  const problems = await runCheck(ctx, seen, call, checked);
  const [clusters, levelName] = await Promise.all([
    clusterRefsById(ctx, [seen.clusterId]),
    levelNameIn(ctx, seen.levelCode, input.language),
  ]);
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    const row = await findApplicationForUpdate(tx, id);
    if (!row) throw notFound(`The application ${id}`);
    requireSeeApplication(actor, row);
    const now = ctx.clock.now();
    const state = timed(row, new Date(call.deadlineAt), now);
    const next = requireAction(applicationLifecycle, 'submit', actor, state);
    refuseByTime('submit', state, now);
    if (problems.length > 0) {
      throw new AppError(
        'validation_failed',
        `The application breaks ${problems.length === 1 ? 'a rule' : `${problems.length} rules`}; the check lists them.`,
        {
          fieldErrors: problems.map(
            (p): FieldError => ({ path: ['application', ...p.path], message: p.message, code: p.code }),
          ),
        },
      );
    }
    const sections = sectionViews(row.levelCode, await listSectionsOf(tx, id));
    if (JSON.stringify(versionsOf(sections)) !== JSON.stringify(versionsOf(checked))) {
      throw new AppError(
        'conflict',
        'A section was saved while the application was being submitted. Submit again.',
      );
    }
    const attachments = await listAttachmentsOf(tx, id);
    await updateApplicationColumns(tx, id, {
      status: next,
      submittedAt: now,
      submittedByAccountId: actor.kind === 'account' ? actor.accountId : null,
      language: input.language,
      reopenedSections: [],
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'application.submitted',
      entityType: 'application',
      entityId: id,
      clusterId: row.clusterId,
      before: { status: state.status },
      after: { status: next, versions: versionsOf(sections), attachments: attachments.map((a) => a.sha256) },
    });
    if (actor.kind === 'account') {
      await queueMail(
        tx,
        ctx,
        receiptMail({
          to: actor.email,
          name: actor.name,
          clusterName: clusters.get(row.clusterId)?.name ?? '',
          callTitle: call.title[input.language] || call.title.nb,
          levelName,
          submittedAt: now,
          attachments: attachments.map((a) => a.fileName),
          sections: sections as SectionCopy[],
          link: `${input.siteOrigin}/applications/${id}`,
          language: input.language,
        }),
      );
    }
  });
  ctx.wakeMail();
  return getApplication(ctx, id);
}

/** Withdraws an application before the call's deadline: a draft, a submitted one, or a reopened one. */
export async function withdrawApplication(ctx: ServiceContext, id: string): Promise<ApplicationView> {
  const seen = await requireSeenApplication(ctx, id);
  const call = await getCall(ctx, seen.callId);
  await ctx.db.transaction(async (tx) => {
    const row = await findApplicationForUpdate(tx, id);
    if (!row) throw notFound(`The application ${id}`);
    requireSeeApplication(ctx.actor, row);
    const now = ctx.clock.now();
    const state = timed(row, new Date(call.deadlineAt), now);
    const next = requireAction(applicationLifecycle, 'withdraw', ctx.actor, state);
    refuseByTime('withdraw', state, now);
    await updateApplicationColumns(tx, id, {
      status: next,
      withdrawnAt: now,
      reopenedSections: [],
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'application.withdrawn',
      entityType: 'application',
      entityId: id,
      clusterId: row.clusterId,
      before: { status: state.status },
      after: { status: next },
    });
  });
  return getApplication(ctx, id);
}

/**
 * Programme staff ask for more information: the named sections of a submitted application open
 * for its writers until the date chosen, and the applicant is told by mail in their language.
 */
export async function requestInformation(
  ctx: ServiceContext & MailOptions,
  id: string,
  body: RequestInformationBody,
  siteOrigin: string,
): Promise<ApplicationView> {
  const seen = await requireSeenApplication(ctx, id);
  const clusters = await clusterRefsById(ctx, [seen.clusterId]);
  const until = new Date(Math.floor(Date.parse(body.until) / 1000) * 1000);
  await ctx.db.transaction(async (tx) => {
    const row = await findApplicationForUpdate(tx, id);
    if (!row) throw notFound(`The application ${id}`);
    requireSeeApplication(ctx.actor, row);
    const now = ctx.clock.now();
    const status = effectiveApplicationStatus(row, now);
    const next = requireAction(applicationLifecycle, 'request_information', ctx.actor, {
      status,
      clusterId: row.clusterId,
    });
    const own = sectionsOf(row.levelCode);
    const errors: FieldError[] = body.sections.flatMap((key, index) =>
      own.includes(key)
        ? []
        : [
            {
              path: ['body', 'sections', index],
              message: `is not a section of an application for ${row.levelCode}`,
            },
          ],
    );
    if (until.getTime() <= now.getTime()) {
      errors.push({ path: ['body', 'until'], message: `must be in the future (now ${osloText(now)})` });
    }
    if (errors.length > 0) {
      throw new AppError('validation_failed', 'The request cannot reopen the application so.', {
        fieldErrors: errors,
      });
    }
    await updateApplicationColumns(tx, id, {
      status: next,
      reopenedSections: body.sections,
      informationRequestedAt: now,
      informationRequestedUntil: until,
      informationRequestMessage: body.message,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'application.information_requested',
      entityType: 'application',
      entityId: id,
      clusterId: row.clusterId,
      before: { status },
      after: { status: next, sections: body.sections, until: instantText(until), message: body.message },
    });
    await queueMail(
      tx,
      ctx,
      informationRequestedMail({
        to: row.contactEmail,
        name: row.contactName,
        clusterName: clusters.get(row.clusterId)?.name ?? '',
        sections: body.sections,
        until,
        message: body.message,
        link: `${siteOrigin}/applications/${id}`,
        language: row.language,
      }),
    );
  });
  ctx.wakeMail();
  return getApplication(ctx, id);
}

// ── Attachments ──────────────────────────────────────────────────────────────────────────────────

function attachmentView(row: AttachmentRow): AttachmentView {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedByName,
    uploadedAt: instantText(row.uploadedAt),
  };
}

export async function listAttachments(ctx: ReadContext, id: string): Promise<{ items: AttachmentView[] }> {
  await requireSeenApplication(ctx, id);
  return { items: (await listAttachmentsOf(ctx.db, id)).map(attachmentView) };
}

/** A file as it arrives: the name the sender gave it and its bytes, read only when asked for. */
export type Upload = { name: string; source: FileSource };

/** The name kept for a file: the last part of what the sender gave, without control characters. */
function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).at(-1) ?? '';
  const clean = last
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(-200);
  return clean || 'attachment';
}

/**
 * Attaches a file while the application may change: recognised by its content (PDF, DOCX, XLSX,
 * PNG, JPEG, at most 10 MB) and stored by its hash. Who may attach is settled before a byte is
 * read. The bytes are stored before the row is written; if the row is then refused, they stay in
 * the store unnamed, which is harmless: the same bytes are kept once.
 */
export async function addAttachment(
  ctx: ServiceContext,
  id: string,
  readUpload: () => Promise<Upload>,
  files: FileStore,
): Promise<AttachmentView> {
  const seen = await requireSeenApplication(ctx, id);
  requireWriteApplication(ctx.actor, seen);
  const call = await getCall(ctx, seen.callId);
  const requireOpen = (row: ApplicationRow, count: number) => {
    const now = ctx.clock.now();
    const state = timed(row, new Date(call.deadlineAt), now);
    if (writableSections(ctx.actor, state, now).length === 0) {
      throw new AppError('invalid_state', closedMessage(state, now));
    }
    if (count >= MAX_ATTACHMENTS) {
      throw new AppError('invalid_state', `An application carries at most ${MAX_ATTACHMENTS} files.`);
    }
  };
  requireOpen(seen, await countAttachmentsOf(ctx.db, id));
  const upload = await readUpload();
  const stored = await storeRecognisedFile(files, upload.source, { field: ['body', 'file'] });
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await findApplicationForUpdate(tx, id);
    if (!locked) throw notFound(`The application ${id}`);
    requireOpen(locked, await countAttachmentsOf(tx, id));
    const now = ctx.clock.now();
    const attachment = await insertAttachment(tx, {
      applicationId: id,
      fileName: cleanFileName(upload.name),
      mediaType: stored.mediaType,
      sizeBytes: stored.size,
      sha256: stored.hash,
      uploadedByAccountId: ctx.actor.kind === 'account' ? ctx.actor.accountId : null,
      uploadedByName: ctx.actor.kind === 'account' ? ctx.actor.name : 'system',
      uploadedAt: now,
    });
    await updateApplicationColumns(tx, id, { updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'application.attachment_added',
      entityType: 'application',
      entityId: id,
      clusterId: locked.clusterId,
      after: {
        attachmentId: attachment.id,
        fileName: attachment.fileName,
        sha256: stored.hash,
        size: stored.size,
      },
    });
    return attachment;
  });
  return attachmentView(row);
}

/** An attachment's bytes, for those who may see the application. */
export async function openAttachment(
  ctx: ReadContext,
  id: string,
  attachmentId: string,
  files: FileStore,
): Promise<{ attachment: AttachmentView; content: Readable }> {
  await requireSeenApplication(ctx, id);
  const row = await findAttachment(ctx.db, id, attachmentId);
  if (!row) throw notFound(`The attachment ${attachmentId}`);
  const content = await files.get(row.sha256);
  if (!content) {
    throw new AppError('internal', 'The file is missing from the store.', {
      internal: `Attachment ${attachmentId} names ${row.sha256}, which the file store does not hold.`,
    });
  }
  return { attachment: attachmentView(row), content };
}

// ── For other features ───────────────────────────────────────────────────────────────────────────

/**
 * Tells every applicant of a call (the contact of each application not withdrawn) that its
 * deadline moved, in their language, inside the extension's transaction (`ctx.db`). The calls
 * feature calls it; `src/server/features.ts` plugs it in.
 */
export const notifyApplicantsOfExtension: NotifyApplicants = async (ctx, extension: DeadlineExtended) => {
  const call = await getCall(ctx, extension.callId);
  for (const contact of await listContactsOfCall(ctx.db, extension.callId)) {
    await queueMail(
      ctx.db,
      ctx,
      deadlineExtendedMail({
        to: contact.contactEmail,
        name: contact.contactName,
        callTitle: call.title[contact.language] || call.title.nb,
        previousDeadlineAt: extension.previousDeadlineAt,
        deadlineAt: extension.deadlineAt,
        reason: extension.reason,
        language: contact.language,
      }),
    );
  }
};

/** What the assessment needs of an application, whoever asks: its caller applies its own rules. */
export type ApplicationFacts = {
  id: string;
  callId: string;
  clusterId: string;
  level: LevelCode;
  status: ApplicationStatus;
  submittedAt: string | null;
  /** The budget's asks of the programme, summed, NOK. */
  moneyAskedNok: number;
  /** The project owner, by a valid orgnr; null when the application names none. */
  projectOwnerOrgnr: string | null;
  /** The partners with a valid orgnr, and their commitment. */
  partners: { orgnr: string; commitment: PartnerCommitment }[];
};

/**
 * An application's call, level, money asked, project owner and partners, for the assessment (an
 * assessor's conflicts of interest are found from the owner and partners). No policy is applied
 * here: the assessment feature decides who may see what it shows.
 */
export async function getApplicationFacts(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  id: string,
): Promise<ApplicationFacts> {
  const row = await findApplication(ctx.db, id);
  if (!row) throw notFound(`The application ${id}`);
  const sections = bodiesOf(sectionViews(row.levelCode, await listSectionsOf(ctx.db, id)));
  return {
    id: row.id,
    callId: row.callId,
    clusterId: row.clusterId,
    level: row.levelCode,
    status: effectiveApplicationStatus(row, ctx.clock.now()),
    submittedAt: optionalText(row.submittedAt),
    moneyAskedNok: row.moneyAskedNok,
    projectOwnerOrgnr: orgnrIn(sections.resource_base?.projectOwnerOrgnr ?? '') ?? null,
    partners: partnersOf(sections.resource_base),
  };
}

/**
 * A page of a call's applications that are submitted (or reopened for more information), for the
 * assessment's panel; each one's parties come from `getApplicationFacts`. No policy here either.
 */
export async function listSubmittedApplicationsOfCall(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  callId: string,
  page: { page: number; pageSize: number },
): Promise<Page<Omit<ApplicationFacts, 'projectOwnerOrgnr' | 'partners'>>> {
  const { rows, total } = await listApplicationsPage(
    ctx.db,
    { ...page, call: callId },
    { now: ctx.clock.now(), clusterIds: 'all', submittedOnly: true },
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      callId: row.callId,
      clusterId: row.clusterId,
      level: row.levelCode,
      status: row.status,
      submittedAt: optionalText(row.submittedAt),
      moneyAskedNok: row.moneyAskedNok,
    })),
    total,
    ...page,
  };
}
