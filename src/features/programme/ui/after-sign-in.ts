import type { Actor } from '../../../shared/access';
import { type Api, ApiError } from '../../../web/kit/api';
import { canManageProgramme } from '../programme.policy';
import { getProgramme, PROGRAMME_SET_UP_PATH } from './api';

/**
 * Where someone who just signed in goes: an operator admin of a database without a programme to
 * the set-up page, since nothing else works before it exists; anyone else where they were going.
 */
export async function pathAfterSignIn(api: Api, actor: Actor, next: string): Promise<string> {
  if (!canManageProgramme(actor)) return next;
  try {
    await api.call(getProgramme);
    return next;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return PROGRAMME_SET_UP_PATH;
    // Signing in worked; a programme that cannot be read now is the next page's problem.
    return next;
  }
}
