import { type Locale, pick } from '../../../shared/localized';
import { type Api, ApiError } from '../../../web/kit/api';
import { formatNumber } from '../../../web/kit/format';
import { getProgramme, type ProgrammeView } from './api';

/** A level's name as the programme gives it; its code while the programme is not known. */
export function levelName(programme: ProgrammeView | null, code: string, locale: Locale): string {
  const level = programme?.levels.find((candidate) => candidate.code === code);
  return level ? pick(level.name, locale) : code;
}

/** The programme, for its levels' names; null before it is set up. */
export async function programmeOrNull(api: Api): Promise<ProgrammeView | null> {
  return api.call(getProgramme).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
}

/** A weighted total as people read it: "72,5 %"; a dash when there is none. */
export function formatTotal(total: number | null, locale: Locale): string {
  return total === null ? '–' : `${formatNumber(total, locale)} %`;
}
