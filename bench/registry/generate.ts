/**
 * The registry benchmark's scale data: 3,000 clusters, 200,000 organisations and 1,000,000
 * memberships in an already migrated database, the same on every run for the same `today`.
 *
 * Rows are built in JS and sent as arrays, one `insert … select from unnest($1::text[], …)` per
 * batch of thousands of rows: fast on a PostgreSQL server and on the embedded database alike,
 * without COPY (which node-postgres cannot do without another dependency). No transaction is
 * used, so nothing here can deadlock on the embedded database's single session.
 */

import type { ActorType } from '../../src/features/organisations/actor-type';
import { DEMO_MUNICIPALITIES, employeesFor } from '../../src/features/organisations/organisations.demo';
import { orgnrFromNumber } from '../../src/features/organisations/organisations.seed';
import type { LevelCode } from '../../src/features/programme/levels';
import { createProgramme, type SeededProgramme } from '../../src/features/programme/programme.seed';
import type { DatabaseHandle } from '../../src/server/db/client';
import { COUNTY_CODES } from '../../src/shared/counties';
import { fromDayNumber, toDayNumber } from '../../src/shared/dates';
import { type Random, seededRandom } from '../../src/shared/random';
import { sectionOfNace } from '../../src/shared/sectors';
import { slugify } from '../../src/shared/slug';
import { norwegianSortKey } from '../../src/shared/sort-key';

export type Scale = { clusters: number; organisations: number; memberships: number };

export const SCALES = {
  full: { clusters: 3_000, organisations: 200_000, memberships: 1_000_000 },
  small: { clusters: 150, organisations: 10_000, memberships: 50_000 },
} satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export type GenerateOptions = {
  scale: Scale;
  /** The day the data is built around (YYYY-MM-DD): current engagements cover it. */
  today: string;
  seed?: number;
  log?: (line: string) => void;
};

export type GenerateSummary = {
  clusters: number;
  organisations: number;
  memberships: number;
  engagements: number;
  hubLinks: number;
  /** Seconds per phase, in the order they ran. */
  phases: Record<string, number>;
  totalSeconds: number;
};

/** Theme words of cluster names. `nb` occurs in names and descriptions: the benchmark searches for them. */
const THEMES: { nb: string; en: string; sector: string }[] = [
  { nb: 'Hydrogen', en: 'Hydrogen', sector: '35' },
  { nb: 'Havbruk', en: 'Aquaculture', sector: '03' },
  { nb: 'Sjømat', en: 'Seafood', sector: '10' },
  { nb: 'Batteri', en: 'Battery', sector: '27' },
  { nb: 'Maritim', en: 'Maritime', sector: '30' },
  { nb: 'Prosessindustri', en: 'Process industry', sector: 'C' },
  { nb: 'Helse', en: 'Health', sector: 'Q' },
  { nb: 'Reiseliv', en: 'Tourism', sector: 'I' },
  { nb: 'Mineral', en: 'Minerals', sector: 'B' },
  { nb: 'Energi', en: 'Energy', sector: 'D' },
  { nb: 'Digital', en: 'Digital', sector: 'J' },
  { nb: 'Romfart', en: 'Space', sector: '30' },
  { nb: 'Treindustri', en: 'Wood industry', sector: '16' },
  { nb: 'Matindustri', en: 'Food industry', sector: '10' },
  { nb: 'Havvind', en: 'Offshore wind', sector: '35' },
  { nb: 'Bioøkonomi', en: 'Bioeconomy', sector: 'A' },
  { nb: 'Logistikk', en: 'Logistics', sector: 'H' },
  { nb: 'Robotikk', en: 'Robotics', sector: '28' },
  { nb: 'Kultur', en: 'Culture', sector: 'R' },
  { nb: 'Medtek', en: 'Medtech', sector: '32' },
  { nb: 'Sirkulær', en: 'Circular', sector: 'E' },
  { nb: 'Bygg', en: 'Construction', sector: 'F' },
  { nb: 'Finans', en: 'Finance', sector: 'K' },
  { nb: 'Spill', en: 'Games', sector: '58' },
  { nb: 'Smelteverk', en: 'Smelting', sector: '24' },
  { nb: 'Fiskeri', en: 'Fisheries', sector: '03' },
  { nb: 'Skog', en: 'Forestry', sector: '02' },
  { nb: 'Landbruk', en: 'Agriculture', sector: '01' },
  { nb: 'Kunstig intelligens', en: 'Artificial intelligence', sector: '62' },
  { nb: 'Sikkerhet', en: 'Security', sector: 'N' },
  { nb: 'Undervannsteknologi', en: 'Subsea technology', sector: '28' },
  { nb: 'Design', en: 'Design', sector: 'M' },
  { nb: 'Plast', en: 'Plastics', sector: '22' },
  { nb: 'Solenergi', en: 'Solar energy', sector: '35' },
  { nb: 'Elektronikk', en: 'Electronics', sector: '26' },
  { nb: 'Farmasi', en: 'Pharma', sector: '21' },
  { nb: 'Mobilitet', en: 'Mobility', sector: '49' },
  { nb: 'Karbonfangst', en: 'Carbon capture', sector: '35' },
  { nb: 'Tekstil', en: 'Textiles', sector: '13' },
  { nb: 'Eiendom', en: 'Real estate', sector: 'L' },
];

