import { AppError } from '../../server/http/app-error';
import { type Actor, hasProgrammePermission } from '../../shared/access';

/**
 * The outbox holds sign-in and reset links meant for other people, across every cluster, so only
 * a programme-wide holder of `mail.read` (an operator) reads it.
 */
export function canReadOutbox(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'mail.read');
}

export function requireMayReadOutbox(actor: Actor): void {
  if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to do this.');
  if (!canReadOutbox(actor)) throw new AppError('forbidden', 'Only operators may read the outbox.');
}
