/**
 * A synthetic full-size Enhetsregisteret in the bulk download's shape, for the import benchmark.
 *
 *   node --import tsx bench/brreg/generate.ts [--count 1500000] [--out DIR] [--data DIR] [--seed 2026]
 *
 * Writes, streaming (no record is kept once written):
 *   enheter.json.gz       JSON array of enheter (about 73 % of --count)
 *   underenheter.json.gz  JSON array of underenheter (the rest), each pointing at an enhet above it
 *   oppdateringer.json    a change-feed page of 10,000 entries against enheter in the register
 *   manifest.json         what was written, with the counts the importer should see
 *
 * Field names and nesting follow the real bulk samples and the API (see SOURCES.md in the shared reference data);
 * how often a field is present follows tidybrreg's prevalence probe, roughly. Municipality numbers
 * and industry codes are read at generation time from the reference files in --data (municipalities.csv,
 * municipality-changes-2024.csv, sn2007.csv), never copied into the repository. The same seed and
 * count always give the same files.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { orgnrFromNumber } from '../../src/features/organisations/organisations.seed';
import { type Random, seededRandom } from '../../src/shared/random';
import { referenceDataDir } from '../../src/testing/reference-data';

export const DEFAULT_COUNT = 1_500_000;
/** The shared reference data beside the checkout, or KLYNGE_REFERENCE_DATA (as the tests find it). */
export const DEFAULT_DATA_DIR = referenceDataDir();
export const FEED_ENTRIES = 10_000;
/** The share of records that are enheter; the real register has about 1.1 M enheter to 0.4 M underenheter here. */
const ENHET_SHARE = 1.1 / 1.5;
/** A tiny share with a broken check digit, which the importer must reject and report. */
const INVALID_ORGNR_SHARE = 0.0002;

export type GenerateOptions = { count: number; out: string; dataDir: string; seed: number };

export type Manifest = {
  count: number;
  seed: number;
  files: { enheter: string; underenheter: string; feed: string };
  enheter: number;
  underenheter: number;
  /** Records with a deliberately invalid orgnr: the importer should reject exactly these. */
  invalidOrgnrs: number;
  feed: Record<string, number>;
  bytes: { enheterGzip: number; underenheterGzip: number; enheterJson: number; underenheterJson: number };
  generatedInSeconds: number;
};

// ---------------------------------------------------------------------------------------------
// Reference data, read from the shared data folder by path
// ---------------------------------------------------------------------------------------------

/** Splits one CSV line, honouring double quotes (sn2007.csv quotes names that hold commas). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const header = csvFields(lines[0]!);
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const fields = csvFields(line);
      return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? '']));
    });
}

type Municipality = { number: string; name: string };
type Nace = { kode: string; beskrivelse: string };

type Reference = {
  municipalities: Municipality[];
  /** 2020–2023 numbers that changed in 2024: records that still carry them. */
  oldNumbers: Municipality[];
  big: Municipality[];
  nace: Nace[];
};

function registerName(name: string): string {
  // The register writes kommune in capitals, and only the Norwegian form ("TRONDHEIM").
  return name.split(' - ')[0]!.toUpperCase();
}

function loadReference(dataDir: string): Reference {
  const municipalities = readCsv(join(dataDir, 'municipalities.csv')).map((r) => ({
    number: r.municipality_number!,
    name: registerName(r.name!),
  }));
  const oldNumbers = readCsv(join(dataDir, 'municipality-changes-2024.csv'))
    .filter((r) => r.change !== 'unchanged' && r.number_2020_2023 !== r.number_2024)
    .map((r) => ({ number: r.number_2020_2023!, name: registerName(r.name_2020_2023!) }));
  const bigNumbers = ['4601', '5001', '1103', '3301', '3205', '4204', '3201', '1108', '5501', '3403', '1508'];
  const big = bigNumbers
    .map((n) => municipalities.find((m) => m.number === n))
    .filter((m): m is Municipality => m !== undefined);
  const nace = readCsv(join(dataDir, 'sn2007.csv'))
    .filter((r) => r.level === '5')
    .map((r) => ({ kode: r.code!, beskrivelse: r.name_nb! }));
  if (municipalities.length < 300 || nace.length < 500) {
    throw new Error(`The reference files in ${dataDir} look incomplete.`);
  }
  return {
    municipalities,
    oldNumbers: [...new Map(oldNumbers.map((m) => [m.number, m])).values()],
    big,
    nace,
  };
}

