import { isIsoDate } from '../../../shared/dates';
import { checkOrgnr } from '../../../shared/orgnr';

/**
 * One unit from Enhetsregisteret (an enhet, or an underenhet such as a branch or workplace),
 * normalised from either the JSON shape (API responses and the bulk "lastned" download) or the
 * bulk CSV download, whose columns are the JSON paths written with dots.
 */
export type RegisterKind = 'enhet' | 'underenhet';

export type RegisterRecord = {
  orgnr: string;
  kind: RegisterKind;
  name: string;
  organisationForm: string | null;
  organisationFormName: string | null;
  /** naeringskode1..3 in the register's order, skipping empty ones. */
  naceCodes: { code: string; description: string | null }[];
  /** Only a count the register vouches for: null when harRegistrertAntallAnsatte is false. */
  employees: number | null;
  /** From the first address with a kommunenummer: enhet forretningsadresse, underenhet beliggenhetsadresse, then postadresse. */
  municipalityNumber: string | null;
  municipalityName: string | null;
  postalCode: string | null;
  postalPlace: string | null;
  institutionalSectorCode: string | null;
  institutionalSectorName: string | null;
  /** stiftelsesdato; for an underenhet, which has none, its oppstartsdato (start of activity). */
  foundedOn: string | null;
  /** registreringsdatoEnhetsregisteret */
  registeredOn: string | null;
  website: string | null;
  bankrupt: boolean;
  underLiquidation: boolean;
  underForcedLiquidation: boolean;
  /** slettedato */
  deletedOn: string | null;
  /** overordnetEnhet */
  parentOrgnr: string | null;
};

export type ParseResult =
  | { ok: true; record: RegisterRecord }
  | { ok: false; orgnr: string | null; reason: string };

/**
 * Reads a register field: `key` at the top level when `group` is null, else `key` inside the
 * object `group` ("forretningsadresse", "kommunenummer"); undefined when absent. The register
 * nests one level at most, and a JSON record is read millions of times per import, so a lookup
 * takes the two names apart rather than a dotted path to split.
 */
type Lookup = (group: string | null, key: string) => unknown;

/** The dotted path the CSV header and the messages use: "forretningsadresse.kommunenummer". */
function pathOf(group: string | null, key: string): string {
  return group === null ? key : `${group}.${key}`;
}

/** Thrown inside a parse to stop at the first problem; never leaves this module. */
class RecordProblem extends Error {}

export function parseJsonRecord(raw: unknown, kind: RegisterKind): ParseResult {
  if (!isPlainObject(raw)) return { ok: false, orgnr: null, reason: 'the entry is not a JSON object' };
  return parseWith((group, key) => {
    if (group === null) return raw[key];
    const inner = raw[group];
    if (inner === undefined || inner === null) return undefined;
    if (!isPlainObject(inner)) throw new RecordProblem(`${group} is not an object`);
    return inner[key];
  }, kind);
}

/**
 * Reads a row of the bulk CSV. Its header spells a few names differently from the JSON
 * ("registreringsdatoenhetsregisteret", "registrertIMvaRegisteret"), so a column is found by its
 * exact name first and then case-insensitively.
 */
export function parseCsvRecord(row: Record<string, string>, kind: RegisterKind): ParseResult {
  const columns = columnResolver(row);
  return parseWith((group, key) => {
    const column = columns(pathOf(group, key));
    return column === undefined ? undefined : row[column];
  }, kind);
}

let lastHeader: { signature: string; byLowerCase: Map<string, string> } | undefined;

/** Rows of one file share their keys, so the lower-case index is built once per header, not per row. */
function columnResolver(row: Record<string, string>): (path: string) => string | undefined {
  const keys = Object.keys(row);
  const signature = keys.join('\n');
  if (lastHeader?.signature !== signature) {
    const byLowerCase = new Map<string, string>();
    for (const key of keys) if (!byLowerCase.has(key.toLowerCase())) byLowerCase.set(key.toLowerCase(), key);
    lastHeader = { signature, byLowerCase };
  }
  const { byLowerCase } = lastHeader;
  return (path) => (Object.hasOwn(row, path) ? path : byLowerCase.get(path.toLowerCase()));
}

function parseWith(get: Lookup, kind: RegisterKind): ParseResult {
  let rawOrgnr: string | null = null;
  try {
    rawOrgnr = text(get, null, 'organisasjonsnummer');
    if (rawOrgnr === null) throw new RecordProblem('organisasjonsnummer is missing');
    const orgnr = validOrgnr('organisasjonsnummer', rawOrgnr);
    const name = text(get, null, 'navn');
    if (name === null) throw new RecordProblem('navn is missing');
    const address = pickAddress(get, kind);
    const parent = text(get, null, 'overordnetEnhet');
    const record: RegisterRecord = {
      orgnr,
      kind,
      name,
      organisationForm: text(get, 'organisasjonsform', 'kode'),
      organisationFormName: text(get, 'organisasjonsform', 'beskrivelse'),
      naceCodes: naceCodes(get),
      employees: employees(get),
      municipalityNumber: address.municipalityNumber,
      municipalityName: address.municipalityName,
      postalCode: address.postalCode,
      postalPlace: address.postalPlace,
      institutionalSectorCode: text(get, 'institusjonellSektorkode', 'kode'),
      institutionalSectorName: text(get, 'institusjonellSektorkode', 'beskrivelse'),
      foundedOn:
        date(get, null, 'stiftelsesdato') ??
        (kind === 'underenhet' ? date(get, null, 'oppstartsdato') : null),
      registeredOn: date(get, null, 'registreringsdatoEnhetsregisteret'),
      website: text(get, null, 'hjemmeside'),
      bankrupt: flag(get, null, 'konkurs') ?? false,
      underLiquidation: flag(get, null, 'underAvvikling') ?? false,
      underForcedLiquidation: flag(get, null, 'underTvangsavviklingEllerTvangsopplosning') ?? false,
      deletedOn: date(get, null, 'slettedato'),
      parentOrgnr: parent === null ? null : validOrgnr('overordnetEnhet', parent),
    };
    return { ok: true, record };
  } catch (error) {
    if (error instanceof RecordProblem) return { ok: false, orgnr: rawOrgnr, reason: error.message };
    throw error;
  }
}

