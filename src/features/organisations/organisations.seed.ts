import type { Db } from '../../server/db/client';
import { countyOfMunicipality } from '../../shared/counties';
import { orgnrCheckDigit } from '../../shared/orgnr';
import { norwegianSortKey } from '../../shared/sort-key';
import { organisations } from './organisations.table';

/** A valid organisation number from an eight-digit stem (skipping the stems that have none). */
export function orgnrFromNumber(n: number): string {
  for (let stem = n; ; stem++) {
    const text = String(stem).padStart(8, '0').slice(-8);
    const check = orgnrCheckDigit(text);
    if (check !== undefined) return `${text}${check}`;
  }
}

let nextStem = 80_000_000 + (process.pid % 2_000) * 5_000;
let sequence = 0;

/** Distinct valid orgnrs for factories, counting up from an 8xx… stem. */
export function nextOrgnr(): string {
  const orgnr = orgnrFromNumber(nextStem);
  nextStem = Number(orgnr.slice(0, 8)) + 1;
  sequence += 1;
  return orgnr;
}

export type OrganisationInsert = typeof organisations.$inferInsert;

export function buildOrganisation(overrides: Partial<OrganisationInsert> = {}): OrganisationInsert {
  const name = overrides.name ?? `Testbedrift ${sequence + 1} AS`;
  const municipalityNumber = overrides.municipalityNumber ?? '1833';
  return {
    orgnr: nextOrgnr(),
    organisationForm: 'AS',
    naceCodes: ['24.420'],
    employees: 25,
    actorType: 'sme',
    countyCode: countyOfMunicipality(municipalityNumber) ?? null,
    ...overrides,
    name,
    municipalityNumber,
    nameSortKey: norwegianSortKey(name),
  };
}

export async function createOrganisation(db: Db, overrides: Partial<OrganisationInsert> = {}) {
  const [row] = await db.insert(organisations).values(buildOrganisation(overrides)).returning();
  return row!;
}