// ---------------------------------------------------------------------------------------------
// Word pools for names and free text
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'OLA',
  'KARI',
  'ANNE',
  'PER',
  'INGRID',
  'BJØRN',
  'SIGRID',
  'KNUT',
  'ÅSE',
  'TROND',
  'MARIT',
  'ØYVIND',
  'HILDE',
  'LARS',
  'SOLVEIG',
  'GEIR',
  'TORIL',
  'ARNE',
  'LIV',
  'EIRIK',
  'NORA',
  'HÅKON',
  'SILJE',
  'JØRGEN',
  'MARTE',
  'ESPEN',
  'RAGNHILD',
  'STIAN',
  'VIGDIS',
  'MAGNUS',
  'ASTRID',
  'SINDRE',
  'TONE',
  'ØYSTEIN',
  'EMMA',
  'JONAS',
  'IDA',
  'FREDRIK',
  'MALIN',
  'ANDREAS',
  'SARA',
  'HENRIK',
  'ELISABETH',
  'MOHAMMAD',
  'PIOTR',
  'AGNIESZKA',
];
const NAME_STEMS = [
  'HAUG',
  'BERG',
  'DAL',
  'VIK',
  'NES',
  'STRAND',
  'LI',
  'MO',
  'BAKK',
  'SKOG',
  'HOLM',
  'FJELL',
  'EIDE',
  'SÆTHER',
  'HAGEN',
  'LUND',
  'RØD',
  'AAS',
  'SOL',
  'ØYE',
  'BRÅTEN',
  'KVAM',
  'TVEIT',
  'GRAN',
  'ÅS',
  'MYR',
  'STEN',
  'RUD',
];
const NAME_ENDINGS = [
  '',
  'EN',
  'LAND',
  'SETH',
  'STAD',
  'HEIM',
  'BØ',
  'VOLD',
  'NESS',
  'RUD',
  'LIE',
  'SET',
  'ØY',
];
const COMPANY_WORDS = [
  'NORDLYS',
  'FJORD',
  'KYST',
  'HAV',
  'ARKTISK',
  'VEST',
  'ØST',
  'NORD',
  'SØR',
  'FJELL',
  'BØLGE',
  'FOSS',
  'VIDDA',
  'POLAR',
  'AURORA',
  'TIND',
  'HAMAR',
  'SKAGERRAK',
  'LOFOTEN',
  'SENJA',
  'HARDANGER',
  'TELEMARK',
  'VIKEN',
  'MJØS',
  'BRYGGE',
  'GRØNN',
  'BLÅ',
  'NY',
  'SMART',
  'DIGITAL',
  'NORSK',
  'NORDISK',
  'TEKNO',
  'MARIN',
  'ENERGI',
  'BIO',
];
const TRADES = [
  'BYGG',
  'RØRLEGGERSERVICE',
  'ELEKTRO',
  'EIENDOM',
  'HOLDING',
  'INVEST',
  'REGNSKAP',
  'TRANSPORT',
  'MASKIN',
  'DATA',
  'KONSULT',
  'FRISØR',
  'TANNLEGE',
  'FISK',
  'HAVBRUK',
  'SJØMAT',
  'MAT',
  'BAKERI',
  'VVS',
  'MALING',
  'SNEKKERI',
  'ARKITEKTER',
  'ADVOKATFIRMA',
  'TEKNOLOGI',
  'SOLUTIONS',
  'CONSULTING',
  'GRUPPEN',
  'DRIFT',
  'SERVICE',
  'UTLEIE',
  'HANDEL',
  'AUTO',
  'MEDIA',
  'DESIGN',
  'HELSE',
  'OMSORG',
  'ROBOTIKK',
  'ANALYSE',
  'LOGISTIKK',
];
const ASSOCIATIONS = [
  'IDRETTSLAG',
  'BYGDELAG',
  'VELFORENING',
  'SKOLEKORPS',
  'HISTORIELAG',
  'JEGER- OG FISKEFORENING',
  'SANITETSFORENING',
  'MENIGHET',
  'SPELEMANNSLAG',
  'FORELDRELAG',
  'BRIDGEKLUBB',
  'SKYTTERLAG',
  'BÅTFORENING',
  'KORFORENING',
  'FILMKLUBB',
];
const STREETS = [
  'Storgata',
  'Kirkeveien',
  'Strandveien',
  'Industriveien',
  'Skolegata',
  'Fjordveien',
  'Havnegata',
  'Bakkeveien',
  'Parkveien',
  'Sjøgata',
  'Jernbanegata',
  'Kongens gate',
  'Nedre Slottsgate',
  'Ringveien',
  'Åsveien',
  'Bryggen',
];
const ACTIVITY_LINES = [
  'Drift av virksomhet innen',
  'og annen virksomhet som står i forbindelse med dette,',
  'herunder deltakelse i andre selskaper med tilsvarende formål.',
  'Kjøp, salg og utleie av fast eiendom,',
  'Konsulenttjenester, rådgivning og prosjektledelse',
  'samt investering i aksjer og andre verdipapirer.',
  'Produksjon og omsetning av varer og tjenester',
  'Utvikling og salg av programvare og digitale tjenester.',
];