function validOrgnr(field: string, value: string): string {
  const check = checkOrgnr(value);
  if (check.ok) return check.orgnr;
  const message = check.message.charAt(0).toLowerCase() + check.message.slice(1);
  throw new RecordProblem(`${field} ${value}: ${message}`);
}

/** Trimmed text; absent, null and blank all mean missing. */
function text(get: Lookup, group: string | null, key: string): string | null {
  const value = get(group, key);
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new RecordProblem(`${pathOf(group, key)} is not text: ${describe(value)}`);
  }
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function date(get: Lookup, group: string | null, key: string): string | null {
  const value = text(get, group, key);
  if (value === null) return null;
  if (!isIsoDate(value)) {
    throw new RecordProblem(`${pathOf(group, key)} is not a date: '${value}' (expected YYYY-MM-DD)`);
  }
  return value;
}

function flag(get: Lookup, group: string | null, key: string): boolean | null {
  const value = get(group, key);
  if (typeof value === 'boolean') return value;
  if (value === undefined || value === null) return null;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (word === '') return null;
  if (word === 'true') return true;
  if (word === 'false') return false;
  throw new RecordProblem(`${pathOf(group, key)} is not true or false: ${describe(value)}`);
}

function wholeNumber(get: Lookup, group: string | null, key: string): number | null {
  const value = get(group, key);
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    if (/^\d{1,15}$/.test(trimmed)) return Number(trimmed);
  }
  throw new RecordProblem(`${pathOf(group, key)} is not a whole number: ${describe(value)}`);
}

/**
 * Current data says whether the register holds a count at all (harRegistrertAntallAnsatte); a
 * count shown beside a false flag is not one it vouches for. Older exports have no flag, and then
 * the count stands on its own.
 */
function employees(get: Lookup): number | null {
  const count = wholeNumber(get, null, 'antallAnsatte');
  const registered = flag(get, null, 'harRegistrertAntallAnsatte');
  return registered === false ? null : count;
}

const NACE_SLOTS = ['naeringskode1', 'naeringskode2', 'naeringskode3'] as const;

function naceCodes(get: Lookup): RegisterRecord['naceCodes'] {
  const codes: RegisterRecord['naceCodes'] = [];
  for (const slot of NACE_SLOTS) {
    const code = text(get, slot, 'kode');
    if (code === null) continue;
    if (!/^\d{2}\.\d{3}$/.test(code)) {
      throw new RecordProblem(`${slot}.kode is not an industry code like 62.010: '${code}'`);
    }
    codes.push({ code, description: text(get, slot, 'beskrivelse') });
  }
  return codes;
}

type Address = {
  municipalityNumber: string | null;
  municipalityName: string | null;
  postalCode: string | null;
  postalPlace: string | null;
};

/**
 * Where the unit is: its own address first (an enhet's forretningsadresse, an underenhet's
 * beliggenhetsadresse), else its postal address. An address abroad has no kommunenummer, so the
 * first address that has one wins, and the fields are never mixed from two addresses.
 */
function pickAddress(get: Lookup, kind: RegisterKind): Address {
  // Both are read, so a malformed postal address is reported even when the other one is used.
  const own = readAddress(get, kind === 'enhet' ? 'forretningsadresse' : 'beliggenhetsadresse');
  const postal = readAddress(get, 'postadresse');
  if (own.municipalityNumber !== null) return own;
  if (postal.municipalityNumber !== null) return postal;
  if (own.postalCode !== null || own.postalPlace !== null) return own;
  if (postal.postalCode !== null || postal.postalPlace !== null) return postal;
  return { municipalityNumber: null, municipalityName: null, postalCode: null, postalPlace: null };
}

function readAddress(get: Lookup, group: string): Address {
  const municipalityNumber = text(get, group, 'kommunenummer');
  if (municipalityNumber !== null && !/^\d{4}$/.test(municipalityNumber)) {
    throw new RecordProblem(`${group}.kommunenummer is not four digits: '${municipalityNumber}'`);
  }
  return {
    municipalityNumber,
    municipalityName: text(get, group, 'kommune'),
    postalCode: text(get, group, 'postnummer'),
    postalPlace: text(get, group, 'poststed'),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
