import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../shared/csv';
import { referenceFile } from '../../testing/reference-data';
import { parseMunicipalityReference, parseSn2007, resolveMunicipality } from './reference-files';

const readShared = (name: string) => readFileSync(referenceFile(name), 'utf8');

const municipalitiesCsv = readShared('municipalities.csv');
const changesCsv = readShared('municipality-changes-2024.csv');
const sn2007Csv = readShared('sn2007.csv');
const reference = parseMunicipalityReference(municipalitiesCsv, changesCsv);

describe('municipality to 2024 county without a reference', () => {
  const cases: [string, string | null][] = [
    ['0301', '03'],
    ['4601', '46'],
    ['5001', '50'], // Trøndelag numbering since 2018
    ['3101', '31'],
    ['2022', '56'], // Lebesby, Finnmark before 2020
    ['1223', '46'], // Tysnes, Hordaland before 2020
    ['0625', '33'], // Nedre Eiker, Buskerud before 2020
    ['0219', '32'], // Bærum, Akershus before 2020
    ['0532', '32'], // Jevnaker left Oppland for Viken, then Akershus
    ['0711', '33'], // Svelvik left Vestfold for Drammen
    ['0627', '32'], // Røyken joined Asker
    ['1444', '15'], // Hornindal joined Volda
    ['1571', '50'], // Halsa joined Heim
    ['1567', '50'], // Rindal
    ['1852', '55'], // Tjeldsund
    ['0403', '34'], // Hamar
    ['1902', '55'], // Tromsø before 2020
    ['2100', null], // Svalbard is in no county
  ];

  for (const [number, county] of cases) {
    it(`puts ${number} in county ${county ?? 'none'}, keeping the number and marking it unknown`, () => {
      expect(resolveMunicipality(number)).toEqual({
        municipalityNumber: number,
        countyCode: county,
        known: false,
      });
    });
  }

  // The counties split in 2024 renumbered their municipalities: the renumbering ships with Klynge.
  const renumbered: [string, string, string][] = [
    ['3005', '3301', '33'], // Drammen, Viken → Buskerud
    ['3024', '3201', '32'], // Bærum, Viken → Akershus
    ['3004', '3107', '31'], // Fredrikstad, Viken → Østfold
    ['3801', '3901', '39'], // Horten, Vestfold og Telemark → Vestfold
    ['3807', '4003', '40'], // Skien, Vestfold og Telemark → Telemark
    ['5401', '5501', '55'], // Tromsø, Troms og Finnmark → Troms
    ['5436', '5622', '56'], // Porsanger, Troms og Finnmark → Finnmark
  ];
  for (const [number, current, county] of renumbered) {
    it(`renumbers ${number} to ${current} in county ${county} with no reference data loaded`, () => {
      expect(resolveMunicipality(number)).toEqual({
        municipalityNumber: current,
        countyCode: county,
        known: false,
      });
    });
  }

  it('knows every renumbering of the 2024 change list without it', () => {
    const rows = parseCsvText(changesCsv).rows.map((r) => r.fields);
    for (const [from, , to, , change] of rows) {
      if (!change?.startsWith('renumbered')) continue;
      expect(resolveMunicipality(from!).municipalityNumber, from).toBe(to);
      expect(resolveMunicipality(from!).countyCode, from).toBe(to!.slice(0, 2));
    }
  });

  it('gives nothing for a missing or malformed number', () => {
    expect(resolveMunicipality(null)).toEqual({ municipalityNumber: null, countyCode: null, known: false });
    expect(resolveMunicipality('301')).toEqual({ municipalityNumber: '301', countyCode: null, known: false });
  });
});

