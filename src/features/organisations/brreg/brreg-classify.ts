import { findCounty } from '../../../shared/counties';
import { sectionOfNace } from '../../../shared/sectors';
import { type ActorType, LARGE_COMPANY_EMPLOYEES } from '../actor-type';
import { parseCsvText } from './brreg-csv';
import type { RegisterRecord } from './brreg-record';

// ---------------------------------------------------------------------------------------------
// Actor type
// ---------------------------------------------------------------------------------------------

/**
 * National bodies of the public innovation system (virkemiddelapparatet) whose register entries
 * alone do not say what they are: Innovasjon Norge is a særlovsselskap, Forskningsrådet a state
 * agency that funds. Siva SF belongs here as well once its organisation number has been checked.
 */
export const PUBLIC_DEVELOPMENT_BODIES: ReadonlyMap<string, string> = new Map([
  ['986399445', 'Innovasjon Norge'],
  ['970141669', 'Norges forskningsråd'],
]);

/** Organisation forms of the state, counties and municipalities themselves and their units. */
const PUBLIC_BODY_FORMS = new Set(['STAT', 'FYLK', 'KOMM', 'ORGL']);

/** Enterprises owned by the state (SF, SÆR) or by municipalities and counties (KF, FKF, IKS). */
const PUBLIC_ENTERPRISE_FORMS = new Set(['SF', 'SÆR', 'KF', 'FKF', 'IKS']);

/** Forms that sell in a market: sole proprietors, partnerships, companies, cooperatives, branches. */
const BUSINESS_FORMS = new Set(['ENK', 'ANS', 'DA', 'KS', 'AS', 'ASA', 'NUF', 'SA', 'BA', 'BEDR']);

/** Institutional sectors (SSB's sektorkode): general government, and publicly owned companies. */
const GOVERNMENT_SECTORS = new Set(['6100', '6500']);
const PUBLICLY_OWNED_COMPANY_SECTORS = new Set(['1110', '1120', '1510', '1520']);
/**
 * Norges Bank, banks, and insurers and pension funds. 4900 ("other financial corporations") is
 * left out on purpose: holding companies of ordinary groups are filed there too.
 */
const FINANCIAL_SECTORS = new Set(['3100', '3200', '5500', '5700']);

type Facts = {
  orgnr: string;
  form: string | null;
  /** The primary industry code (naeringskode1), e.g. "72.190". */
  nace: string | null;
  sector: string | null;
};

/** What a rule decides: an actor type, or "a company", which is then split by size. */
type Verdict = ActorType | 'company';

export type ActorTypeRule = { id: string; reason: string; verdict: Verdict; applies(facts: Facts): boolean };

/** True when the code lies under one of the prefixes: '72' covers 72.110, '85.4' covers 85.421. */
function naceUnder(facts: Facts, ...prefixes: string[]): boolean {
  const { nace } = facts;
  return nace !== null && prefixes.some((prefix) => nace.startsWith(prefix));
}

/** Divisions 01–82 (sections A–N): goods and services sold in markets, not public service. */
function inMarketIndustry(facts: Facts): boolean {
  const division = facts.nace === null ? Number.NaN : Number.parseInt(facts.nace.slice(0, 2), 10);
  return division >= 1 && division <= 82;
}

const is = (set: ReadonlySet<string>, value: string | null) => value !== null && set.has(value);

/**
 * The rules, in order; the first that applies decides. They read the primary industry code
 * (SN2007, whose divisions and groups used here are unchanged in SN2025), the organisation form
 * and the institutional sector code. Activity comes before ownership: a state university is
 * education and a public research institute is research, though both are state bodies.
 */
