import type { LevelCode } from '../levels';
import type { AddLevelBody, SetUpProgrammeBody, UpdateLevelBody } from '../programme.contract';

// The set-up page's forms as the API's request bodies. Inputs are named by their row's key
// (`operator-3-orgnr`), so the body follows the rows' order whatever was added or removed.

const text = (fields: FormData, name: string) => String(fields.get(name) ?? '').trim();

/** A number field: empty stays out of the body, so the API keeps the value or says it is needed. */
function number(fields: FormData, name: string): number | undefined {
  const value = text(fields, name);
  return value === '' ? undefined : Number(value);
}

export const operatorField = (key: number, field: string) => `operator-${key}-${field}`;
export const brandField = (key: number, field: string) => `brand-${key}-${field}`;

function pressContactFrom(fields: FormData, key: number) {
  const name = text(fields, operatorField(key, 'contactName'));
  const email = text(fields, operatorField(key, 'contactEmail'));
  const phone = text(fields, operatorField(key, 'contactPhone'));
  // A row with no press contact at all has none; a half-filled one goes to the API to be refused.
  if (!name && !email && !phone) return null;
  return { name, email, phone: phone || null };
}

export function programmeBodyFrom(
  fields: FormData,
  rows: { operators: readonly number[]; brands: readonly number[] | undefined },
): SetUpProgrammeBody {
  return {
    name: { nb: text(fields, 'nameNb'), en: text(fields, 'nameEn') },
    description: { nb: text(fields, 'descriptionNb'), en: text(fields, 'descriptionEn') },
    operatingAidCapYears: number(fields, 'operatingAidCapYears'),
    operatorOrganisations: rows.operators.map((key) => ({
      orgnr: text(fields, operatorField(key, 'orgnr')),
      name: text(fields, operatorField(key, 'name')),
      pressContact: pressContactFrom(fields, key),
    })),
    // Without levels the form offers no brands, and the programme keeps those it has.
    ...(rows.brands
      ? {
          brands: rows.brands.map((key) => ({
            code: text(fields, brandField(key, 'code')),
            name: {
              nb: text(fields, brandField(key, 'nameNb')),
              en: text(fields, brandField(key, 'nameEn')),
            },
            duringLevel: text(fields, brandField(key, 'duringLevel')) as LevelCode,
            fromYear: number(fields, brandField(key, 'fromYear')) ?? Number.NaN,
          })),
        }
      : {}),
  };
}

/** A level's form: every field, for a change (the API records only what differs) or a new level. */
export function levelBodyFrom(fields: FormData): Required<UpdateLevelBody> {
  const openTo = number(fields, 'openToYear');
  return {
    name: { nb: text(fields, 'nameNb'), en: text(fields, 'nameEn') },
    description: { nb: text(fields, 'descriptionNb'), en: text(fields, 'descriptionEn') },
    durationYears: number(fields, 'durationYears') ?? Number.NaN,
    extensionYears: number(fields, 'extensionYears') ?? 0,
    openFromYear: number(fields, 'openFromYear') ?? Number.NaN,
    openToYear: openTo ?? null,
    funded: fields.get('funded') === 'on',
    operatingAid: fields.get('operatingAid') === 'on',
  };
}

export function newLevelBodyFrom(fields: FormData): AddLevelBody {
  return { code: text(fields, 'code') as LevelCode, ...levelBodyFrom(fields) };
}
