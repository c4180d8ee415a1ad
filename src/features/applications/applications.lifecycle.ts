import type { Actor } from '../../shared/access';
import { defineLifecycle } from '../../shared/lifecycle';
import type { LevelCode } from '../programme/levels';
import { canReviewApplications, canWriteApplication } from './applications.policy';

/**
 * The states an application reads as. `information_requested` is written by programme staff's
 * request and reads `submitted` again once the date they chose has come (see
 * `effectiveApplicationStatus` beside the table): no job has to run for the window to close.
 */
export const APPLICATION_STATUSES = ['draft', 'submitted', 'information_requested', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['submit', 'withdraw', 'request_information'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * An application's sections, in the order the form shows them. Every application has the first
 * seven; a pre-project also says who funds it, and a hub-node names its hub.
 */
export const SECTION_KEYS = [
  'background',
  'vision_goals',
  'focus_activities',
  'expected_effects',
  'resource_base',
  'ecosystem_role',
  'budget',
  'pre_project',
  'hub',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Sections only one level's applications have. */
const LEVEL_SECTIONS: Partial<Record<SectionKey, LevelCode>> = {
  pre_project: 'pre_project',
  hub: 'hub_node',
};

/** The sections an application for this level has, in order. */
export function sectionsOf(level: LevelCode): SectionKey[] {
  return SECTION_KEYS.filter((key) => (LEVEL_SECTIONS[key] ?? level) === level);
}

/** An application as the lifecycle judges it: its effective status and whose it is. */
export type ApplicationState = { status: ApplicationStatus; clusterId: string };

/**
 * draft → submitted; draft, submitted or reopened → withdrawn; submitted → information requested
 * (staff reopen named sections until a date) → submitted again when the applicant sends the
 * answer. Who may act is here; when (the call's deadline) is `refusalByTime`.
 */
export const applicationLifecycle = defineLifecycle<ApplicationStatus, ApplicationAction, ApplicationState>({
  name: 'application',
  states: APPLICATION_STATUSES,
  initial: 'draft',
  actions: {
    submit: {
      from: ['draft', 'information_requested'],
      to: 'submitted',
      may: (actor: Actor, application) => canWriteApplication(actor, application),
    },
    withdraw: {
      from: ['draft', 'submitted', 'information_requested'],
      to: 'withdrawn',
      may: (actor: Actor, application) => canWriteApplication(actor, application),
    },
    request_information: {
      from: ['submitted', 'information_requested'],
      to: 'information_requested',
      may: (actor: Actor) => canReviewApplications(actor),
    },
  },
});

/** What the clock rules need besides the state: the call's deadline and the level applied for. */
export type TimedApplication = ApplicationState & {
  level: LevelCode;
  deadlineAt: Date;
  /** The sections programme staff reopened, while the application reads `information_requested`. */
  reopenedSections: readonly SectionKey[];
};

/**
 * Why the clock forbids the action now, or undefined. A draft is submitted, and an application
 * withdrawn, before the call's deadline, judged to the second; an answer to a request for
 * information is bound by the request's own date, which the effective status already says.
 */
export function refusalByTime(
  action: ApplicationAction,
  application: TimedApplication,
  now: Date,
): 'deadline_passed' | undefined {
  const late = now.getTime() >= application.deadlineAt.getTime();
  if (action === 'withdraw' && late) return 'deadline_passed';
  if (action === 'submit' && application.status === 'draft' && late) return 'deadline_passed';
  return undefined;
}

/** The actions the actor may take now: the lifecycle's, less those the clock forbids. What pages offer. */
export function availableActions(
  actor: Actor,
  application: TimedApplication,
  now: Date,
): ApplicationAction[] {
  return applicationLifecycle
    .available(actor, application)
    .filter((action) => refusalByTime(action, application, now) === undefined);
}

/**
 * The sections the actor may write now: every section of a draft until the deadline; the reopened
 * ones while information is requested; none of a submitted or withdrawn application.
 */
export function writableSections(actor: Actor, application: TimedApplication, now: Date): SectionKey[] {
  if (!canWriteApplication(actor, application)) return [];
  if (application.status === 'draft') {
    return now.getTime() < application.deadlineAt.getTime() ? sectionsOf(application.level) : [];
  }
  if (application.status === 'information_requested') return [...application.reopenedSections];
  return [];
}