export const ACTOR_TYPE_RULES: readonly ActorTypeRule[] = [
  {
    id: 'public-development-body',
    reason: 'a national body of the public innovation system',
    verdict: 'public_development',
    applies: (f) => PUBLIC_DEVELOPMENT_BODIES.has(f.orgnr),
  },
  {
    id: 'research',
    reason: 'research and development is its main activity (NACE 72)',
    verdict: 'research',
    applies: (f) => naceUnder(f, '72'),
  },
  {
    id: 'higher-education',
    reason: 'a university, university college or vocational college (NACE 85.4)',
    verdict: 'education',
    applies: (f) => naceUnder(f, '85.4'),
  },
  {
    id: 'school',
    reason: 'a pre-primary, primary or secondary school (NACE 85.1–85.3)',
    verdict: 'education',
    applies: (f) => naceUnder(f, '85.1', '85.2', '85.3'),
  },
  {
    id: 'course-business',
    reason: 'courses or tutoring sold by a business (NACE 85.5–85.6 in a business form)',
    verdict: 'company',
    applies: (f) => naceUnder(f, '85.5', '85.6') && is(BUSINESS_FORMS, f.form),
  },
  {
    id: 'other-education',
    reason: 'other education run by a public body, foundation or association (NACE 85.5–85.6)',
    verdict: 'education',
    applies: (f) => naceUnder(f, '85'),
  },
  {
    id: 'public-administration',
    reason: 'public administration (NACE 84)',
    verdict: 'public_development',
    applies: (f) => naceUnder(f, '84'),
  },
  {
    id: 'bank',
    reason: 'a bank (NACE 64.1, or the savings-bank form SPA)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '64.1') || f.form === 'SPA',
  },
  {
    id: 'financial-holding',
    reason: 'the holding company of a financial group (NACE 64.201)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '64.201'),
  },
  {
    id: 'holding-company',
    reason: 'a holding company, counted with the companies (NACE 64.2)',
    verdict: 'company',
    applies: (f) => naceUnder(f, '64.2'),
  },
  {
    id: 'investor-or-lender',
    reason: 'a fund, investment company, lender or financial service (NACE 64.3, 64.9, 66)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '64.3', '64.9', '66'),
  },
  {
    id: 'insurance',
    reason: 'an insurer or pension fund (NACE 65)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '65'),
  },
  {
    id: 'grant-foundation',
    reason: 'a foundation that gives grants (NACE 94.992)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '94.992'),
  },
  {
    id: 'financial-sector',
    reason: 'filed in the central bank, bank or insurance sector (sector 3100, 3200, 5500, 5700)',
    verdict: 'financier',
    applies: (f) => is(FINANCIAL_SECTORS, f.sector),
  },
  {
    id: 'public-development-company',
    reason:
      'a publicly owned company that advises businesses, such as a municipal development company (NACE 70.22)',
    verdict: 'public_development',
    applies: (f) =>
      naceUnder(f, '70.22') &&
      (is(PUBLICLY_OWNED_COMPANY_SECTORS, f.sector) || is(PUBLIC_ENTERPRISE_FORMS, f.form)),
  },
  {
    id: 'public-enterprise-in-market',
    reason: 'a state or municipal enterprise that sells in a market (SF, SÆR, KF, FKF, IKS in NACE 01–82)',
    verdict: 'company',
    applies: (f) =>
      is(PUBLIC_ENTERPRISE_FORMS, f.form) && inMarketIndustry(f) && !is(GOVERNMENT_SECTORS, f.sector),
  },
  {
    id: 'public-body',
    reason: 'a state, county or municipal body or enterprise (STAT, FYLK, KOMM, ORGL, SF, SÆR, KF, FKF, IKS)',
    verdict: 'public_development',
    applies: (f) => is(PUBLIC_BODY_FORMS, f.form) || is(PUBLIC_ENTERPRISE_FORMS, f.form),
  },
  {
    id: 'government-sector',
    reason: 'filed in the general government sector (sector 6100 state, 6500 municipal)',
    verdict: 'public_development',
    applies: (f) => is(GOVERNMENT_SECTORS, f.sector),
  },
  {
    id: 'interest-organisation',
    reason: 'a business, employer, trade-union or other membership organisation (NACE 94)',
    verdict: 'interest_organisation',
    applies: (f) => naceUnder(f, '94'),
  },
  {
    id: 'company',
    reason: 'no other rule applies, so it is a company',
    verdict: 'company',
    applies: () => true,
  },
];

export type ActorTypeExplanation = {
  actorType: ActorType;
  /** Why, in a sentence an import report can show. */
  rule: string;
  /** The id of the rule in ACTOR_TYPE_RULES that decided. */
  ruleId: string;
};

/**
 * Classifies a unit and says why. An underenhet has neither organisation form nor sector of its
 * own worth the name (BEDR, AAFY), so only its industry code speaks; classify its enhet instead
 * where the import has it.
 */
export function explainActorType(record: RegisterRecord): ActorTypeExplanation {
  const facts: Facts = {
    orgnr: record.orgnr,
    form: record.organisationForm,
    nace: record.naceCodes[0]?.code ?? null,
    sector: record.institutionalSectorCode,
  };
  const rule = ACTOR_TYPE_RULES.find((candidate) => candidate.applies(facts))!;
  if (rule.verdict !== 'company') return { actorType: rule.verdict, rule: rule.reason, ruleId: rule.id };
  // Companies split at the EU's SME line; with no count in the register the smaller class is the likelier.
  const { employees } = record;
  if (employees === null) {
    return {
      actorType: 'sme',
      rule: `${rule.reason}; no employee count is registered, so an SME`,
      ruleId: rule.id,
    };
  }
  const large = employees >= LARGE_COMPANY_EMPLOYEES;
  const size = large
    ? `${employees} employees, ${LARGE_COMPANY_EMPLOYEES} or more: a large company`
    : `${employees} employees, fewer than ${LARGE_COMPANY_EMPLOYEES}: an SME`;
  return { actorType: large ? 'large_company' : 'sme', rule: `${rule.reason}; ${size}`, ruleId: rule.id };
}

export function deriveActorType(record: RegisterRecord): ActorType {
  return explainActorType(record).actorType;
}

// ---------------------------------------------------------------------------------------------
// Industry
// ---------------------------------------------------------------------------------------------

/** '62.010' → { section: 'J', division: '62' }; null for '00.000' (unknown) and unused divisions. */
export function sectionAndDivision(code: string): { section: string; division: string } | null {
  if (!/^\d{2}(\.\d{1,3})?$/.test(code)) return null;
  const section = sectionOfNace(code);
  return section ? { section: section.code, division: code.slice(0, 2) } : null;
}

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
 * The 2020–2023 counties 30 Viken, 38 Vestfold og Telemark and 54 Troms og Finnmark were split in
 * 2024, so a number under them gives no county without the reference; nor does 21 (Svalbard).
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
  // Older numbers (before 2020) cannot be renumbered without their history, so they stay as given.
  return { municipalityNumber: number, countyCode: countyWithoutReference(number), known: false };
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
