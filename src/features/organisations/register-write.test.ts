import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceFile } from '../../testing/reference-data';
import { parseJsonRecord } from './brreg/brreg-record';
import { prepareRecord, type RegisterColumns, toRegisterColumns } from './register-write';

const SAMPLE = referenceFile('enhetsregisteret/bulk-enheter-lastned-sample.json');

/** PROFINOVA AS from the real bulk sample, normalised as the import writes it. */
function profinova(): RegisterColumns {
  const records = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>[];
  const parsed = parseJsonRecord(
    records.find((r) => r.organisasjonsnummer === '899177932'),
    'enhet',
  );
  if (!parsed.ok) throw new Error(parsed.reason);
  return toRegisterColumns(parsed.record);
}

/** A different value of the same kind, so the columns still fit their SQL types. */
function changed(value: RegisterColumns[keyof RegisterColumns]): RegisterColumns[keyof RegisterColumns] {
  if (value === null) return '2001-01-01';
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  if (Array.isArray(value)) return [...value, '01.110'];
  return `${value}1`;
}

describe('preparing a register record for writing', () => {
  it('gives the same facts the same hash, however often they are read', () => {
    expect(prepareRecord(profinova()).hash).toBe(prepareRecord(profinova()).hash);
  });

  it('keeps the hash earlier imports stored, so an unchanged organisation is not written again', () => {
    expect(prepareRecord(profinova()).hash).toBe('C6IRmFlNSzkdJgRsaT2fnShyf6U');
  });

  it('changes the hash when any register column changes', () => {
    const columns = profinova();
    const before = prepareRecord(columns).hash;
    const unnoticed = (Object.keys(columns) as (keyof RegisterColumns)[]).filter(
      (key) => prepareRecord({ ...columns, [key]: changed(columns[key]) }).hash === before,
    );
    expect(Object.keys(columns)).toHaveLength(24);
    expect(unnoticed).toEqual([]);
  });

  it('tells a value from a missing one and keeps array items apart', () => {
    const columns = profinova();
    const hashOf = (change: Partial<RegisterColumns>) => prepareRecord({ ...columns, ...change }).hash;
    expect(hashOf({ website: null })).not.toBe(hashOf({ website: '' }));
    expect(hashOf({ naceCodes: ['62.010', '62.020'] })).not.toBe(hashOf({ naceCodes: ['62.010,62.020'] }));
  });

  it('sends exactly the text it hashed', () => {
    const columns = { ...profinova(), name: 'KVOTE "Æ" \\ AS 🚀' };
    const prepared = prepareRecord(columns);
    expect(JSON.parse(prepared.json)).toEqual(columns);
    expect(prepareRecord(JSON.parse(prepared.json) as RegisterColumns).hash).toBe(prepared.hash);
  });
});

describe('a register record in a county split in 2024, with no reference data loaded', () => {
  const records = () => JSON.parse(readFileSync(SAMPLE, 'utf8')) as Record<string, unknown>[];
  const columnsOf = (record: Record<string, unknown> | undefined) => {
    const parsed = parseJsonRecord(record, 'enhet');
    if (!parsed.ok) throw new Error(parsed.reason);
    return toRegisterColumns(parsed.record);
  };

  it('puts a pre-2020 number of Finnmark (LEBESBY BYGDELAG, 2022) in Finnmark', () => {
    const lebesby = columnsOf(records().find((r) => r.organisasjonsnummer === '899177312'));
    expect(lebesby).toMatchObject({ municipalityNumber: '2022', countyCode: '56' });
  });

  it('renumbers a 2020–2023 number of Troms og Finnmark and of Viken to 2024, in the right county', () => {
    for (const [old, current, county] of [
      ['5401', '5501', '55'],
      ['3024', '3201', '32'],
    ] as const) {
      const record = records().find((r) => r.organisasjonsnummer === '899177932')!;
      const address = { ...(record.forretningsadresse as object), kommunenummer: old };
      expect(columnsOf({ ...record, forretningsadresse: address })).toMatchObject({
        municipalityNumber: current,
        countyCode: county,
      });
    }
  });
});
