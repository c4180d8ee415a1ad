import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import type { Locale } from '../../shared/localized';
import type { Random } from '../../shared/random';
import { DEMO_ACCOUNTS, DEMO_HOME_CLUSTER } from '../accounts/accounts.seed';
import type { LevelCode } from '../programme/levels';
import { moneyAsked } from './application-rules';
import { EMPTY_SECTION_BODIES, type PartnerCommitment, type SectionBodies } from './applications.contract';
import { type ApplicationStatus, type SectionKey, sectionsOf } from './applications.lifecycle';
import { type ApplicationInsert, insertApplication, insertSections } from './applications.queries';

export type ApplicationSeed = Partial<Omit<ApplicationInsert, 'callId' | 'clusterId'>> & {
  callId: string;
  clusterId: string;
  /** Section bodies; a section left out is empty. */
  sections?: Partial<SectionBodies>;
};

let sequence = 0;

/**
 * Writes an application with its level's sections, directly: a draft for Arena by default, from an
 * invented contact. A submitted one is written as submitted when it was made, unless told.
 */
export async function createApplication(db: Db, seed: ApplicationSeed) {
  sequence += 1;
  const { sections = {}, ...columns } = seed;
  const levelCode: LevelCode = columns.levelCode ?? 'arena';
  const status: ApplicationStatus = columns.status ?? 'draft';
  const createdAt = columns.createdAt ?? new Date('2026-06-01T08:00:00Z');
  const row = await insertApplication(db, {
    contactName: `Søker ${sequence}`,
    contactEmail: `soker-${process.pid}-${sequence}@example.test`,
    language: 'nb',
    createdAt,
    updatedAt: createdAt,
    submittedAt: status === 'draft' ? null : createdAt,
    moneyAskedNok: moneyAsked(sections.budget),
    ...columns,
    levelCode,
    status,
  });
  await insertSections(
    db,
    row.id,
    // A section someone wrote in has been saved once.
    sectionsOf(levelCode).map((key) => {
      const body = sections[key];
      return body === undefined ? { key, body: EMPTY_SECTION_BODIES[key] } : { key, body, version: 1 };
    }),
    createdAt,
  );
  return row;
}

export type PartnerSeed = {
  orgnr: string;
  commitment?: PartnerCommitment;
  cashNok?: number;
  inKindNok?: number;
};

/**
 * Sections that keep every rule for a level, given the partners and the budget's first year: what
 * a test changes one field of to break one rule.
 */
export function completeSections(input: {
  level: LevelCode;
  ownerOrgnr: string;
  partners: PartnerSeed[];
  firstYear: number;
  hubSlug?: string;
  yearlyNok?: number;
}): Partial<SectionBodies> {
  const years = { arena: 3, arena_pro: 5, hub_node: 3, pre_project: 1 }[input.level as string] ?? 3;
  const yearly = input.yearlyNok ?? 2_000_000;
  const sections: Partial<SectionBodies> = {
    background: { text: 'Bedriftene har samarbeidet i nettverk siden 2017.' },
    vision_goals: {
      vision: 'En klimanøytral industri i verdensklasse.',
      goals: [{ goal: 'Flere samarbeidsprosjekter', indicator: 'Prosjekter per år', target: '10' }],
    },
    focus_activities: {
      focusAreas: ['Energi', 'Kompetanse'],
      activities: [{ name: 'Storsamling', description: 'To dager med verksteder og bedriftsbesøk.' }],
      plan: 'Første år bygger vi organisasjonen; deretter prosjekter.',
    },
    expected_effects: { text: 'Økt verdiskaping og nye arbeidsplasser.' },
    resource_base: {
      projectOwnerOrgnr: input.ownerOrgnr,
      partners: input.partners.map((p) => ({
        orgnr: p.orgnr,
        commitment: p.commitment ?? 'core_partner',
        cashNok: p.cashNok ?? 50_000,
        inKindNok: p.inKindNok ?? 100_000,
      })),
      text: 'Partnerne bidrar med kontanter og egeninnsats.',
    },
    ecosystem_role: { text: 'Klyngen knytter regionens industri til nasjonale miljøer.' },
    budget: {
      years: Array.from({ length: years }, (_, i) => ({
        year: input.firstYear + i,
        costNok: yearly * 2,
        programmeNok: yearly,
      })),
      cofinancing: [{ year: input.firstYear, source: 'Fylkeskommunen', amountNok: 500_000 }],
    },
  };
  if (input.level === 'pre_project')
    sections.pre_project = { funder: 'Innovasjon Norge Nordland', amountNok: 400_000 };
  if (input.level === 'hub_node') sections.hub = { hubClusterSlug: input.hubSlug ?? '' };
  return sections;
}

// ── The demo ─────────────────────────────────────────────────────────────────────────────────────

