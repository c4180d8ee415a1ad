import type { Actor } from '../../shared/access';
import { defineLifecycle } from '../../shared/lifecycle';
import { canManageAssessments, isAssessorOf } from './assessments.policy';

/**
 * An assessment's states: assigned (the assessor has not yet declared), conflict (declared: the
 * application is hidden from them), scoring (declared no conflict), completed.
 */
export const ASSESSMENT_STATUSES = ['assigned', 'conflict', 'scoring', 'completed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_ACTIONS = ['declare_no_conflict', 'declare_conflict', 'complete', 'reopen'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** An assessment as the lifecycle judges it: its state and whose it is. */
export type AssessmentState = { status: AssessmentStatus; assessorAccountId: string | null };

/**
 * assigned → scoring (no conflict) or conflict; scoring → conflict (a conflict found while
 * reading), scoring → completed → scoring again (reopen). Only the assessor acts on their own
 * assessment; none of it moves once staff have closed the panel (`refusalByPanel`).
 */
export const assessmentLifecycle = defineLifecycle<AssessmentStatus, AssessmentAction, AssessmentState>({
  name: 'assessment',
  states: ASSESSMENT_STATUSES,
  initial: 'assigned',
  actions: {
    declare_no_conflict: {
      from: ['assigned'],
      to: 'scoring',
      may: (actor: Actor, assessment) => isAssessorOf(actor, assessment),
    },
    declare_conflict: {
      from: ['assigned', 'scoring'],
      to: 'conflict',
      may: (actor: Actor, assessment) => isAssessorOf(actor, assessment),
    },
    complete: {
      from: ['scoring'],
      to: 'completed',
      may: (actor: Actor, assessment) => isAssessorOf(actor, assessment),
    },
    reopen: {
      from: ['completed'],
      to: 'scoring',
      may: (actor: Actor, assessment) => isAssessorOf(actor, assessment),
    },
  },
});

/** Why the panel forbids an assessor's action or a score now, or undefined while it is open. */
export function refusalByPanel(panel: PanelStatus): 'panel_closed' | undefined {
  return panel === 'closed' ? 'panel_closed' : undefined;
}

/** The actions the actor may take now: the lifecycle's, none once the panel is closed. What pages offer. */
export function availableAssessmentActions(
  actor: Actor,
  assessment: AssessmentState,
  panel: PanelStatus,
): AssessmentAction[] {
  return refusalByPanel(panel) ? [] : assessmentLifecycle.available(actor, assessment);
}

/** A call's panel: open while assessors work, closed by programme staff. */
export const PANEL_STATUSES = ['open', 'closed'] as const;
export type PanelStatus = (typeof PANEL_STATUSES)[number];

export const PANEL_ACTIONS = ['close'] as const;
export type PanelAction = (typeof PANEL_ACTIONS)[number];

export const panelLifecycle = defineLifecycle<PanelStatus, PanelAction, { status: PanelStatus }>({
  name: 'panel',
  states: PANEL_STATUSES,
  initial: 'open',
  actions: {
    close: { from: ['open'], to: 'closed', may: (actor: Actor) => canManageAssessments(actor) },
  },
});

/** What programme staff recommend for an application. */
export const RECOMMENDATIONS = ['admit', 'reject', 'admit_other_level'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