describe('municipality reference', () => {
  const changeRows = parseCsvText(changesCsv).rows.map((r) => r.fields);

  it('reads the 357 municipalities of 2024', () => {
    expect(reference.municipalities.size).toBe(357);
    expect(reference.municipalities.get('5501')).toEqual({ name: 'Tromsø', countyCode: '55' });
  });

  it('maps every one of the 357 rows of the 2024 change list to a municipality of 2024', () => {
    expect(changeRows).toHaveLength(357);
    for (const [from, , to] of changeRows) {
      const resolved = resolveMunicipality(from!, reference);
      expect(resolved.known, from).toBe(true);
      expect(reference.municipalities.has(resolved.municipalityNumber!)).toBe(true);
      if (from !== '1507') expect(resolved.municipalityNumber).toBe(to);
    }
  });

  it('renumbers Tromsø 5401 to 5501 in Troms', () => {
    expect(resolveMunicipality('5401', reference)).toEqual({
      municipalityNumber: '5501',
      countyCode: '55',
      known: true,
    });
  });

  it('continues Ålesund 1507 as the successor that keeps its name', () => {
    const successors = changeRows.filter(([from]) => from === '1507');
    expect(successors.length).toBeGreaterThan(1);
    const namesake = successors.find(([, oldName, , newName]) => oldName === newName)!;
    expect(resolveMunicipality('1507', reference)).toEqual({
      municipalityNumber: namesake[2],
      countyCode: '15',
      known: true,
    });
  });

  it('leaves numbers the reference does not know, placing them by the fallback', () => {
    expect(resolveMunicipality('2022', reference)).toEqual({
      municipalityNumber: '2022',
      countyCode: '56',
      known: false,
    });
    expect(resolveMunicipality('9999', reference)).toEqual({
      municipalityNumber: '9999',
      countyCode: null,
      known: false,
    });
  });

  it('works from the municipality list alone', () => {
    const listOnly = parseMunicipalityReference(municipalitiesCsv);
    expect(listOnly.renumbered.size).toBe(0);
    expect(resolveMunicipality('4616', listOnly)).toEqual({
      municipalityNumber: '4616',
      countyCode: '46',
      known: true,
    });
  });

  it('refuses a file that is not a municipality list, naming the missing column', () => {
    expect(() => parseMunicipalityReference(sn2007Csv)).toThrow(
      /The municipality list has no column 'municipality_number'; its header is: code, level,/,
    );
    expect(() => parseMunicipalityReference(municipalitiesCsv, municipalitiesCsv)).toThrow(
      /The municipality change list has no column 'number_2020_2023'/,
    );
    expect(() => parseMunicipalityReference('')).toThrow(/The municipality list is empty/);
  });

  it('refuses a change list that points at a municipality missing from the list', () => {
    const changes =
      'number_2020_2023,name_2020_2023,number_2024,name_2024,change\n5401,Tromsø,5599,Tromsø,renumbered\n';
    expect(() => parseMunicipalityReference(municipalitiesCsv, changes)).toThrow(
      "The municipality change list, line 2: number_2024 '5599' is not in the municipality list.",
    );
  });
});

describe('SN2007', () => {
  const sn2007 = parseSn2007(sn2007Csv);

  it('reads all 1,811 codes of the reference file', () => {
    expect(sn2007.size).toBe(1811);
    expect([...sn2007.values()].filter((c) => c.level === 5)).toHaveLength(820);
  });

  it('reads a subclass, a division and a section', () => {
    expect(sn2007.get('62.010')).toEqual({
      level: 5,
      parent: '62.01',
      section: 'J',
      nameNb: 'Programmeringstjenester',
      nameEn: null,
    });
    expect(sn2007.get('62')).toMatchObject({
      level: 2,
      parent: 'J',
      section: 'J',
      nameEn: 'Computer programming, consultancy and related activities',
    });
    expect(sn2007.get('A')).toMatchObject({
      level: 1,
      parent: null,
      section: 'A',
      nameNb: 'Jordbruk, skogbruk og fiske',
    });
  });

  it('reads SSB Klass’s own semicolon export, finding sections through the parents', () => {
    const klass = [
      '"code";"parentCode";"level";"name";"shortName";"presentationName";"validFrom";"validTo";"notes"',
      '"J";"";"1";"Informasjon og kommunikasjon";"Informasjon og kommunikasjon";"J - Informasjon og kommunikasjon";"";"";""',
      '"62";"J";"2";"Tjenester tilknyttet informasjonsteknologi";"IT-tjenester";"";"";"";""',
      '"62.0";"62";"3";"Tjenester tilknyttet informasjonsteknologi";"IT-tjenester";"";"";"";""',
      '"62.01";"62.0";"4";"Programmeringstjenester";"Programmeringstjenester";"";"";"";""',
      '"62.010";"62.01";"5";"Programmeringstjenester";"Programmeringstjenester";"";"";"";"Omfatter; bl.a. ""koding"""',
    ].join('\r\n');
    const codes = parseSn2007(`\uFEFF${klass}`);
    expect(codes.size).toBe(5);
    expect(codes.get('62.010')).toEqual({
      level: 5,
      parent: '62.01',
      section: 'J',
      nameNb: 'Programmeringstjenester',
      nameEn: null,
    });
  });

  it('refuses a file that is not SN2007, naming the missing column', () => {
    expect(() => parseSn2007(municipalitiesCsv)).toThrow(/The SN2007 file has no column 'code'/);
    expect(() => parseSn2007('code,level,parent_code,name\nA,1,,Jordbruk\n')).toThrow(
      /The SN2007 file has no column 'name_nb'/,
    );
    expect(() => parseSn2007('"code";"parentCode";"level"\n"A";"";"1"\n')).toThrow(
      /The SSB Klass SN2007 export has no column 'name'/,
    );
  });

  it('refuses a Klass export whose codes do not lead up to a section', () => {
    const broken = 'code;parentCode;level;name\n62;J;2;IT-tjenester\n';
    expect(() => parseSn2007(broken)).toThrow(/SN2007 code 62 does not lead up to a section/);
  });
});