/** Invented contacts for the demo clusters' applications (never real people). */
const FIRST_NAMES = ['Ingrid', 'Lars', 'Marte', 'Eirik', 'Sunniva', 'Håkon', 'Tuva', 'Jonas', 'Åse', 'Mats'];
const LAST_NAMES = ['Fjellheim', 'Strandvik', 'Nordbø', 'Elvestad', 'Havnes', 'Skogli', 'Vikan', 'Bergset'];

function inventedContact(random: Random, slug: string): { contactName: string; contactEmail: string } {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { contactName: `${first} ${last}`, contactEmail: `${slug}@demo.klynge.example` };
}

type DemoApplication = {
  slug: string;
  level: LevelCode;
  /** In the closed call of 2021 (submitted), or the call open on the demo's day (a draft). */
  call: 'closed2021' | 'openNow';
  /** The hub a hub-node names. */
  hub?: string;
  /** Sections a draft has not got to yet. */
  unwritten?: SectionKey[];
  language?: Locale;
};

// Clusters that did enter Arena Pro or Arena in 2022 applied in 2021's round; this year's drafts
// are clusters whose period ends soon. The demo's words are its own.
const DEMO_APPLICATIONS: DemoApplication[] = [
  { slug: DEMO_HOME_CLUSTER, level: 'arena_pro', call: 'closed2021' },
  { slug: 'ocean-hyway-cluster', level: 'arena_pro', call: 'closed2021', language: 'en' },
  { slug: 'norwegian-offshore-wind', level: 'arena_pro', call: 'closed2021', language: 'en' },
  { slug: 'solenergiklyngen', level: 'arena_pro', call: 'closed2021' },
  { slug: 'circular-wave', level: 'arena', call: 'closed2021' },
  { slug: 'energi-i-nord', level: 'arena', call: 'closed2021' },
  { slug: 'energi-i-nord', level: 'arena_pro', call: 'openNow', unwritten: ['ecosystem_role', 'budget'] },
  { slug: 'circular-wave', level: 'arena_pro', call: 'openNow', unwritten: ['expected_effects'] },
  { slug: 'codcluster', level: 'hub_node', call: 'openNow', hub: 'nce-aquatech-cluster' },
];

/**
 * The applications of the demo: ACT's Arena Pro application of 2021 and five more, submitted in
 * 2021's closed call, and drafts in the call open on the demo's day (one a hub-node whose hub's
 * period ends before the deadline, so the check has something to say).
 */
export const seedApplicationsDemo: DemoSeed = async (demo) => {
  const calls = demo.fact('calls');
  const clusters = demo.fact('clusters');
  const organisations = new Map(demo.fact('organisations').map((o) => [o.id, o]));
  const partnerships = demo.fact('partnerships');
  const manager = DEMO_ACCOUNTS.find((account) => account.role === 'cluster_manager')!;
  const thisYear = Number(demo.today.slice(0, 4));
  let made = 0;
  for (const entry of DEMO_APPLICATIONS) {
    const cluster = clusters.get(entry.slug);
    if (!cluster) throw new Error(`Demo data: the cluster ${entry.slug} is missing.`);
    const closed = entry.call === 'closed2021';
    const partners = partnerships
      .filter((p) => p.clusterId === cluster.id && p.role !== 'associate' && p.leftOn === null)
      .slice(0, 40)
      .map((p) => ({
        orgnr: organisations.get(p.organisationId)!.orgnr,
        commitment: (p.role === 'core_partner' ? 'core_partner' : 'partner') as PartnerCommitment,
        cashNok: demo.random.int(2, 20) * 10_000,
        inKindNok: demo.random.int(5, 40) * 10_000,
      }));
    const owner = partners[0]?.orgnr ?? '';
    const sections = completeSections({
      level: entry.level,
      ownerOrgnr: owner,
      partners,
      firstYear: closed ? 2022 : thisYear + 1,
      hubSlug: entry.hub,
      yearlyNok: demo.random.int(15, 60) * 100_000,
    });
    sections.background = {
      text: `${cluster.demo.descriptionNb} Søknaden bygger på ${partners.length} partnere og flere års samarbeid.`,
    };
    sections.focus_activities = {
      ...sections.focus_activities!,
      focusAreas: cluster.demo.focusAreas.map((area) => area.nb),
    };
    for (const key of entry.unwritten ?? []) delete sections[key];
    const home = entry.slug === DEMO_HOME_CLUSTER;
    const contact = home
      ? { contactName: manager.name, contactEmail: manager.email }
      : inventedContact(demo.random, entry.slug);
    const submittedAt = closed
      ? new Date(`2021-08-${String(demo.random.int(20, 31)).padStart(2, '0')}T09:30:00Z`)
      : null;
    await createApplication(demo.tx, {
      callId: calls[entry.call],
      clusterId: cluster.id,
      levelCode: entry.level,
      status: closed ? 'submitted' : 'draft',
      language: entry.language ?? 'nb',
      ...contact,
      sections,
      createdAt: closed ? new Date('2021-06-15T08:00:00Z') : demo.clock.now(),
      submittedAt,
    });
    made += 1;
  }
  demo.count('applications', made);
};
