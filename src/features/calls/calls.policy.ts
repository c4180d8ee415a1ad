import { AppError, notFound } from '../../server/http/app-error';
import { type Actor, hasProgrammePermission } from '../../shared/access';

/** Programme staff and operator admins write calls and open them. */
export function canManageCalls(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'calls.manage');
}

/** Only an operator admin moves a deadline applicants have planned for. */
export function canExtendCallDeadline(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'calls.extend_deadline');
}

/** A closed call becomes decided when those who publish the round's decisions publish it. */
export function canDecideCall(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'decisions.publish');
}

/** A draft is the programme's own work; every other call is public. */
export function canSeeCall(actor: Actor, call: { status: string }): boolean {
  return call.status !== 'draft' || canManageCalls(actor);
}

export function requireManageCalls(actor: Actor): void {
  if (!canManageCalls(actor)) throw new AppError('forbidden', 'Only programme staff may write calls.');
}

/** A call the actor may not see does not exist for them. */
export function requireSeeCall(actor: Actor, call: { id: string; status: string }): void {
  if (!canSeeCall(actor, call)) throw notFound(`The call ${call.id}`);
}
