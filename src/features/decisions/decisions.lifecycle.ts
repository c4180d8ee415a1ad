import type { Actor } from '../../shared/access';
import { defineLifecycle } from '../../shared/lifecycle';
import { canDraftDecisions, canPublishDecisions } from './decisions.policy';

export const DECISION_STATUSES = ['draft', 'published'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const DECISION_ACTIONS = ['redraft', 'publish'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export const DECISION_OUTCOMES = ['admit', 'reject', 'extend'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const DECISION_KINDS = ['call', 'extension'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * draft → published. A draft is written again as often as staff like (`redraft`); publishing, of
 * the whole round at once or of an extension on its own, makes it history.
 */
export const decisionLifecycle = defineLifecycle<DecisionStatus, DecisionAction, { status: DecisionStatus }>({
  name: 'decision',
  states: DECISION_STATUSES,
  initial: 'draft',
  actions: {
    redraft: { from: ['draft'], to: 'draft', may: (actor: Actor) => canDraftDecisions(actor) },
    publish: { from: ['draft'], to: 'published', may: (actor: Actor) => canPublishDecisions(actor) },
  },
});