/** Region words of cluster names. */
const REGIONS = [
  'Arctic',
  'Nordland',
  'Helgeland',
  'Lofoten',
  'Vesterålen',
  'Finnmark',
  'Troms',
  'Trøndelag',
  'Nordmøre',
  'Sunnmøre',
  'Romsdal',
  'Vestland',
  'Sogn',
  'Hardanger',
  'Rogaland',
  'Jæren',
  'Agder',
  'Telemark',
  'Vestfold',
  'Buskerud',
  'Viken',
  'Innlandet',
  'Hedmark',
  'Gudbrandsdal',
  'Valdres',
  'Østfold',
  'Oslo',
  'Akershus',
  'Norsk',
  'Nordic',
  'Blue',
  'Green',
  'Smart',
  'Future',
  'Ocean',
  'Fjord',
  'Polar',
  'Midt-Norsk',
  'Nord-Norsk',
  'Vest-Norsk',
];

const KINDS = [
  'Klynge',
  'Cluster',
  'Nettverk',
  'Arena',
  'Hub',
  'Allianse',
  'Forum',
  'Senter',
  'Partnerskap',
  'Katapult',
];

/** Words for the benchmark's search endpoint: each occurs in many cluster names. */
export const SEARCH_WORDS = [
  'hydrogen',
  'havbruk',
  'sjømat',
  'batteri',
  'maritim',
  'prosessindustri',
  'helse',
  'reiseliv',
  'mineral',
  'energi',
  'digital',
  'romfart',
  'havvind',
  'logistikk',
  'robotikk',
  'kunstig intelligens',
  'arctic',
  'helgeland',
  'trøndelag',
  'agder',
  'hydrogen nordland',
  'sjømat vestland',
];

/** Typos the full-text search cannot match, so the search falls back to fuzzy name matching. */
export const FUZZY_WORDS = ['hydrogn', 'havbrukk', 'batteir', 'prosesindustri', 'robotik', 'logistik'];

const COMPANY_TRADES: { words: string[]; nace: string[] }[] = [
  { words: ['Havbruk', 'Sjømat', 'Smolt', 'Fiskeoppdrett', 'Skog'], nace: ['03.211', '01.410', '02.100'] },
  { words: ['Mineral', 'Bergverk', 'Kalk', 'Pukk'], nace: ['08.110', '07.290'] },
  {
    words: ['Prosess', 'Mekaniske', 'Metall', 'Industri', 'Komposit', 'Teknikk', 'Verksted', 'Sveis'],
    nace: ['24.420', '25.110', '28.290', '20.130', '33.120'],
  },
  { words: ['Kraft', 'Energi', 'Hydrogen', 'Vindkraft', 'Batteri'], nace: ['35.111', '35.130', '27.200'] },
  { words: ['Gjenvinning', 'Miljø', 'Renovasjon'], nace: ['38.110', '38.320'] },
  { words: ['Bygg', 'Anlegg', 'Entreprenør'], nace: ['41.200', '42.990'] },
  { words: ['Handel', 'Engros', 'Forsyning'], nace: ['46.690', '46.140'] },
  { words: ['Logistikk', 'Transport', 'Shipping', 'Havn', 'Rederi'], nace: ['49.410', '52.220', '50.201'] },
  { words: ['Reiseliv', 'Opplevelser', 'Hotell'], nace: ['55.101', '79.900'] },
  { words: ['Data', 'Digital', 'Software', 'Analyse', 'Media'], nace: ['62.010', '62.020', '63.110'] },
  { words: ['Rådgivning', 'Engineering', 'Konsult', 'Design'], nace: ['71.129', '70.220', '72.190'] },
  { words: ['Helse', 'Omsorg', 'Medtech'], nace: ['86.909', '32.501'] },
];

