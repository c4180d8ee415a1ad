import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../shared/csv';
import { referenceFile } from '../../../testing/reference-data';
import { type ParseResult, parseCsvRecord, parseJsonRecord, type RegisterRecord } from './brreg-record';

type SampleEntry = Record<string, unknown> & { _kind: 'enhet' | 'underenhet' };
const samples = JSON.parse(
  readFileSync(referenceFile('enhetsregisteret-sample.json'), 'utf8'),
) as SampleEntry[];
const equinorJson = samples[0]!;

function parsed(result: ParseResult): RegisterRecord {
  if (!result.ok) throw new Error(`expected a record, got: ${result.reason}`);
  return result.record;
}

function reasonOf(result: ParseResult): string {
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.reason;
}

/** A minimal valid enhet, to vary one field at a time. */
function enhet(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { organisasjonsnummer: '923609016', navn: 'EQUINOR ASA', ...fields };
}

describe('parsing register JSON', () => {
  it('reads every one of the 19 real sample records', () => {
    expect(samples).toHaveLength(19);
    for (const sample of samples) {
      const result = parseJsonRecord(sample, sample._kind);
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });

  it('normalises the full Equinor entry field by field', () => {
    expect(parsed(parseJsonRecord(equinorJson, 'enhet'))).toEqual({
      orgnr: '923609016',
      kind: 'enhet',
      name: 'EQUINOR ASA',
      organisationForm: 'ASA',
      organisationFormName: 'Allmennaksjeselskap',
      naceCodes: [
        { code: '06.100', description: 'Utvinning av råolje' },
        { code: '06.200', description: 'Utvinning av naturgass' },
        {
          code: '19.200',
          description: 'Produksjon av raffinerte petroleumsprodukter og fossile brenselsprodukter',
        },
      ],
      employees: 21408,
      municipalityNumber: '1103',
      municipalityName: 'STAVANGER',
      postalCode: '4035',
      postalPlace: 'STAVANGER',
      institutionalSectorCode: '1120',
      institutionalSectorName: 'Statlig eide aksjeselskaper mv.',
      foundedOn: '1972-09-18',
      registeredOn: '1995-03-12',
      website: 'www.equinor.com',
      bankrupt: false,
      underLiquidation: false,
      underForcedLiquidation: false,
      deletedOn: null,
      parentOrgnr: null,
    } satisfies RegisterRecord);
  });

  it('reads an underenhet from its beliggenhetsadresse, with its parent and start date', () => {
    const tysnes = parsed(
      parseJsonRecord(
        samples.find((s) => s.organisasjonsnummer === '981452607'),
        'underenhet',
      ),
    );
    expect(tysnes).toMatchObject({
      kind: 'underenhet',
      organisationForm: 'BEDR',
      municipalityNumber: '1223',
      municipalityName: 'TYSNES',
      postalCode: '5680',
      parentOrgnr: '981442075',
      foundedOn: '2000-02-01',
      employees: 4,
    });
  });

  it('says exactly what is wrong with a bad organisation number', () => {
    const result = parseJsonRecord(enhet({ organisasjonsnummer: '923609017' }), 'enhet');
    expect(result).toEqual({
      ok: false,
      orgnr: '923609017',
      reason:
        'organisasjonsnummer 923609017: the check digit is wrong: with these first eight digits the last digit must be 6.',
    });
    expect(reasonOf(parseJsonRecord(enhet({ organisasjonsnummer: '12345' }), 'enhet'))).toBe(
      'organisasjonsnummer 12345: an organisation number has exactly nine digits.',
    );
    expect(parseJsonRecord(enhet({ organisasjonsnummer: '  ' }), 'enhet')).toEqual({
      ok: false,
      orgnr: null,
      reason: 'organisasjonsnummer is missing',
    });
  });

  it('rejects a record without a name, keeping its orgnr for the report', () => {
    expect(parseJsonRecord(enhet({ navn: ' ' }), 'enhet')).toEqual({
      ok: false,
      orgnr: '923609016',
      reason: 'navn is missing',
    });
  });

  it('rejects impossible dates and counts with the value that was given', () => {
    expect(reasonOf(parseJsonRecord(enhet({ stiftelsesdato: '2023-02-30' }), 'enhet'))).toBe(
      "stiftelsesdato is not a date: '2023-02-30' (expected YYYY-MM-DD)",
    );
    expect(reasonOf(parseJsonRecord(enhet({ slettedato: '01.02.2023' }), 'enhet'))).toMatch(
      /^slettedato is not a date: '01.02.2023'/,
    );
    expect(
      reasonOf(parseJsonRecord(enhet({ registreringsdatoEnhetsregisteret: '2023-13-01' }), 'enhet')),
    ).toBe("registreringsdatoEnhetsregisteret is not a date: '2023-13-01' (expected YYYY-MM-DD)");
    expect(reasonOf(parseJsonRecord(enhet({ antallAnsatte: 2.5 }), 'enhet'))).toBe(
      'antallAnsatte is not a whole number: 2.5',
    );
    expect(reasonOf(parseJsonRecord(enhet({ antallAnsatte: -1 }), 'enhet'))).toBe(
      'antallAnsatte is not a whole number: -1',
    );
  });

  it('rejects values of the wrong shape', () => {
    expect(reasonOf(parseJsonRecord(enhet({ organisasjonsform: 'AS' }), 'enhet'))).toBe(
      'organisasjonsform is not an object',
    );
    expect(reasonOf(parseJsonRecord(enhet({ navn: 42 }), 'enhet'))).toBe('navn is not text: 42');
    expect(reasonOf(parseJsonRecord(enhet({ konkurs: 'kanskje' }), 'enhet'))).toBe(
      "konkurs is not true or false: 'kanskje'",
    );
    expect(reasonOf(parseJsonRecord(enhet({ naeringskode1: { kode: '6201' } }), 'enhet'))).toBe(
      "naeringskode1.kode is not an industry code like 62.010: '6201'",
    );
    expect(reasonOf(parseJsonRecord(enhet({ forretningsadresse: { kommunenummer: '301' } }), 'enhet'))).toBe(
      "forretningsadresse.kommunenummer is not four digits: '301'",
    );
    expect(reasonOf(parseJsonRecord(enhet({ overordnetEnhet: '981442076' }), 'enhet'))).toMatch(
      /^overordnetEnhet 981442076: the check digit is wrong/,
    );
    expect(parseJsonRecord([enhet()], 'enhet')).toEqual({
      ok: false,
      orgnr: null,
      reason: 'the entry is not a JSON object',
    });
  });

  it('trims text and treats blank values as missing', () => {
    const record = parsed(
      parseJsonRecord(
        enhet({
          organisasjonsnummer: ' 923 609 016 ',
          navn: '  EQUINOR ASA ',
          hjemmeside: '',
          organisasjonsform: { kode: ' ASA ', beskrivelse: '   ' },
          naeringskode1: { kode: '', beskrivelse: '' },
          naeringskode2: { kode: '06.200', beskrivelse: ' Utvinning av naturgass ' },
        }),
        'enhet',
      ),
    );
    expect(record).toMatchObject({
      orgnr: '923609016',
      name: 'EQUINOR ASA',
      website: null,
      organisationForm: 'ASA',
      organisationFormName: null,
      naceCodes: [{ code: '06.200', description: 'Utvinning av naturgass' }],
    });
  });

  it('counts employees only when the register vouches for the count', () => {
    const employees = (fields: Record<string, unknown>) =>
      parsed(parseJsonRecord(enhet(fields), 'enhet')).employees;
    expect(employees({ harRegistrertAntallAnsatte: true, antallAnsatte: 12 })).toBe(12);
    expect(employees({ harRegistrertAntallAnsatte: false, antallAnsatte: 12 })).toBeNull();
    expect(employees({ harRegistrertAntallAnsatte: true })).toBeNull();
    expect(employees({ antallAnsatte: 0 })).toBe(0);
    expect(employees({})).toBeNull();
  });

  it('takes the municipality from the postal address when the business address is abroad', () => {
    const record = parsed(
      parseJsonRecord(
        enhet({
          forretningsadresse: {
            land: 'Sverige',
            landkode: 'SE',
            postnummer: '111 22',
            poststed: 'STOCKHOLM',
          },
          postadresse: { postnummer: '0115', poststed: 'OSLO', kommune: 'OSLO', kommunenummer: '0301' },
        }),
        'enhet',
      ),
    );
    expect(record).toMatchObject({
      municipalityNumber: '0301',
      municipalityName: 'OSLO',
      postalCode: '0115',
      postalPlace: 'OSLO',
    });
    const abroad = parsed(
      parseJsonRecord(
        enhet({ forretningsadresse: { postnummer: '111 22', poststed: 'STOCKHOLM' } }),
        'enhet',
      ),
    );
    expect(abroad).toMatchObject({
      municipalityNumber: null,
      postalCode: '111 22',
      postalPlace: 'STOCKHOLM',
    });
  });

  it('reads bankruptcy, liquidation and deletion', () => {
    const record = parsed(
      parseJsonRecord(
        enhet({
          konkurs: true,
          underAvvikling: true,
          underTvangsavviklingEllerTvangsopplosning: true,
          slettedato: '2024-05-31',
        }),
        'enhet',
      ),
    );
    expect(record).toMatchObject({
      bankrupt: true,
      underLiquidation: true,
      underForcedLiquidation: true,
      deletedOn: '2024-05-31',
    });
  });
});

describe('parsing register CSV rows', () => {
  const columnsFile = readFileSync(referenceFile('enhetsregisteret/bulk-enheter-csv-columns.txt'), 'utf8');
  const header = parseCsvText(columnsFile).header;

  /** A row with every bulk CSV column, empty unless given. */
  function csvRow(values: Record<string, string>): Record<string, string> {
    const row: Record<string, string> = Object.fromEntries(header.map((name) => [name, '']));
    for (const [name, value] of Object.entries(values)) {
      expect(header, `the bulk CSV has a column ${name}`).toContain(name);
      row[name] = value;
    }
    return row;
  }

  it('uses the 90 columns of the real bulk CSV header', () => {
    expect(header).toHaveLength(90);
    expect(header).toContain('forretningsadresse.kommunenummer');
  });

  it('reads the same record from CSV as from the JSON of the same unit', () => {
    const row = csvRow({
      organisasjonsnummer: '923609016',
      navn: 'EQUINOR ASA',
      'organisasjonsform.kode': 'ASA',
      'organisasjonsform.beskrivelse': 'Allmennaksjeselskap',
      'naeringskode1.kode': '06.100',
      'naeringskode1.beskrivelse': 'Utvinning av råolje',
      'naeringskode2.kode': '06.200',
      'naeringskode2.beskrivelse': 'Utvinning av naturgass',
      'naeringskode3.kode': '19.200',
      'naeringskode3.beskrivelse':
        'Produksjon av raffinerte petroleumsprodukter og fossile brenselsprodukter',
      harRegistrertAntallAnsatte: 'true',
      antallAnsatte: '21408',
      hjemmeside: 'www.equinor.com',
      'postadresse.adresse': 'Postboks 8500',
      'postadresse.poststed': 'STAVANGER',
      'postadresse.postnummer': '4035',
      'postadresse.kommune': 'STAVANGER',
      'postadresse.kommunenummer': '1103',
      'forretningsadresse.adresse': 'Forusbeen 50',
      'forretningsadresse.poststed': 'STAVANGER',
      'forretningsadresse.postnummer': '4035',
      'forretningsadresse.kommune': 'STAVANGER',
      'forretningsadresse.kommunenummer': '1103',
      'institusjonellSektorkode.kode': '1120',
      'institusjonellSektorkode.beskrivelse': 'Statlig eide aksjeselskaper mv.',
      // The CSV header writes this one in lower case, unlike the JSON.
      registreringsdatoenhetsregisteret: '1995-03-12',
      stiftelsesdato: '1972-09-18',
      konkurs: 'false',
      underAvvikling: 'false',
      underTvangsavviklingEllerTvangsopplosning: 'false',
    });
    expect(parseCsvRecord(row, 'enhet')).toEqual(parseJsonRecord(equinorJson, 'enhet'));
  });

  it('reads booleans written as words and rejects other words', () => {
    const base = { organisasjonsnummer: '923609016', navn: 'EQUINOR ASA' };
    expect(parsed(parseCsvRecord(csvRow({ ...base, konkurs: 'TRUE' }), 'enhet')).bankrupt).toBe(true);
    expect(reasonOf(parseCsvRecord(csvRow({ ...base, konkurs: 'ja' }), 'enhet'))).toBe(
      "konkurs is not true or false: 'ja'",
    );
  });

  it('rejects an employee count that is not a whole number', () => {
    const row = csvRow({
      organisasjonsnummer: '923609016',
      navn: 'X',
      harRegistrertAntallAnsatte: 'true',
      antallAnsatte: 'x',
    });
    expect(reasonOf(parseCsvRecord(row, 'enhet'))).toBe("antallAnsatte is not a whole number: 'x'");
  });

  it('reads an underenhet row with beliggenhetsadresse columns', () => {
    const row = {
      organisasjonsnummer: '981452607',
      navn: 'TYSNES LAKK OG SERVICESENTER AS',
      'organisasjonsform.kode': 'BEDR',
      'beliggenhetsadresse.kommunenummer': '1223',
      'beliggenhetsadresse.kommune': 'TYSNES',
      'beliggenhetsadresse.postnummer': '5680',
      'beliggenhetsadresse.poststed': 'TYSNES',
      overordnetEnhet: '981442075',
      oppstartsdato: '2000-02-01',
      antallAnsatte: '4',
      harRegistrertAntallAnsatte: '',
    };
    expect(parsed(parseCsvRecord(row, 'underenhet'))).toMatchObject({
      municipalityNumber: '1223',
      parentOrgnr: '981442075',
      employees: 4,
      foundedOn: '2000-02-01',
    });
  });
});
