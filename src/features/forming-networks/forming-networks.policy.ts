import { AppError } from '../../server/http/app-error';
import type { Actor } from '../../shared/access';

/**
 * Anyone with an account may register a forming network and so become its manager. They do it in
 * their own browser session: an API token holds only the permissions it was given, and it should
 * not be a way to take on a new role.
 */
export function canRegisterFormingNetwork(actor: Actor): boolean {
  return actor.kind === 'account' && !actor.tokenPermissions;
}

export function requireRegisterFormingNetwork(actor: Actor): Actor & { kind: 'account' } {
  if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to register a network.');
  if (!canRegisterFormingNetwork(actor)) {
    throw new AppError('forbidden', 'A network is registered by a person signed in, not with an API token.');
  }
  return actor;
}