/** Organisation forms of enheter, with weights near the real register's mix and their sector. */
const ENHET_FORMS: { kode: string; beskrivelse: string; weight: number; sector: [string, string] | null }[] =
  [
    {
      kode: 'ENK',
      beskrivelse: 'Enkeltpersonforetak',
      weight: 380,
      sector: ['8200', 'Personlig næringsdrivende'],
    },
    { kode: 'AS', beskrivelse: 'Aksjeselskap', weight: 330, sector: ['2100', 'Private aksjeselskaper mv.'] },
    {
      kode: 'FLI',
      beskrivelse: 'Forening/lag/innretning',
      weight: 80,
      sector: ['7000', 'Ideelle organisasjoner'],
    },
    { kode: 'ESEK', beskrivelse: 'Eierseksjonssameie', weight: 35, sector: null },
    {
      kode: 'NUF',
      beskrivelse: 'Norskregistrert utenlandsk foretak',
      weight: 25,
      sector: ['2100', 'Private aksjeselskaper mv.'],
    },
    {
      kode: 'DA',
      beskrivelse: 'Selskap med delt ansvar',
      weight: 18,
      sector: ['2500', 'Private produsentrettede tjenester'],
    },
    {
      kode: 'ANS',
      beskrivelse: 'Ansvarlig selskap',
      weight: 15,
      sector: ['2500', 'Private produsentrettede tjenester'],
    },
    {
      kode: 'BRL',
      beskrivelse: 'Borettslag',
      weight: 15,
      sector: ['2500', 'Private produsentrettede tjenester'],
    },
    {
      kode: 'SAM',
      beskrivelse: 'Tingsrettslig sameie',
      weight: 20,
      sector: ['2500', 'Private produsentrettede tjenester'],
    },
    { kode: 'STI', beskrivelse: 'Stiftelse', weight: 7, sector: ['7000', 'Ideelle organisasjoner'] },
    { kode: 'SA', beskrivelse: 'Samvirkeforetak', weight: 5, sector: ['2100', 'Private aksjeselskaper mv.'] },
    {
      kode: 'KS',
      beskrivelse: 'Kommandittselskap',
      weight: 4,
      sector: ['2500', 'Private produsentrettede tjenester'],
    },
    { kode: 'ORGL', beskrivelse: 'Organisasjonsledd', weight: 3, sector: ['6100', 'Statsforvaltningen'] },
    { kode: 'UTLA', beskrivelse: 'Utenlandsk enhet', weight: 3, sector: null },
    {
      kode: 'PRE',
      beskrivelse: 'Partsrederi',
      weight: 1,
      sector: ['2500', 'Private produsentrettede tjenester'],
    },
    { kode: 'KBO', beskrivelse: 'Konkursbo', weight: 1, sector: null },
    { kode: 'STAT', beskrivelse: 'Staten', weight: 0.2, sector: ['6100', 'Statsforvaltningen'] },
    { kode: 'KOMM', beskrivelse: 'Kommune', weight: 0.3, sector: ['6500', 'Kommuneforvaltningen'] },
    { kode: 'FYLK', beskrivelse: 'Fylkeskommune', weight: 0.02, sector: ['6500', 'Kommuneforvaltningen'] },
    { kode: 'KF', beskrivelse: 'Kommunalt foretak', weight: 0.4, sector: ['6500', 'Kommuneforvaltningen'] },
    {
      kode: 'IKS',
      beskrivelse: 'Interkommunalt selskap',
      weight: 0.2,
      sector: ['1510', 'Kommunalt eide aksjeselskaper mv.'],
    },
    { kode: 'SF', beskrivelse: 'Statsforetak', weight: 0.05, sector: ['1110', 'Statlige foretak'] },
    {
      kode: 'ASA',
      beskrivelse: 'Allmennaksjeselskap',
      weight: 0.2,
      sector: ['2100', 'Private aksjeselskaper mv.'],
    },
    {
      kode: 'BA',
      beskrivelse: 'Selskap med begrenset ansvar',
      weight: 0.5,
      sector: ['2100', 'Private aksjeselskaper mv.'],
    },
  ];
const FORM_TOTAL = ENHET_FORMS.reduce((sum, f) => sum + f.weight, 0);

// ---------------------------------------------------------------------------------------------
// Record builders
// ---------------------------------------------------------------------------------------------

type Form = (typeof ENHET_FORMS)[number];

function weightedForm(rng: Random): Form {
  let x = rng.next() * FORM_TOTAL;
  for (const form of ENHET_FORMS) {
    x -= form.weight;
    if (x < 0) return form;
  }
  return ENHET_FORMS[0]!;
}

function surname(rng: Random): string {
  return rng.pick(NAME_STEMS) + rng.pick(NAME_ENDINGS);
}