const COINED_HEADS = [
  'Nor',
  'Vik',
  'Fjell',
  'Berg',
  'Sol',
  'Hav',
  'Is',
  'Lys',
  'Stein',
  'Elv',
  'Nord',
  'Vest',
];
const COINED_TAILS = ['tek', 'ra', 'vik', 'nes', 'dal', 'heim', 'sund', 'stad', 'mar', 'lo', 'by', 'gard'];
const SUFFIXES = ['', ' Nord', ' Vest', ' Teknologi', ' Solutions', ' Gruppen', ' Partner', ' Norge'];
const FORMS: Record<ActorType, string[]> = {
  sme: ['AS', 'AS', 'AS', 'AS', 'SA', 'ANS', 'ENK'],
  large_company: ['AS', 'ASA', 'AS'],
  research: ['AS', 'STI'],
  education: ['ORGL', 'STAT', 'FYLK'],
  public_development: ['KOMM', 'FYLK', 'AS', 'STAT'],
  financier: ['SPA', 'AS'],
  interest_organisation: ['FLI'],
};

const MUNICIPALITIES = Object.values(DEMO_MUNICIPALITIES).flat();

/** Share of active clusters at each current level (the rest of the programme is history). */
const CURRENT_LEVELS: [LevelCode, number][] = [
  ['arena', 0.42],
  ['arena_pro', 0.22],
  ['pre_project', 0.12],
  ['hub_node', 0.1],
  ['global', 0.07],
  ['mature_project', 0.07],
];

const DURATION_YEARS: Record<LevelCode, number> = {
  pre_project: 1,
  hub_node: 3,
  arena: 3,
  arena_pro: 5,
  nce: 10,
  mature_project: 3,
  global: 10,
};

const YEARLY_GRANT: Record<LevelCode, number> = {
  pre_project: 500_000,
  hub_node: 1_000_000,
  arena: 2_500_000,
  arena_pro: 4_500_000,
  nce: 6_000_000,
  mature_project: 3_000_000,
  global: 9_000_000,
};

/** What came before each current level, most recent first. */
const PREDECESSORS: Record<LevelCode, LevelCode[]> = {
  pre_project: [],
  hub_node: ['pre_project'],
  arena: ['pre_project'],
  arena_pro: ['arena', 'pre_project'],
  nce: ['arena'],
  mature_project: ['global', 'nce', 'arena'],
  global: ['nce', 'arena'],
};

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────

function u32(random: Random): number {
  return Math.floor(random.next() * 4_294_967_296);
}

