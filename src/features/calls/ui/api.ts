import { type AnswerOf, type Api, ApiError, endpoint } from '../../../web/kit/api';
import type { meRoute } from '../../accounts/accounts.routes';
import type { getProgrammeRoute } from '../../programme/programme.routes';
import type {
  createCallRoute,
  extendDeadlineRoute,
  getCallRoute,
  listCallsRoute,
  openCallRoute,
  updateCallRoute,
} from '../calls.routes';

export const listCalls = endpoint<typeof listCallsRoute>('get', '/api/calls');
export const getCall = endpoint<typeof getCallRoute>('get', '/api/calls/{id}');
export const createCall = endpoint<typeof createCallRoute>('post', '/api/calls');
export const updateCall = endpoint<typeof updateCallRoute>('patch', '/api/calls/{id}');
export const openCall = endpoint<typeof openCallRoute>('post', '/api/calls/{id}/open');
export const extendDeadline = endpoint<typeof extendDeadlineRoute>('post', '/api/calls/{id}/extend-deadline');
/** Who is asking, for the form's own check before it shows. */
export const me = endpoint<typeof meRoute>('get', '/api/auth/me');
/** The programme's levels, for their names in both languages. */
export const getProgramme = endpoint<typeof getProgrammeRoute>('get', '/api/programme');

export type CallPage = AnswerOf<typeof listCalls>;
export type CallView = AnswerOf<typeof getCall>;
export type ProgrammeView = AnswerOf<typeof getProgramme>;

/** The programme, for its levels' names; null before it is set up (the pages then show level codes). */
export async function programmeOrNull(api: Api): Promise<ProgrammeView | null> {
  return api.call(getProgramme).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
}
