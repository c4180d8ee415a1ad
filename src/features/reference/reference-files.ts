import { findCounty } from '../../shared/counties';
import { parseCsvText } from '../../shared/csv';
import { RENUMBERED_2024 } from './renumbering-2024';

// ---------------------------------------------------------------------------------------------
// Municipality → county (2024)
// ---------------------------------------------------------------------------------------------

export type MunicipalityReference = {
  municipalities: Map<string, { name: string; countyCode: string }>;
  /** A 2020–2023 municipality number → the 2024 number that continues it. */
  renumbered: Map<string, string>;
};

export type ResolvedMunicipality = {
  municipalityNumber: string | null;
  countyCode: string | null;
  /** True only when a reference lists the (possibly renumbered) number as a 2024 municipality. */
  known: boolean;
};

/**
 * Pre-2020 county numbers (the first two digits of a municipality number) whose municipalities all
 * lie in one 2024 county, apart from those in MOVED_BEFORE_2024. 03 Oslo, 11 Rogaland, 15 Møre og
 * Romsdal and 18 Nordland kept their numbers, and Trøndelag has been 50 since 2018, so those need
 * no entry: their prefix already is a 2024 county.
 */
const PRE_2020_COUNTIES: Readonly<Record<string, string>> = {
  '01': '31', // Østfold → Østfold
  '02': '32', // Akershus → Akershus
  '04': '34', // Hedmark → Innlandet
  '05': '34', // Oppland → Innlandet
  '06': '33', // Buskerud → Buskerud
  '07': '39', // Vestfold → Vestfold
  '08': '40', // Telemark → Telemark
  '09': '42', // Aust-Agder → Agder
  '10': '42', // Vest-Agder → Agder
  '12': '46', // Hordaland → Vestland
  '14': '46', // Sogn og Fjordane → Vestland
  '16': '50', // Sør-Trøndelag → Trøndelag
  '17': '50', // Nord-Trøndelag → Trøndelag
  '19': '55', // Troms → Troms
  '20': '56', // Finnmark → Finnmark
};

/** Pre-2020 municipalities that joined another county in the 2019–2020 reforms. */
const MOVED_BEFORE_2024: Readonly<Record<string, string>> = {
  '0532': '32', // Jevnaker, Oppland → Viken → Akershus
  '0533': '32', // Lunner, Oppland → Viken → Akershus
  '0627': '32', // Røyken, Buskerud → Asker → Akershus
  '0628': '32', // Hurum, Buskerud → Asker → Akershus
  '0711': '33', // Svelvik, Vestfold → Drammen → Buskerud
  '1444': '15', // Hornindal, Sogn og Fjordane → Volda, Møre og Romsdal
  '1567': '50', // Rindal, Møre og Romsdal → Trøndelag (2019)
  '1571': '50', // Halsa, Møre og Romsdal → Heim, Trøndelag
  '1852': '55', // Tjeldsund, Nordland → Troms
};

/**
 * The county of a 2024 number, or of an older one that kept its county; 21 (Svalbard) is in none.
 * Numbers of the counties split in 2024 are renumbered first (`RENUMBERED_2024`).
 */
function countyWithoutReference(municipalityNumber: string): string | null {
  const moved = MOVED_BEFORE_2024[municipalityNumber];
  if (moved) return moved;
  const prefix = municipalityNumber.slice(0, 2);
  if (findCounty(prefix)) return prefix;
  return PRE_2020_COUNTIES[prefix] ?? null;
}

export function resolveMunicipality(
  number: string | null,
  reference?: MunicipalityReference,
): ResolvedMunicipality {
  if (number === null || !/^\d{4}$/.test(number)) {
    return { municipalityNumber: number, countyCode: null, known: false };
  }
  if (reference) {
    const current = reference.renumbered.get(number) ?? number;
    const municipality = reference.municipalities.get(current);
    if (municipality)
      return { municipalityNumber: current, countyCode: municipality.countyCode, known: true };
  }
  // The 2024 renumbering ships with the code; older numbers (before 2020) cannot be renumbered
  // without their history, so they stay as given.
  const current = RENUMBERED_2024[number] ?? number;
  return { municipalityNumber: current, countyCode: countyWithoutReference(current), known: false };
}

/**
 * Reads the municipality list (municipality_number, name, county_number, …) and, optionally, the
 * 2024 change list (number_2020_2023, number_2024, …). Where a 2020–2023 municipality was split
 * (Ålesund 1507 → 1508 Ålesund and 1580 Haram) the successor keeping its name continues it.
 */