function personName(rng: Random): string {
  const middle = rng.chance(0.35) ? ` ${rng.pick(FIRST_NAMES)}` : '';
  const double = rng.chance(0.1) ? `-${surname(rng)}` : '';
  return `${rng.pick(FIRST_NAMES)}${middle} ${surname(rng)}${double}`;
}

function enhetName(rng: Random, form: Form, place: Municipality | null): string {
  const where = place?.name ?? 'NORGE';
  switch (form.kode) {
    case 'ENK':
      return rng.chance(0.5) ? personName(rng) : `${rng.pick(TRADES)} ${personName(rng)}`;
    case 'FLI':
    case 'STI':
      return `${rng.chance(0.6) ? where : surname(rng)} ${rng.pick(ASSOCIATIONS)}${form.kode === 'STI' ? ' STIFTELSE' : ''}`;
    case 'ESEK':
    case 'SAM':
      return `${rng.pick(STREETS).toUpperCase()} ${rng.int(1, 120)} ${form.kode === 'ESEK' ? 'EIERSEKSJONSSAMEIE' : 'SAMEIE'}`;
    case 'BRL':
      return `${rng.pick(COMPANY_WORDS)}${rng.pick(NAME_ENDINGS)} BORETTSLAG`;
    case 'KOMM':
      return `${where} KOMMUNE`;
    case 'ORGL':
    case 'STAT':
    case 'KF':
      return `${where} ${rng.pick(['SKOLE', 'BARNEHAGE', 'HELSESTASJON', 'SYKEHJEM', 'TEKNISK ETAT', 'BIBLIOTEK'])}`;
    case 'NUF':
      return `${rng.pick(COMPANY_WORDS)} ${rng.pick(['AB', 'APS', 'GMBH', 'LTD', 'OY', 'B.V.'])} NORWAY BRANCH`;
    default: {
      const words = rng.chance(0.5)
        ? `${rng.pick(COMPANY_WORDS)} ${rng.pick(TRADES)}`
        : rng.chance(0.5)
          ? `${surname(rng)} ${rng.pick(TRADES)}`
          : `${rng.pick(COMPANY_WORDS)}${rng.pick(NAME_ENDINGS)}`;
      return `${words} ${form.kode === 'DA' || form.kode === 'ANS' ? form.kode : form.kode === 'ASA' ? 'ASA' : form.kode === 'SA' ? 'SA' : 'AS'}`;
    }
  }
}

