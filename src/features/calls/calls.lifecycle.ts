import type { Actor } from '../../shared/access';
import { defineLifecycle } from '../../shared/lifecycle';
import { canDecideCall, canExtendCallDeadline, canManageCalls } from './calls.policy';

/** The states a call reads as. `closed` is never written: an open call reads closed at its deadline. */
export const CALL_STATUSES = ['draft', 'open', 'closed', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_ACTIONS = ['open', 'extend_deadline', 'decide'] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

/** A call as the lifecycle judges it: by its effective status. */
type CallState = { status: CallStatus };

/**
 * draft → open → closed (by the deadline passing, no action) → decided (when the decisions feature
 * publishes the round). An extension moves the deadline of an open call, or of one its deadline has closed,
 * and leaves it open.
 */
export const callLifecycle = defineLifecycle<CallStatus, CallAction, CallState>({
  name: 'call',
  states: CALL_STATUSES,
  initial: 'draft',
  actions: {
    open: { from: ['draft'], to: 'open', may: (actor: Actor) => canManageCalls(actor) },
    extend_deadline: {
      from: ['open', 'closed'],
      to: 'open',
      may: (actor: Actor) => canExtendCallDeadline(actor),
    },
    decide: { from: ['closed'], to: 'decided', may: (actor: Actor) => canDecideCall(actor) },
  },
});

/**
 * What applicants prepare against, fixed once the call is open: a change to one of these fields
 * after the draft is refused (the deadline moves only by an extension).
 */
export const FIXED_ONCE_OPEN = ['levels', 'criteria', 'opensAt', 'sketchDeadlineAt', 'deadlineAt'] as const;

/** Whether the call's fields may change at all in this state: a decided call is history. */
export function mayChangeCallIn(status: CallStatus): boolean {
  return status !== 'decided';
}