export function parseMunicipalityReference(csvText: string, changesCsvText?: string): MunicipalityReference {
  const list = readTable(csvText, 'municipality list', ['municipality_number', 'name', 'county_number']);
  const municipalities = new Map<string, { name: string; countyCode: string }>();
  for (const row of list.rows) {
    const number = row.get('municipality_number');
    const countyCode = row.get('county_number');
    if (!/^\d{4}$/.test(number)) list.fail(row, `municipality_number '${number}' is not four digits`);
    if (!/^\d{2}$/.test(countyCode)) list.fail(row, `county_number '${countyCode}' is not two digits`);
    if (municipalities.has(number)) list.fail(row, `municipality ${number} is listed twice`);
    municipalities.set(number, { name: row.get('name'), countyCode });
  }
  if (municipalities.size === 0) throw new Error('The municipality list has no rows.');

  const renumbered = new Map<string, string>();
  if (changesCsvText !== undefined) {
    const changes = readTable(changesCsvText, 'municipality change list', [
      'number_2020_2023',
      'number_2024',
    ]);
    const successors = new Map<string, { to: string; keepsName: boolean }>();
    for (const row of changes.rows) {
      const from = row.get('number_2020_2023');
      const to = row.get('number_2024');
      if (!/^\d{4}$/.test(from)) changes.fail(row, `number_2020_2023 '${from}' is not four digits`);
      if (!municipalities.has(to)) changes.fail(row, `number_2024 '${to}' is not in the municipality list`);
      const oldName = row.find('name_2020_2023');
      const keepsName = oldName !== undefined && oldName === row.find('name_2024');
      const earlier = successors.get(from);
      if (!earlier || (keepsName && !earlier.keepsName)) successors.set(from, { to, keepsName });
    }
    for (const [from, { to }] of successors) if (from !== to) renumbered.set(from, to);
  }
  return { municipalities, renumbered };
}

// ---------------------------------------------------------------------------------------------
// SN2007
// ---------------------------------------------------------------------------------------------

export type Sn2007Code = {
  level: number;
  parent: string | null;
  section: string;
  nameNb: string;
  nameEn: string | null;
};

/**
 * Reads SN2007 from the project's reference file (code, level, parent_code, section, name_nb,
 * name_en, …) or from SSB Klass's own CSV export (code;parentCode;level;name;shortName;…), told
 * apart by the header. Klass has no section column, so the section is found through the parents.
 */
export function parseSn2007(csvText: string): Map<string, Sn2007Code> {
  const table = parseCsvText(csvText);
  const isKlass = table.header.includes('parentCode');
  const source = isKlass ? 'SSB Klass SN2007 export' : 'SN2007 file';
  const parentColumn = isKlass ? 'parentCode' : 'parent_code';
  const nameColumn = isKlass ? 'name' : 'name_nb';
  const reader = readTable(csvText, source, ['code', 'level', parentColumn, nameColumn], table);
  const hasSection = !isKlass && table.header.includes('section');
  const codes = new Map<string, Sn2007Code>();
  for (const row of reader.rows) {
    const code = row.get('code');
    const level = Number(row.get('level'));
    if (code === '') reader.fail(row, 'the code is empty');
    if (!Number.isInteger(level) || level < 1 || level > 5) {
      reader.fail(row, `level '${row.get('level')}' is not 1 to 5`);
    }
    if (codes.has(code)) reader.fail(row, `code ${code} is listed twice`);
    const parent = row.get(parentColumn);
    const nameEn = isKlass ? '' : (row.find('name_en') ?? '');
    codes.set(code, {
      level,
      parent: parent === '' ? null : parent,
      section: hasSection ? row.get('section') : '',
      nameNb: row.get(nameColumn),
      nameEn: nameEn === '' ? null : nameEn,
    });
  }
  if (codes.size === 0) throw new Error(`The ${source} has no rows.`);
  if (!hasSection) {
    for (const [code, entry] of codes) entry.section = sectionThroughParents(codes, code);
  }
  return codes;
}

function sectionThroughParents(codes: Map<string, Sn2007Code>, code: string): string {
  let current = code;
  for (let steps = 0; steps < 6; steps++) {
    const entry = codes.get(current);
    if (!entry) break;
    if (entry.level === 1) return current;
    if (entry.parent === null) break;
    current = entry.parent;
  }
  throw new Error(`SN2007 code ${code} does not lead up to a section through its parents.`);
}

// ---------------------------------------------------------------------------------------------
// Reference CSV reading
// ---------------------------------------------------------------------------------------------

type TableRow = { line: number; get(column: string): string; find(column: string): string | undefined };

function readTable(
  csvText: string,
  what: string,
  required: string[],
  parsed = parseCsvText(csvText),
): { rows: TableRow[]; fail(row: TableRow, problem: string): never } {
  const { header } = parsed;
  if (header.length === 0) throw new Error(`The ${what} is empty.`);
  for (const column of required) {
    if (!header.includes(column)) {
      throw new Error(
        `The ${what} has no column '${column}'; its header is: ${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''}.`,
      );
    }
  }
  const position = new Map(header.map((name, i) => [name, i]));
  const fail = (row: TableRow, problem: string): never => {
    throw new Error(`The ${what}, line ${row.line}: ${problem}.`);
  };
  const rows = parsed.rows.map((csvRow): TableRow => {
    if (csvRow.fields.length !== header.length) {
      throw new Error(
        `The ${what}, line ${csvRow.line}: ${csvRow.fields.length} fields, but the header has ${header.length}.`,
      );
    }
    const find = (column: string) => {
      const at = position.get(column);
      return at === undefined ? undefined : csvRow.fields[at]!.trim();
    };
    return { line: csvRow.line, find, get: (column) => find(column) ?? '' };
  });
  return { rows, fail };
}
