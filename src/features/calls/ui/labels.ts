import { type Locale, pick } from '../../../shared/localized';
import type { ProgrammeView } from './api';

/** A level's name as the programme gives it; its code while the programme is not known. */
export function levelName(programme: ProgrammeView | null, code: string, locale: Locale): string {
  const level = programme?.levels.find((candidate) => candidate.code === code);
  return level ? pick(level.name, locale) : code;
}
