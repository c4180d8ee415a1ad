import type { Actor } from '../shared/access';
import type { Lifecycle } from '../shared/lifecycle';
import { AppError } from './http/app-error';

/**
 * The service's guard for a lifecycle action: the state the resource moves to, or an AppError
 * (`forbidden`, or `invalid_state` answered as 409) saying why not.
 */
export function requireAction<S extends string, A extends string, R extends { status: S }>(
  lifecycle: Lifecycle<S, A, R>,
  action: A,
  actor: Actor,
  resource: R,
): S {
  const refusal = lifecycle.refusal(action, actor, resource);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return lifecycle.actions[action].to;
}