function isoDate(rng: Random, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  // The data is "as of" June 2026: no date after May 2026.
  const month = rng.int(1, year >= 2026 ? 5 : 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function naceCode(rng: Random, nace: Nace[]): Nace {
  // A skew: a third of units share the first fifth of codes (trade, building, consultancy are common).
  return rng.chance(0.33) ? nace[Math.floor(rng.next() * rng.next() * nace.length)]! : rng.pick(nace);
}

function employeeCount(rng: Random): number {
  const x = rng.next();
  if (x < 0.55) return rng.int(1, 4);
  if (x < 0.85) return rng.int(5, 19);
  if (x < 0.97) return rng.int(20, 99);
  if (x < 0.995) return rng.int(100, 499);
  return rng.int(500, 25_000);
}

function pickMunicipality(rng: Random, reference: Reference): Municipality {
  const x = rng.next();
  if (x < 0.03 && reference.oldNumbers.length > 0) return rng.pick(reference.oldNumbers);
  if (x < 0.15)
    return reference.municipalities.find((m) => m.number === '0301') ?? reference.municipalities[0]!;
  if (x < 0.4 && reference.big.length > 0) return rng.pick(reference.big);
  return rng.pick(reference.municipalities);
}

function norwegianAddress(rng: Random, place: Municipality) {
  return {
    land: 'Norge',
    landkode: 'NO',
    postnummer: String(rng.int(1, 9999)).padStart(4, '0'),
    poststed: place.name,
    adresse: rng.chance(0.93) ? [`${rng.pick(STREETS)} ${rng.int(1, 150)}`] : [],
    kommune: place.name,
    kommunenummer: place.number,
  };
}

function foreignAddress(rng: Random) {
  const [land, landkode] = rng.pick([
    ['Sverige', 'SE'],
    ['Danmark', 'DK'],
    ['Tyskland', 'DE'],
    ['Storbritannia', 'GB'],
  ] as const);
  return {
    land,
    landkode,
    postnummer: String(rng.int(10000, 99999)),
    poststed: 'STOCKHOLM',
    adresse: ['Box 123'],
  };
}

function contact(rng: Random, record: Record<string, unknown>, email: number, phone: number, mobile: number) {
  if (rng.chance(email)) record.epostadresse = `post${rng.int(1, 999)}@example.no`;
  if (rng.chance(phone))
    record.telefon = `${rng.int(21, 79)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
  if (rng.chance(mobile)) record.mobil = `${rng.int(400, 999)} ${rng.int(10, 99)} ${rng.int(100, 999)}`;
}

function naceFields(rng: Random, reference: Reference, record: Record<string, unknown>, share1: number) {
  if (!rng.chance(share1)) return;
  record.naeringskode1 = naceCode(rng, reference.nace);
  if (rng.chance(0.05)) {
    record.naeringskode2 = naceCode(rng, reference.nace);
    if (rng.chance(0.2)) record.naeringskode3 = naceCode(rng, reference.nace);
  }
}

function employeeFields(rng: Random, record: Record<string, unknown>, registeredShare: number) {
  if (rng.chance(registeredShare)) {
    record.antallAnsatte = employeeCount(rng);
    record.harRegistrertAntallAnsatte = true;
    record.registreringsdatoAntallAnsatteEnhetsregisteret = isoDate(rng, 2024, 2026);
    record.registreringsdatoAntallAnsatteNAVAaregisteret = isoDate(rng, 2024, 2026);
  } else {
    // Older exports wrote 0 beside the flag; the current API leaves the count out.
    if (rng.chance(0.35)) record.antallAnsatte = 0;
    record.harRegistrertAntallAnsatte = false;
  }
}

export type EnhetFacts = { orgnr: string; form: string };

export function buildEnhet(rng: Random, reference: Reference, orgnr: string): Record<string, unknown> {
  const form = weightedForm(rng);
  const foreign = (form.kode === 'NUF' || form.kode === 'UTLA') && rng.chance(0.6);
  const place = foreign ? null : pickMunicipality(rng, reference);
  const registered = isoDate(rng, form.kode === 'ENK' ? 2005 : 1995, 2026);
  const record: Record<string, unknown> = {
    organisasjonsnummer: orgnr,
    navn: enhetName(rng, form, place),
    organisasjonsform: { kode: form.kode, beskrivelse: form.beskrivelse, links: [] },
  };
  if (rng.chance(0.06))
    record.hjemmeside = `www.${String(record.navn)
      .toLowerCase()
      .replace(/[^a-z]+/g, '')}.no`;
  const postal = rng.chance(foreign ? 0.5 : 0.18);
  if (postal) {
    const postPlace = place && rng.chance(0.8) ? place : pickMunicipality(rng, reference);
    record.postadresse = { ...norwegianAddress(rng, postPlace), adresse: [`Postboks ${rng.int(1, 9999)}`] };
  }
  record.registreringsdatoEnhetsregisteret = registered;
  record.registrertIMvaregisteret = rng.chance(0.45);
  naceFields(rng, reference, record, form.kode === 'UTLA' ? 0.1 : 0.97);
  employeeFields(rng, record, form.kode === 'AS' ? 0.4 : form.kode === 'ENK' ? 0.03 : 0.08);
  if (record.registrertIMvaregisteret) {
    record.registreringsdatoMerverdiavgiftsregisteret = registered;
    record.registreringsdatoMerverdiavgiftsregisteretEnhetsregisteret = registered;
  }
  contact(rng, record, 0.25, 0.08, 0.2);
  if (foreign) record.forretningsadresse = foreignAddress(rng);
  else if (place && rng.chance(form.kode === 'FLI' ? 0.86 : 0.985))
    record.forretningsadresse = norwegianAddress(rng, place);
  if (form.kode !== 'ENK' && form.kode !== 'NUF')
    record.stiftelsesdato = isoDate(rng, 1950, Number(registered.slice(0, 4)));
  if (form.sector) record.institusjonellSektorkode = { kode: form.sector[0], beskrivelse: form.sector[1] };
  const inForetaksregisteret =
    form.kode !== 'FLI' && form.kode !== 'ESEK' && form.kode !== 'SAM' && rng.chance(0.8);
  record.registrertIForetaksregisteret = inForetaksregisteret;
  record.registrertIStiftelsesregisteret = form.kode === 'STI';
  record.registrertIFrivillighetsregisteret = form.kode === 'FLI' && rng.chance(0.5);
  if (inForetaksregisteret) record.registreringsdatoForetaksregisteret = registered;
  if (form.kode === 'AS' && rng.chance(0.75)) record.sisteInnsendteAarsregnskap = String(rng.int(2019, 2025));
  if (rng.chance(0.2)) {
    record.historiskeNavn = [
      {
        navn: `${rng.pick(COMPANY_WORDS)} ${rng.pick(TRADES)} AS`,
        fraDato: '2001-01-01',
        tilDato: registered,
      },
    ];
  }
  // Status: a small share bankrupt, dissolving, forcibly dissolving or deleted.
  const status = rng.next();
  record.konkurs = status < 0.008;
  if (record.konkurs) record.konkursdato = isoDate(rng, 2020, 2026);
  record.underAvvikling = status >= 0.008 && status < 0.016;
  if (record.underAvvikling) record.underAvviklingDato = isoDate(rng, 2020, 2026);
  record.underTvangsavviklingEllerTvangsopplosning = status >= 0.016 && status < 0.02;
  if (record.underTvangsavviklingEllerTvangsopplosning) {
    record.tvangsopplostPgaManglendeRegnskapDato = isoDate(rng, 2022, 2026);
  }
  if (status >= 0.02 && status < 0.025) record.slettedato = isoDate(rng, 2023, 2026);
  record.maalform = rng.chance(0.92) ? 'Bokmål' : 'Nynorsk';
  if (form.kode === 'AS' || form.kode === 'ASA') {
    record.erIKonsern = rng.chance(0.15);
    record.vedtektsdato = isoDate(rng, 2000, 2026);
    record.vedtektsfestetFormaal = [rng.pick(ACTIVITY_LINES)];
    record.kapital = {
      belop: rng.pick([30000, 100000, 200000, 1000000]),
      antallAksjer: rng.int(1, 10_000),
      type: 'Aksjekapital',
      valuta: 'NOK',
      innfortDato: record.stiftelsesdato,
    };
  }
  const lines = rng.int(1, 2);
  record.aktivitet = Array.from({ length: lines }, () => rng.pick(ACTIVITY_LINES));
  record.respons_klasse = 'Enhet';
  record.links = [];
  return record;
}

export function buildUnderenhet(
  rng: Random,
  reference: Reference,
  orgnr: string,
  parent: EnhetFacts,
): Record<string, unknown> {
  const aafy = rng.chance(0.15);
  const place = pickMunicipality(rng, reference);
  const registered = isoDate(rng, 1995, 2026);
  const record: Record<string, unknown> = {
    organisasjonsnummer: orgnr,
    navn: aafy
      ? `${place.name} ${rng.pick(['AVD', 'AVDELING', 'BUTIKK', 'VERKSTED'])}`
      : rng.chance(0.5)
        ? `${rng.pick(COMPANY_WORDS)} ${rng.pick(TRADES)} AVD ${place.name}`
        : `${rng.pick(COMPANY_WORDS)} ${rng.pick(TRADES)} AS`,
    organisasjonsform: aafy
      ? { kode: 'AAFY', beskrivelse: 'Underenhet til ikke-næringsdrivende', links: [] }
      : { kode: 'BEDR', beskrivelse: 'Bedrift', links: [] },
  };
  if (rng.chance(0.07)) record.hjemmeside = `www.${rng.pick(COMPANY_WORDS).toLowerCase()}.no`;
  if (rng.chance(aafy ? 0.7 : 0.1)) {
    record.postadresse = { ...norwegianAddress(rng, place), adresse: [`Postboks ${rng.int(1, 9999)}`] };
  }
  record.registreringsdatoEnhetsregisteret = registered;
  record.registrertIMvaregisteret = rng.chance(0.3);
  naceFields(rng, reference, record, 0.995);
  employeeFields(rng, record, aafy ? 0.2 : 0.45);
  contact(rng, record, 0.21, 0.06, 0.18);
  record.overordnetEnhet = parent.orgnr;
  if (rng.chance(0.99)) record.oppstartsdato = isoDate(rng, 1990, Number(registered.slice(0, 4)));
  if (rng.chance(0.04)) record.datoEierskifte = isoDate(rng, 2010, 2026);
  record.beliggenhetsadresse = norwegianAddress(rng, place);
  if (rng.chance(0.003)) record.nedleggelsesdato = isoDate(rng, 2023, 2026);
  if (rng.chance(0.003)) record.slettedato = isoDate(rng, 2023, 2026);
  record.respons_klasse = 'Underenhet';
  record.links = [];
  return record;
}

/** A valid stem's number with its check digit replaced by a wrong one. */
function breakOrgnr(orgnr: string): string {
  const wrong = (Number(orgnr[8]) + 1 + (Number(orgnr[7]) % 8)) % 10;
  return `${orgnr.slice(0, 8)}${wrong}`;
}

// ---------------------------------------------------------------------------------------------
// Streaming gzip'd JSON array writer
// ---------------------------------------------------------------------------------------------

class JsonArrayWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly file;
  private buffer = '';
  private count = 0;
  jsonBytes = 0;

  constructor(readonly path: string) {
    this.file = createWriteStream(path);
    this.gzip.pipe(this.file);
    this.buffer = '[';
  }

  async write(record: unknown): Promise<void> {
    this.buffer += `${this.count === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
    this.count++;
    if (this.buffer.length >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.jsonBytes += chunk.length;
    this.buffer = '';
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }

  async close(): Promise<number> {
    this.buffer += '\n]\n';
    await this.flush();
    this.gzip.end();
    await once(this.file, 'close');
    return this.file.bytesWritten;
  }
}

// ---------------------------------------------------------------------------------------------
// The change feed
// ---------------------------------------------------------------------------------------------

type FeedEntry = {
  oppdateringsid: number;
  dato: string;
  organisasjonsnummer: string;
  endringstype: 'Ny' | 'Endring' | 'Sletting' | 'Fjernet';
  _links: { enhet: { href: string } };
  endringer?: { op: 'add' | 'replace' | 'remove'; path: string; value?: unknown }[];
};

function endringer(rng: Random, reference: Reference): NonNullable<FeedEntry['endringer']> {
  const x = rng.next();
  if (x < 0.2) {
    return [
      {
        op: 'replace',
        path: '/navn',
        value: `${rng.pick(COMPANY_WORDS)} ${rng.pick(TRADES)} ${rng.pick(['AS', 'HOLDING AS'])}`,
      },
    ];
  }
  if (x < 0.55) {
    return [
      { op: 'replace', path: '/harRegistrertAntallAnsatte', value: true },
      { op: 'replace', path: '/antallAnsatte', value: employeeCount(rng) },
    ];
  }
  if (x < 0.6) {
    return [
      { op: 'replace', path: '/konkurs', value: true },
      { op: 'add', path: '/konkursdato', value: isoDate(rng, 2026, 2026) },
    ];
  }
  if (x < 0.63) {
    return [
      { op: 'replace', path: '/underAvvikling', value: true },
      { op: 'add', path: '/underAvviklingDato', value: isoDate(rng, 2026, 2026) },
    ];
  }
  if (x < 0.73) {
    const place = pickMunicipality(rng, reference);
    return [
      { op: 'replace', path: '/forretningsadresse/kommunenummer', value: place.number },
      { op: 'replace', path: '/forretningsadresse/kommune', value: place.name },
      { op: 'replace', path: '/forretningsadresse/poststed', value: place.name },
      {
        op: 'replace',
        path: '/forretningsadresse/postnummer',
        value: String(rng.int(1, 9999)).padStart(4, '0'),
      },
    ];
  }
  if (x < 0.83) return [{ op: 'replace', path: '/naeringskode1', value: naceCode(rng, reference.nace) }];
  if (x < 0.9)
    return [{ op: 'add', path: '/hjemmeside', value: `www.${rng.pick(COMPANY_WORDS).toLowerCase()}.no` }];
  // Facts Klynge does not keep: the record is re-read and found unchanged.
  return [
    { op: 'replace', path: '/registrertIMvaregisteret', value: true },
    { op: 'add', path: '/telefon', value: `${rng.int(21, 79)} 00 00 00` },
  ];
}

/** A whole new record as the feed sends it: one add per top-level field. */
function nyEndringer(rng: Random, reference: Reference, orgnr: string): NonNullable<FeedEntry['endringer']> {
  const record = buildEnhet(rng, reference, orgnr);
  return Object.entries(record)
    .filter(([key]) => key !== 'organisasjonsnummer' && key !== 'links' && key !== 'respons_klasse')
    .map(([key, value]) => ({ op: 'add' as const, path: `/${key}`, value }));
}

function buildFeed(rng: Random, reference: Reference, sample: string[], nextStem: number) {
  const entries: FeedEntry[] = [];
  const counts: Record<string, number> = { Endring: 0, Ny: 0, Sletting: 0, Fjernet: 0 };
  let stem = nextStem;
  let time = Date.parse('2026-06-01T04:00:00.000Z');
  for (let i = 0; i < FEED_ENTRIES; i++) {
    const x = rng.next();
    const endringstype = x < 0.75 ? 'Endring' : x < 0.87 ? 'Ny' : x < 0.97 ? 'Sletting' : 'Fjernet';
    let orgnr: string;
    if (endringstype === 'Ny') {
      orgnr = orgnrFromNumber(stem);
      stem = Number(orgnr.slice(0, 8)) + rng.int(1, 20);
    } else orgnr = rng.pick(sample);
    time += rng.int(50, 8_000);
    const entry: FeedEntry = {
      oppdateringsid: 21_000_000 + i * rng.int(1, 3),
      dato: new Date(time).toISOString(),
      organisasjonsnummer: orgnr,
      endringstype,
      _links: { enhet: { href: `https://data.brreg.no/enhetsregisteret/api/enheter/${orgnr}` } },
    };
    if (endringstype === 'Endring') entry.endringer = endringer(rng, reference);
    if (endringstype === 'Ny') entry.endringer = nyEndringer(rng, reference, orgnr);
    counts[endringstype] = (counts[endringstype] ?? 0) + 1;
    entries.push(entry);
  }
  // oppdateringsid must grow with the entries: make it strictly increasing.
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.oppdateringsid <= entries[i - 1]!.oppdateringsid) {
      entries[i]!.oppdateringsid = entries[i - 1]!.oppdateringsid + 1;
    }
  }
  const page = {
    _embedded: { oppdaterteEnheter: entries },
    _links: {
      first: {
        href: 'https://data.brreg.no/enhetsregisteret/api/oppdateringer/enheter?includeChanges=true&page=0&size=10000',
      },
      self: {
        href: 'https://data.brreg.no/enhetsregisteret/api/oppdateringer/enheter?includeChanges=true&page=0&size=10000',
      },
    },
    page: { size: FEED_ENTRIES, totalElements: FEED_ENTRIES, totalPages: 1, number: 0 },
  };
  return { page, counts };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export async function generateRegister(options: GenerateOptions): Promise<Manifest> {
  const started = performance.now();
  const reference = loadReference(options.dataDir);
  mkdirSync(options.out, { recursive: true });
  const rng = seededRandom(options.seed);
  const files = {
    enheter: join(options.out, 'enheter.json.gz'),
    underenheter: join(options.out, 'underenheter.json.gz'),
    feed: join(options.out, 'oppdateringer.json'),
  };
  const enheter = new JsonArrayWriter(files.enheter);
  const underenheter = new JsonArrayWriter(files.underenheter);

  // The bulk files are sorted by orgnr; numbers are spread over 8xxxxxxxx–9xxxxxxxx with gaps.
  const spread = Math.max(1, Math.floor(19_000_000 / Math.max(options.count, 1)));
  let stem = 80_000_000;
  let enhetCount = 0;
  let underenhetCount = 0;
  let invalid = 0;
  /** Recent enheter, as parents for the underenheter that follow them. */
  const recent: EnhetFacts[] = [];
  /** A uniform sample of enheter (reservoir sampling) for the change feed. */
  const sample: string[] = [];
  const sampleSize = FEED_ENTRIES * 2;
  let lastReport = performance.now();

  for (let i = 0; i < options.count; i++) {
    const valid = orgnrFromNumber(stem);
    stem = Number(valid.slice(0, 8)) + rng.int(1, 2 * spread - 1);
    const broken = rng.chance(INVALID_ORGNR_SHARE);
    const orgnr = broken ? breakOrgnr(valid) : valid;
    if (broken) invalid++;
    const isEnhet = recent.length === 0 || rng.chance(ENHET_SHARE);
    if (isEnhet) {
      const record = buildEnhet(rng, reference, orgnr);
      await enheter.write(record);
      enhetCount++;
      if (!broken) {
        const form = (record.organisasjonsform as { kode: string }).kode;
        recent.push({ orgnr, form });
        if (recent.length > 500) recent.shift();
        if (record.slettedato === undefined) {
          if (sample.length < sampleSize) sample.push(orgnr);
          else {
            const j = Math.floor(rng.next() * enhetCount);
            if (j < sampleSize) sample[j] = orgnr;
          }
        }
      }
    } else {
      const parent = recent[Math.floor(recent.length * (1 - rng.next() * rng.next()))] ?? recent.at(-1)!;
      await underenheter.write(buildUnderenhet(rng, reference, orgnr, parent));
      underenhetCount++;
    }
    if (performance.now() - lastReport > 5_000) {
      lastReport = performance.now();
      console.log(`  generated ${i + 1} of ${options.count} records`);
    }
  }
  const enheterGzip = await enheter.close();
  const underenheterGzip = await underenheter.close();

  const feed = buildFeed(seededRandom(options.seed + 1), reference, sample, stem + 1_000);
  writeFileSync(files.feed, JSON.stringify(feed.page));

  const manifest: Manifest = {
    count: options.count,
    seed: options.seed,
    files,
    enheter: enhetCount,
    underenheter: underenhetCount,
    invalidOrgnrs: invalid,
    feed: feed.counts,
    bytes: {
      enheterGzip,
      underenheterGzip,
      enheterJson: enheter.jsonBytes,
      underenheterJson: underenheter.jsonBytes,
    },
    generatedInSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(join(options.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function defaultOutDir(count: number): string {
  return resolve(process.env.TMPDIR ?? '/tmp', `klynge-brreg-${count}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: String(DEFAULT_COUNT) },
      out: { type: 'string' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      seed: { type: 'string', default: '2026' },
    },
  });
  const count = Number(values.count);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`--count must be a positive whole number.`);
  const out = resolve(values.out ?? defaultOutDir(count));
  console.log(`Generating ${count} register records into ${out}`);
  const manifest = await generateRegister({ count, out, dataDir: values.data!, seed: Number(values.seed) });
  console.log(JSON.stringify(manifest, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
