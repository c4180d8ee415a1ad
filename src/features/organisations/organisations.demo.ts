import type { DemoSeed } from '../../server/demo-seed';
import { countyOfMunicipality } from '../../shared/counties';
import type { Random } from '../../shared/random';
import { norwegianSortKey } from '../../shared/sort-key';
import type { ActorType } from './actor-type';
import type { OrganisationInsert } from './organisations.seed';
import { orgnrFromNumber } from './organisations.seed';
import { organisations } from './organisations.table';

/** A few 2024 municipalities per county, enough to spread demo organisations realistically. */
export const DEMO_MUNICIPALITIES: Record<string, { number: string; name: string }[]> = {
  '03': [{ number: '0301', name: 'Oslo' }],
  '11': [
    { number: '1103', name: 'Stavanger' },
    { number: '1108', name: 'Sandnes' },
  ],
  '15': [
    { number: '1508', name: 'Ålesund' },
    { number: '1506', name: 'Molde' },
  ],
  '18': [
    { number: '1804', name: 'Bodø' },
    { number: '1833', name: 'Rana' },
    { number: '1824', name: 'Vefsn' },
    { number: '1820', name: 'Alstahaug' },
    { number: '1806', name: 'Narvik' },
  ],
  '31': [
    { number: '3107', name: 'Fredrikstad' },
    { number: '3105', name: 'Sarpsborg' },
    { number: '3101', name: 'Halden' },
  ],
  '32': [
    { number: '3201', name: 'Bærum' },
    { number: '3203', name: 'Asker' },
    { number: '3205', name: 'Lillestrøm' },
  ],
  '33': [
    { number: '3301', name: 'Drammen' },
    { number: '3303', name: 'Kongsberg' },
  ],
  '34': [
    { number: '3403', name: 'Hamar' },
    { number: '3405', name: 'Lillehammer' },
    { number: '3407', name: 'Gjøvik' },
  ],
  '39': [
    { number: '3905', name: 'Tønsberg' },
    { number: '3907', name: 'Sandefjord' },
    { number: '3901', name: 'Horten' },
  ],
  '40': [
    { number: '4001', name: 'Porsgrunn' },
    { number: '4003', name: 'Skien' },
  ],
  '42': [
    { number: '4204', name: 'Kristiansand' },
    { number: '4203', name: 'Arendal' },
  ],
  '46': [
    { number: '4601', name: 'Bergen' },
    { number: '4602', name: 'Kinn' },
  ],
  '50': [
    { number: '5001', name: 'Trondheim' },
    { number: '5006', name: 'Steinkjer' },
  ],
  '55': [
    { number: '5501', name: 'Tromsø' },
    { number: '5503', name: 'Harstad' },
  ],
  '56': [
    { number: '5601', name: 'Alta' },
    { number: '5603', name: 'Hammerfest' },
  ],
};

/** Words for invented company names, by SN2007 section, with a typical subclass for each section. */
const TRADES: Record<string, { words: string[]; nace: string[] }> = {
  A: {
    words: ['Havbruk', 'Sjømat', 'Smolt', 'Fiskeoppdrett', 'Skog', 'Landbruk'],
    nace: ['03.211', '01.410', '02.100'],
  },
  B: { words: ['Mineral', 'Bergverk', 'Kalk', 'Pukk', 'Grafitt'], nace: ['08.110', '07.290', '08.990'] },
  C: {
    words: [
      'Prosess',
      'Mekaniske',
      'Smelteverk',
      'Metall',
      'Industri',
      'Komposit',
      'Teknikk',
      'Verksted',
      'Sveis',
    ],
    nace: ['24.420', '25.110', '28.290', '20.130', '33.120'],
  },
  D: { words: ['Kraft', 'Energi', 'Hydrogen', 'Vindkraft', 'Nett'], nace: ['35.111', '35.130', '35.140'] },
  E: { words: ['Gjenvinning', 'Miljø', 'Renovasjon'], nace: ['38.110', '38.320'] },
  F: { words: ['Bygg', 'Anlegg', 'Entreprenør'], nace: ['41.200', '42.990'] },
  G: { words: ['Handel', 'Engros', 'Forsyning'], nace: ['46.690', '46.140'] },
  H: {
    words: ['Logistikk', 'Transport', 'Shipping', 'Havn', 'Rederi'],
    nace: ['49.410', '52.220', '50.201'],
  },
  I: { words: ['Reiseliv', 'Opplevelser', 'Hotell'], nace: ['55.101', '79.900'] },
  J: {
    words: ['Data', 'Digital', 'Software', 'Analyse', 'Media'],
    nace: ['62.010', '62.020', '63.110', '59.110'],
  },
  K: { words: ['Invest', 'Kapital', 'Sparebank'], nace: ['64.190', '64.300'] },
  M: {
    words: ['Rådgivning', 'Engineering', 'Konsult', 'Design', 'Laboratorium'],
    nace: ['71.129', '70.220', '72.190'],
  },
  N: { words: ['Bemanning', 'Service', 'Drift'], nace: ['78.200', '81.100'] },
  Q: { words: ['Helse', 'Omsorg', 'Medtech'], nace: ['86.909', '32.501'] },
  R: { words: ['Kultur', 'Scene'], nace: ['90.010'] },
};

const FORMS_BY_TYPE: Record<ActorType, string[]> = {
  sme: ['AS', 'AS', 'AS', 'AS', 'SA', 'ANS', 'ENK'],
  large_company: ['AS', 'ASA', 'AS'],
  research: ['AS', 'STI'],
  education: ['ORGL', 'STAT', 'FYLK'],
  public_development: ['KOMM', 'FYLK', 'AS', 'STAT'],
  financier: ['SPA', 'AS'],
  interest_organisation: ['FLI'],
};