/** A version-4 UUID from the seeded generator, so ids are the same on every run. */
function uuidFrom(random: Random): string {
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  const a = hex(u32(random));
  const b = hex(u32(random));
  const c = hex(u32(random));
  const d = hex(u32(random));
  const variant = ((Number.parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** A standard normal deviate (Box–Muller). */
function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function pickWeighted<T>(random: Random, items: [T, number][]): T {
  let roll = random.next();
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function actorTypeFor(random: Random): ActorType {
  const roll = random.next();
  if (roll < 0.7) return 'sme';
  if (roll < 0.8) return 'large_company';
  if (roll < 0.86) return 'research';
  if (roll < 0.9) return 'education';
  if (roll < 0.94) return 'public_development';
  if (roll < 0.97) return 'financier';
  return 'interest_organisation';
}

function sectionOf(code: string): string {
  if (/^[A-U]$/.test(code)) return code;
  const section = sectionOfNace(code);
  if (!section) throw new Error(`Unknown sector code ${code}.`);
  return section.code;
}

/** Years later, minus a day: the way a programme period's planned end is written. */
function periodEnd(startDay: number, years: number): number {
  const start = fromDayNumber(startDay);
  const year = Number(start.slice(0, 4)) + years;
  return toDayNumber(`${year}${start.slice(4)}`.replace(/-02-29$/, '-02-28')) - 1;
}

type Phases = { phases: Record<string, number>; log: (line: string) => void };

/** The share of a table's pages the visibility map marks all-visible (index-only scans skip the heap there). */
async function allVisibleShare(handle: DatabaseHandle, table: string): Promise<number> {
  const result = await handle.pool.query<{ share: number }>(
    'select relallvisible::float8 / greatest(relpages, 1) as share from pg_class where relname = $1',
    [table],
  );
  return result.rows[0]?.share ?? 0;
}

async function phase<T>(state: Phases, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  state.log(`  ${name} …`);
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  state.phases[name] = Math.round(seconds * 10) / 10;
  state.log(`  ${name}: ${seconds.toFixed(1)} s`);
  return result;
}

type Batched = {
  label: string;
  /** The statement: `fixed` values are $1…$k, then one array parameter per column. */
  sql: string;
  fixed?: unknown[];
  count: number;
  batchSize: number;
  row: (index: number) => unknown[];
};

/** Sends rows as column arrays, a batch per statement, and logs progress every tenth. */
async function insertColumns(handle: DatabaseHandle, batched: Batched, log: (line: string) => void) {
  const { label, sql, fixed = [], count, batchSize, row } = batched;
  const started = performance.now();
  let nextReport = 0.1;
  for (let from = 0; from < count; from += batchSize) {
    const to = Math.min(count, from + batchSize);
    let columns: unknown[][] = [];
    for (let i = from; i < to; i++) {
      const values = row(i);
      if (i === from) columns = values.map(() => []);
      for (let c = 0; c < values.length; c++) columns[c]!.push(values[c]);
    }
    await handle.pool.query(sql, [...fixed, ...columns]);
    if (to / count >= nextReport || to === count) {
      const seconds = (performance.now() - started) / 1000;
      log(
        `    ${label}: ${to.toLocaleString('en')} / ${count.toLocaleString('en')} ` +
          `(${Math.round((100 * to) / count)} %, ${Math.round(to / seconds).toLocaleString('en')} rows/s)`,
      );
      while (nextReport <= to / count) nextReport += 0.1;
    }
  }
}

// ── the data ─────────────────────────────────────────────────────────────────────────────────────

type OrganisationRow = {
  id: string;
  orgnr: string;
  name: string;
  form: string;
  nace: string[];
  employees: number | null;
  municipality: string;
  county: string;
  actorType: ActorType;
};

function buildOrganisations(count: number, random: Random): OrganisationRow[] {
  const rows: OrganisationRow[] = [];
  let stem = 81_000_000;
  for (let i = 0; i < count; i++) {
    const municipality = random.pick(MUNICIPALITIES);
    const place = municipality.name;
    const actorType = actorTypeFor(random);
    const trade = random.pick(COMPANY_TRADES);
    const word = random.pick(trade.words);
    const coined = `${random.pick(COINED_HEADS)}${random.pick(COINED_TAILS)}`;
    let name: string;
    let nace: string[];
    switch (actorType) {
      case 'research':
        name = random.pick([
          `${coined} Forskning ${place}`,
          `${word}forskning ${place}`,
          `${place} Teknologiinstitutt`,
        ]);
        nace = ['72.190'];
        break;
      case 'education':
        name = random.pick([
          `${place} tekniske fagskole`,
          `${coined} kompetansesenter`,
          `Fagskolen ${coined}`,
        ]);
        nace = ['85.421'];
        break;
      case 'public_development':
        name = random.pick([
          `Kunnskapsparken ${coined}`,
          `${place} Næringsutvikling`,
          `${coined} Næringshage`,
        ]);
        nace = ['84.130'];
        break;
      case 'financier':
        name = random.pick([`${coined} Vekstkapital`, `${place} Såkornfond`, `Sparebanken ${coined}`]);
        nace = ['64.190'];
        break;
      case 'interest_organisation':
        name = random.pick([`${word}foreningen ${place}`, `${coined} Næringsforening`]);
        nace = ['94.110'];
        break;
      default:
        name = `${random.chance(0.5) ? coined : place} ${word}${random.pick(SUFFIXES)}`;
        nace = random.chance(0.2)
          ? [random.pick(trade.nace), random.pick(trade.nace)]
          : [random.pick(trade.nace)];
        nace = [...new Set(nace)];
    }
    const form = random.pick(FORMS[actorType]);
    if (form === 'AS' || form === 'ASA') name = `${name} ${form}`;
    stem += random.int(1, 12);
    const orgnr = orgnrFromNumber(stem);
    stem = Number(orgnr.slice(0, 8)) + 1;
    rows.push({
      id: uuidFrom(random),
      orgnr,
      name,
      form,
      nace,
      employees: employeesFor(actorType, random),
      municipality: municipality.number,
      county: municipality.number.slice(0, 2),
      actorType,
    });
  }
  return rows;
}

type EngagementRow = {
  id: string;
  clusterId: string;
  level: LevelCode;
  startsOn: number;
  plannedEndOn: number;
  extendedToOn: number | null;
  endedOn: number | null;
};

type ClusterRow = {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  descriptionNb: string;
  descriptionEn: string;
  foundedYear: number;
  focusAreas: { nb: string; en: string }[];
  hostOrgnr: string | null;
  status: 'active' | 'ended';
  counties: string[];
  sectors: string[];
  engagements: EngagementRow[];
  /** The current level, if any, and the day its engagement started. */
  current: { level: LevelCode; since: number } | null;
  /** First day partners can have joined, and the day they all left (ended clusters). */
  firstDay: number;
  endDay: number | null;
  brandFrom: number | null;
};

function buildClusters(
  count: number,
  today: number,
  random: Random,
  hostsByCounty: Map<string, string[]>,
): ClusterRow[] {
  const rows: ClusterRow[] = [];
  const names = new Set<string>();
  const slugs = new Set<string>();
  while (rows.length < count) {
    const region = random.pick(REGIONS);
    const theme = random.pick(THEMES);
    const kind = random.pick(KINDS);
    let name = `${region} ${theme.nb} ${kind}`;
    if (names.has(name)) {
      // Past the plain combinations, add a second theme.
      const second = random.pick(THEMES);
      if (second === theme) continue;
      name = `${region} ${theme.nb} og ${second.nb.toLowerCase()} ${kind}`;
      if (names.has(name)) continue;
    }
    names.add(name);
    let slug = slugify(name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
    slugs.add(slug);
    const id = uuidFrom(random);

    const counties = new Set<string>([random.pick(COUNTY_CODES)]);
    const extraCounties = random.chance(0.35) ? random.int(1, 2) : 0;
    for (let i = 0; i < extraCounties; i++) counties.add(random.pick(COUNTY_CODES));
    const sectors = new Set<string>([theme.sector]);
    if (random.chance(0.6)) sectors.add(random.pick(THEMES).sector);
    if (random.chance(0.3)) sectors.add(random.pick(['C', 'M', 'J', 'H']));
    const second = random.pick(THEMES);
    const focusAreas = [
      { nb: theme.nb, en: theme.en },
      { nb: `${second.nb} og innovasjon`, en: `${second.en} and innovation` },
    ];

    // Level history: most clusters are at a level today; some ended, a few are between periods.
    const roll = random.next();
    const status: 'active' | 'ended' = roll < 0.08 ? 'ended' : 'active';
    const between = status === 'active' && roll < 0.12;
    const engagements: EngagementRow[] = [];
    let current: ClusterRow['current'] = null;
    let endDay: number | null = null;
    let brandFrom: number | null = null;
    let lastLevel: LevelCode;
    let lastStart: number;
    if (status === 'active' && !between) {
      lastLevel = pickWeighted(random, CURRENT_LEVELS);
      const years = DURATION_YEARS[lastLevel];
      lastStart = today - random.int(30, years * 365 - 30);
      const planned = periodEnd(lastStart, years);
      engagements.push({
        id: uuidFrom(random),
        clusterId: id,
        level: lastLevel,
        startsOn: lastStart,
        plannedEndOn: planned,
        extendedToOn: null,
        endedOn: null,
      });
      current = { level: lastLevel, since: lastStart };
      if (lastLevel === 'arena_pro' && random.chance(0.3)) brandFrom = lastStart;
    } else {
      // The last period ended between 30 days and six years ago.
      lastLevel = pickWeighted(random, CURRENT_LEVELS);
      const years = DURATION_YEARS[lastLevel];
      const end = today - random.int(30, 6 * 365);
      lastStart = end - years * 365 + 1;
      const planned = periodEnd(lastStart, years);
      const endedEarly = end < planned;
      engagements.push({
        id: uuidFrom(random),
        clusterId: id,
        level: lastLevel,
        startsOn: lastStart,
        plannedEndOn: endedEarly ? planned : end,
        extendedToOn: null,
        endedOn: endedEarly ? end : null,
      });
      if (status === 'ended') endDay = end;
    }
    // Earlier periods, each ending the day before the next one starts.
    let before = lastStart;
    for (const level of PREDECESSORS[lastLevel].slice(0, random.int(0, 2))) {
      const extended = level === 'arena' && random.chance(0.3);
      const years = DURATION_YEARS[level] + (extended ? 2 : 0);
      const starts = before - years * 365;
      engagements.unshift({
        id: uuidFrom(random),
        clusterId: id,
        level,
        startsOn: starts,
        plannedEndOn: extended ? periodEnd(starts, DURATION_YEARS[level]) : before - 1,
        extendedToOn: extended ? before - 1 : null,
        endedOn: null,
      });
      before = starts;
    }
    const firstDay = engagements[0]!.startsOn;
    const hosts = hostsByCounty.get([...counties][0]!) ?? [];
    rows.push({
      id,
      slug,
      name,
      shortName: random.chance(0.3) ? `${region} ${kind}` : null,
      descriptionNb:
        `${name} samler bedrifter, forskningsmiljøer og offentlige aktører innen ` +
        `${theme.nb.toLowerCase()} i ${region}. Målet er innovasjon, nye markeder og grønn omstilling.`,
      descriptionEn:
        `${name} brings together companies, research groups and public bodies in ` +
        `${theme.en.toLowerCase()} in ${region}. It aims at innovation, new markets and a green transition.`,
      foundedYear: Number(fromDayNumber(firstDay).slice(0, 4)),
      focusAreas,
      hostOrgnr: hosts.length > 0 && random.chance(0.85) ? random.pick(hosts) : null,
      status,
      counties: [...counties],
      sectors: [...sectors],
      engagements,
      current,
      firstDay,
      endDay,
      brandFrom,
    });
  }
  return rows;
}

/** Memberships as parallel typed arrays: a million objects would cost far more memory and time. */
type MembershipColumns = {
  count: number;
  cluster: Int32Array;
  organisation: Int32Array;
  role: Uint8Array;
  joined: Int32Array;
  signed: Uint8Array;
  /** 0 while the membership is open. */
  left: Int32Array;
};

const ROLES = ['core_partner', 'partner', 'associate'] as const;

function buildMemberships(
  total: number,
  clusterRows: ClusterRow[],
  organisations: OrganisationRow[],
  today: number,
  random: Random,
): MembershipColumns {
  // Cluster sizes: log-normal around the mean, so a few clusters are several times the average.
  const weights = clusterRows.map(() => Math.exp(0.6 * gaussian(random)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const cap = organisations.length;
  const sizes = weights.map((w) => Math.min(cap, Math.max(5, Math.round((w / sum) * total))));
  let diff = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % sizes.length) {
    const step = diff > 0 ? 1 : -1;
    const next = sizes[i]! + step;
    if (next >= 5 && next <= cap) {
      sizes[i] = next;
      diff -= step;
    }
  }

  // Research, education, public bodies and financiers join many clusters; companies join few.
  const popular: number[] = [];
  const byCounty = new Map<string, number[]>();
  for (const [index, o] of organisations.entries()) {
    if (
      o.actorType !== 'sme' &&
      o.actorType !== 'large_company' &&
      popular.length < organisations.length / 60
    ) {
      popular.push(index);
    }
    const list = byCounty.get(o.county) ?? [];
    list.push(index);
    byCounty.set(o.county, list);
  }

  const columns: MembershipColumns = {
    count: total,
    cluster: new Int32Array(total),
    organisation: new Int32Array(total),
    role: new Uint8Array(total),
    joined: new Int32Array(total),
    signed: new Uint8Array(total),
    left: new Int32Array(total),
  };
  const localPools = new Map<string, number[]>();
  let n = 0;
  for (const [c, cluster] of clusterRows.entries()) {
    const size = sizes[c]!;
    const key = cluster.counties.join(',');
    let local = localPools.get(key);
    if (!local) {
      local = cluster.counties.flatMap((county) => byCounty.get(county) ?? []);
      localPools.set(key, local);
    }
    const chosen = new Set<number>();
    let misses = 0;
    while (chosen.size < size) {
      const roll = random.next();
      const source =
        misses > 50 ? null : roll < 0.15 ? popular : roll < 0.7 && local.length > 0 ? local : null;
      const candidate = source ? random.pick(source) : random.int(0, organisations.length - 1);
      if (chosen.has(candidate)) misses++;
      else chosen.add(candidate);
    }
    const lastJoin = Math.min(cluster.endDay ?? today, today);
    const coreCount = Math.ceil(size * 0.2);
    let index = 0;
    for (const organisation of chosen) {
      const joined = random.int(cluster.firstDay, Math.max(cluster.firstDay, lastJoin));
      let left = 0;
      if (cluster.endDay !== null) left = Math.max(joined, cluster.endDay);
      else if (random.chance(0.06) && joined + 90 < today) left = random.int(joined + 90, today - 1);
      columns.cluster[n] = c;
      columns.organisation[n] = organisation;
      columns.role[n] = index < coreCount ? 0 : random.chance(0.12) ? 2 : 1;
      columns.joined[n] = joined;
      columns.signed[n] = random.chance(0.9) ? 1 : 0;
      columns.left[n] = left;
      n++;
      index++;
    }
  }
  return columns;
}

// ── the generator ────────────────────────────────────────────────────────────────────────────────

/** Fills a migrated, empty database with the scale data. */
export async function generateRegistry(
  handle: DatabaseHandle,
  options: GenerateOptions,
): Promise<GenerateSummary> {
  const { scale } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const state: Phases = { phases: {}, log };
  const random = seededRandom(options.seed ?? 20_240_611);
  const today = toDayNumber(options.today);
  const started = performance.now();
  const date = (day: number | null) => (day === null || day === 0 ? null : fromDayNumber(day));

  const programme: SeededProgramme = await phase(state, 'programme', () => createProgramme(handle.db));

  const organisations = await phase(state, 'organisations: build', async () =>
    buildOrganisations(scale.organisations, random),
  );
  await phase(state, 'organisations: insert', () =>
    insertColumns(
      handle,
      {
        label: 'organisations',
        sql: `insert into organisations (id, orgnr, name, name_sort_key, organisation_form, nace_codes, employees,
                municipality_number, county_code, actor_type)
              select id, orgnr, name, sort_key, form, string_to_array(nace, ','), employees, municipality, county,
                actor_type
              from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[],
                $8::text[], $9::text[], $10::text[])
                as t(id, orgnr, name, sort_key, form, nace, employees, municipality, county, actor_type)`,
        count: organisations.length,
        batchSize: 5_000,
        row: (i) => {
          const o = organisations[i]!;
          return [
            o.id,
            o.orgnr,
            o.name,
            norwegianSortKey(o.name),
            o.form,
            o.nace.join(','),
            o.employees,
            o.municipality,
            o.county,
            o.actorType,
          ];
        },
      },
      log,
    ),
  );

  const hostsByCounty = new Map<string, string[]>();
  for (const o of organisations) {
    if (o.actorType !== 'public_development') continue;
    const list = hostsByCounty.get(o.county) ?? [];
    if (list.length < 50) list.push(o.orgnr);
    hostsByCounty.set(o.county, list);
  }
  const clusterRows = await phase(state, 'clusters: build', async () =>
    buildClusters(scale.clusters, today, random, hostsByCounty),
  );
  await phase(state, 'clusters: insert', () =>
    insertColumns(
      handle,
      {
        label: 'clusters',
        sql: `insert into clusters (id, programme_id, slug, name, short_name, name_sort_key, description_nb,
                description_en, founded_year, focus_areas, host_orgnr, status)
              select id, $1::uuid, slug, name, short_name, sort_key, description_nb, description_en,
                founded_year, focus_areas::jsonb, host_orgnr, status
              from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                $9::int[], $10::text[], $11::text[], $12::text[])
                as t(id, slug, name, short_name, sort_key, description_nb, description_en, founded_year,
                  focus_areas, host_orgnr, status)`,
        fixed: [programme.id],
        count: clusterRows.length,
        batchSize: 1_000,
        row: (i) => {
          const c = clusterRows[i]!;
          return [
            c.id,
            c.slug,
            c.name,
            c.shortName,
            norwegianSortKey(c.name),
            c.descriptionNb,
            c.descriptionEn,
            c.foundedYear,
            JSON.stringify(c.focusAreas),
            c.hostOrgnr,
            c.status,
          ];
        },
      },
      log,
    ),
  );

  const counties = clusterRows.flatMap((c) => c.counties.map((county) => [c.id, county]));
  const sectors = clusterRows.flatMap((c) => c.sectors.map((code) => [c.id, code, sectionOf(code)]));
  const engagementRows = clusterRows.flatMap((c) => c.engagements);
  const branded = clusterRows.filter((c) => c.brandFrom !== null);
  // Nodes hang on a hub at Arena Pro or higher today, from the later of the two periods' starts.
  const hubs = clusterRows.filter((c) => c.current && ['arena_pro', 'global'].includes(c.current.level));
  const nodes = clusterRows.filter((c) => c.current?.level === 'hub_node');
  const links = hubs.length === 0 ? [] : nodes.map((node) => ({ node, hub: random.pick(hubs) }));
  await phase(state, 'counties, sectors, engagements, brands, hub links', async () => {
    await insertColumns(
      handle,
      {
        label: 'cluster_counties',
        sql: 'insert into cluster_counties (cluster_id, county_code) select * from unnest($1::uuid[], $2::text[])',
        count: counties.length,
        batchSize: 10_000,
        row: (i) => counties[i]!,
      },
      log,
    );
    await insertColumns(
      handle,
      {
        label: 'cluster_sectors',
        sql: `insert into cluster_sectors (cluster_id, code, section)
              select * from unnest($1::uuid[], $2::text[], $3::text[])`,
        count: sectors.length,
        batchSize: 10_000,
        row: (i) => sectors[i]!,
      },
      log,
    );
    await insertColumns(
      handle,
      {
        label: 'engagements',
        sql: `insert into engagements (id, cluster_id, level_id, starts_on, planned_end_on, extended_to_on,
                ended_on, yearly_grant_nok)
              select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::date[], $6::date[],
                $7::date[], $8::int[])`,
        count: engagementRows.length,
        batchSize: 10_000,
        row: (i) => {
          const e = engagementRows[i]!;
          return [
            e.id,
            e.clusterId,
            programme.levelIds.get(e.level)!,
            date(e.startsOn),
            date(e.plannedEndOn),
            date(e.extendedToOn),
            date(e.endedOn),
            YEARLY_GRANT[e.level],
          ];
        },
      },
      log,
    );
    await insertColumns(
      handle,
      {
        label: 'cluster_brands',
        sql: `insert into cluster_brands (id, cluster_id, brand_id, starts_on)
              select id, cluster_id, $1::uuid, starts_on
              from unnest($2::uuid[], $3::uuid[], $4::date[]) as t(id, cluster_id, starts_on)`,
        fixed: [programme.brandIds.get('nce')!],
        count: branded.length,
        batchSize: 10_000,
        row: (i) => [uuidFrom(random), branded[i]!.id, date(branded[i]!.brandFrom)],
      },
      log,
    );
    await insertColumns(
      handle,
      {
        label: 'hub_links',
        sql: `insert into hub_links (id, hub_cluster_id, node_cluster_id, starts_on)
              select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[])`,
        count: links.length,
        batchSize: 10_000,
        row: (i) => {
          const { node, hub } = links[i]!;
          return [uuidFrom(random), hub.id, node.id, date(Math.max(node.current!.since, hub.current!.since))];
        },
      },
      log,
    );
  });

  const members = await phase(state, 'memberships: build', async () => {
    const columns = buildMemberships(scale.memberships, clusterRows, organisations, today, random);
    // Partners join over the years: insert in the order they joined, as a live registry would.
    const order = new Uint32Array(columns.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort((a, b) => columns.joined[a]! - columns.joined[b]! || a - b);
    return { columns, order };
  });
  const m = members.columns;
  await phase(state, 'memberships: insert', () =>
    insertColumns(
      handle,
      {
        label: 'memberships',
        sql: `insert into memberships (id, cluster_id, organisation_id, role, joined_on, agreement_signed_on,
                left_on)
              select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::date[],
                $7::date[])`,
        count: m.count,
        batchSize: 20_000,
        row: (k) => {
          const i = members.order[k]!;
          const joined = date(m.joined[i]!);
          return [
            uuidFrom(random),
            clusterRows[m.cluster[i]!]!.id,
            organisations[m.organisation[i]!]!.id,
            ROLES[m.role[i]!],
            joined,
            m.signed[i] ? joined : null,
            date(m.left[i]!),
          ];
        },
      },
      log,
    ),
  );

  // Statistics for the planner, and a visibility map as autovacuum would leave it in a live database.
  await phase(state, 'vacuum analyze', async () => {
    await handle.pool.query('vacuum (analyze)');
    // One pass has left a fifth of the memberships pages not all-visible on PostgreSQL 15 (with
    // autovacuum at work on the same tables), which turns the index-only partner counts into heap
    // reads and makes runs differ. Autovacuum would finish the job in a live database; a second
    // pass does it here.
    if ((await allVisibleShare(handle, 'memberships')) < 0.99) await handle.pool.query('vacuum');
    state.log(
      `  memberships pages all-visible: ${((await allVisibleShare(handle, 'memberships')) * 100).toFixed(0)} %`,
    );
  });

  return {
    clusters: clusterRows.length,
    organisations: organisations.length,
    memberships: m.count,
    engagements: engagementRows.length,
    hubLinks: links.length,
    phases: state.phases,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
