import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type {
  addLevelRoute,
  getProgrammeRoute,
  listLevelsRoute,
  setUpProgrammeRoute,
  updateLevelRoute,
} from '../programme.routes';

export const getProgramme = endpoint<typeof getProgrammeRoute>('get', '/api/programme');
export const setUpProgramme = endpoint<typeof setUpProgrammeRoute>('put', '/api/programme');
export const listLevels = endpoint<typeof listLevelsRoute>('get', '/api/programme/levels');
export const addLevel = endpoint<typeof addLevelRoute>('post', '/api/programme/levels');
export const updateLevel = endpoint<typeof updateLevelRoute>('patch', '/api/programme/levels/{code}');

export type ProgrammeView = AnswerOf<typeof getProgramme>;
export type LevelView = AnswerOf<typeof updateLevel>;

/** Where the set-up page is: the first operator admin to sign in to an empty database is sent there. */
export const PROGRAMME_SET_UP_PATH = '/programme/setup';