const SUFFIXES = ['', ' Nord', ' Vest', ' Teknologi', ' Solutions', ' Gruppen', ' Partner', ' Norge'];

export type DemoOrganisation = OrganisationInsert & { sections: string[] };

function nameFor(type: ActorType, place: string, trade: string, random: Random): string {
  switch (type) {
    case 'research':
      return random.pick([
        `${place} Forskningssenter`,
        `${trade}forskning ${place}`,
        `${place} Teknologiinstitutt`,
      ]);
    case 'education':
      return random.pick([
        `${place} tekniske fagskole`,
        `${place} kompetansesenter`,
        `Fagskolen for ${trade.toLowerCase()} ${place}`,
      ]);
    case 'public_development':
      return random.pick([`Kunnskapsparken ${place}`, `${place} Næringsutvikling`, `${place} Næringshage`]);
    case 'financier':
      return random.pick([`${place} Vekstkapital`, `${place} Såkornfond`, `Sparebanken ${place}`]);
    case 'interest_organisation':
      return random.pick([
        `${trade}foreningen ${place}`,
        `${place} Næringsforening`,
        `Nettverk for ${trade.toLowerCase()} i ${place}`,
      ]);
    default:
      return `${place} ${trade}${random.pick(SUFFIXES)}`;
  }
}

function actorTypeFor(random: Random): ActorType {
  const roll = random.next();
  if (roll < 0.66) return 'sme';
  if (roll < 0.78) return 'large_company';
  if (roll < 0.85) return 'research';
  if (roll < 0.9) return 'education';
  if (roll < 0.94) return 'public_development';
  if (roll < 0.97) return 'financier';
  return 'interest_organisation';
}

/** A plausible headcount for an actor type (shared with the scale benchmark's generator). */
export function employeesFor(type: ActorType, random: Random): number | null {
  if (random.chance(0.04)) return null;
  switch (type) {
    case 'sme':
      return random.chance(0.5)
        ? random.int(1, 9)
        : random.chance(0.6)
          ? random.int(10, 49)
          : random.int(50, 249);
    case 'large_company':
      return random.int(250, 4_000);
    case 'research':
    case 'education':
      return random.int(20, 900);
    default:
      return random.int(2, 80);
  }
}

/**
 * Invented organisations for the demo: names made from places and trades, valid organisation
 * numbers, and register facts that fit their actor type. No real person appears.
 */
export function generateDemoOrganisations(count: number, random: Random): DemoOrganisation[] {
  const counties = Object.keys(DEMO_MUNICIPALITIES);
  const sections = Object.keys(TRADES);
  const seen = new Set<string>();
  const result: DemoOrganisation[] = [];
  let stem = 91_200_000;
  while (result.length < count) {
    const county = random.pick(counties);
    const municipality = random.pick(DEMO_MUNICIPALITIES[county]!);
    const section = random.pick(sections);
    const trade = TRADES[section]!;
    const actorType = actorTypeFor(random);
    const name = nameFor(actorType, municipality.name, random.pick(trade.words), random);
    if (seen.has(name)) continue;
    seen.add(name);
    stem += random.int(7, 4_000);
    const orgnr = orgnrFromNumber(stem);
    stem = Number(orgnr.slice(0, 8)) + 1;
    const nace =
      actorType === 'research'
        ? ['72.190']
        : actorType === 'education'
          ? ['85.421']
          : actorType === 'public_development'
            ? ['84.130']
            : actorType === 'financier'
              ? ['64.190']
              : actorType === 'interest_organisation'
                ? ['94.110']
                : [random.pick(trade.nace)];
    result.push({
      orgnr,
      name,
      nameSortKey: norwegianSortKey(name),
      organisationForm: random.pick(FORMS_BY_TYPE[actorType]),
      naceCodes: nace,
      employees: employeesFor(actorType, random),
      municipalityNumber: municipality.number,
      countyCode: countyOfMunicipality(municipality.number) ?? null,
      actorType,
      website: null,
      sections: actorType === 'sme' || actorType === 'large_company' ? [section] : sections,
    });
  }
  return result;
}

/** How many invented organisations the demo holds: enough for every demo cluster's partners. */
export const DEMO_ORGANISATION_COUNT = 2_000;

/** An invented demo organisation with its id. */
export type SeededDemoOrganisation = DemoOrganisation & { id: string };

declare module '../../server/demo-seed' {
  interface DemoFacts {
    /** Every demo organisation: hosts and partners are picked from these. */
    organisations: SeededDemoOrganisation[];
  }
}

/** Invented organisations (no real people, numbers that pass the check digit), in batches. */
export const seedOrganisationsDemo: DemoSeed = async (demo) => {
  const generated = generateDemoOrganisations(DEMO_ORGANISATION_COUNT, demo.random);
  const ids = new Map<string, string>();
  for (let i = 0; i < generated.length; i += 500) {
    const inserted = await demo.tx
      .insert(organisations)
      .values(generated.slice(i, i + 500).map(({ sections: _sections, ...row }) => row))
      .returning({ id: organisations.id, orgnr: organisations.orgnr });
    for (const row of inserted) ids.set(row.orgnr, row.id);
  }
  demo.leave(
    'organisations',
    generated.map((o) => ({ ...o, id: ids.get(o.orgnr)! })),
  );
  demo.count('organisations', generated.length);
};
