import { type Locale, pick } from '../../../shared/localized';
import { type AnswerOf, type Api, ApiError, endpoint } from '../../../web/kit/api';
import { formatNumber } from '../../../web/kit/format';
import type { getProgrammeRoute } from '../../programme/programme.routes';

/** The programme, for its levels' names. */
const getProgramme = endpoint<typeof getProgrammeRoute>('get', '/api/programme');
type ProgrammeView = AnswerOf<typeof getProgramme>;
export type LevelNames = { code: string; name: { nb: string; en: string } }[];

/** The programme's levels with their names; none before the programme is set up. */
export async function levelNames(api: Api): Promise<LevelNames> {
  return api.call(getProgramme).then(
    (programme: ProgrammeView) => programme.levels.map((level) => ({ code: level.code, name: level.name })),
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return [];
      throw error;
    },
  );
}

/** A level's name as the programme gives it; its code when the programme has no such level. */
export function levelName(levels: LevelNames, code: string, locale: Locale): string {
  const level = levels.find((candidate) => candidate.code === code);
  return level ? pick(level.name, locale) : code;
}

/** Whole kroner as Norwegians write them ("217 000 000"); a dash for none. */
export function kroner(value: number | null | undefined, locale: Locale): string {
  return value === null || value === undefined ? '–' : formatNumber(value, locale);
}

/** The reasons of a 422 a loader got from a hand-edited URL, to show on the page instead of an error page. */
export function reasonsOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const reasons = error.problem.errors?.map((e) => `${e.path.slice(1).join('.')}: ${e.message}`) ?? [];
  return reasons.join('; ') || error.message;
}
