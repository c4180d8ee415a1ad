import type { DemoSeed } from '../../server/demo-seed';
import { addDays } from '../../shared/dates';
import { completeSections, createApplication } from '../applications/applications.seed';
import { framesOfYears } from '../budget/commitments.service';
import { createCall } from '../calls/calls.seed';
import { getCall } from '../calls/calls.service';
import { createCluster } from '../clusters/clusters.seed';
import { levelRulesByCode } from '../clusters/clusters.service';
import type { LevelCode } from '../programme/levels';
import { draftLetter } from './decision-letters';
import { upsertDraft } from './decisions.queries';
import { committedInYear, grantsByYear, periodEnd } from './decisions.service';

/** The forming network the demo's round admits: invented, like every demo contact. */
/** A cluster at Arena whose period has not been extended yet. */
export const DEMO_EXTENDABLE = { slug: 'kystlogistikk-arena', name: 'Kystlogistikk Arena' };
export const DEMO_FORMING_NETWORK = { slug: 'hydrogennettverket-nord', name: 'Hydrogennettverket Nord' };

type DemoDraft = {
  slug: string;
  /** Admissions start on the demo's day, or on the first day of next year. */
  starts?: 'today' | 'next_year';
  /** The level applied for; an admission is at this level. */
  level: LevelCode;
  outcome: 'admit' | 'reject';
  /** The grant of each year of the period, NOK. */
  grants?: number[];
  reason: string;
};

// NCE Aquatech Cluster has had operating aid since 2013, so another Arena Pro period (from next
// year, when its present one ends) takes it past the ten-year cap; Circular Wave moves from Arena to Arena Pro and its first year takes this
// year's frame over; the forming network becomes a cluster at Arena; Arctic Cluster Team, in the
// sub-programme for mature clusters, is turned down.
const DEMO_DRAFTS: DemoDraft[] = [
  {
    slug: 'nce-aquatech-cluster',
    level: 'arena_pro',
    starts: 'next_year',
    outcome: 'admit',
    grants: [7_000_000, 7_000_000, 6_500_000, 6_000_000, 5_500_000],
    reason: 'Sterk internasjonal forankring og tydelige resultater fra forrige periode.',
  },
  {
    slug: 'circular-wave',
    level: 'arena_pro',
    outcome: 'admit',
    grants: [8_000_000, 7_500_000, 7_000_000, 6_500_000, 6_000_000],
    reason: 'Klyngen har vokst raskt og er klar for Arena Pro.',
  },
  {
    slug: DEMO_FORMING_NETWORK.slug,
    level: 'arena',
    outcome: 'admit',
    grants: [1_500_000, 2_500_000, 2_500_000],
    reason: 'Et bredt partnerskap med en klar plan for de første årene.',
  },
  {
    slug: 'arctic-cluster-team',
    level: 'arena_pro',
    outcome: 'reject',
    reason:
      'Klyngen er i underprogrammet for modne klynger og har brukt det meste av årene med driftsstøtte.',
  },
];

declare module '../../server/demo-seed' {
  interface DemoFacts {
    /** The forming network whose application waits for the round's decision. */
    formingNetwork: { id: string; slug: string };
    /** The closed call whose drafted decisions wait to be published. */
    decisionRound: string;
  }
}

/**
 * The demo's autumn round, closed a month ago, with a draft for every application, ready for staff
 * to publish in the browser: one admission takes this year over its frame, one takes a cluster past the ten-year
 * cap, and a forming network that applied with its partners is admitted. The periods start on the
 * demo's day, so the profile shows the new level as soon as the round is published.
 */
export const seedDecisionsDemo: DemoSeed = async (demo) => {
  const ctx = { db: demo.tx, clock: demo.clock, actor: { kind: 'anonymous' as const } };
  const programme = demo.fact('programme');
  const clusters = demo.fact('clusters');
  const year = Number(demo.today.slice(0, 4));
  const made = await createCall(demo.tx, {
    titleNb: `Klyngeprogrammet ${year}: høstrunden for Arena og Arena Pro`,
    titleEn: `Cluster programme ${year}: the autumn round for Arena and Arena Pro`,
    descriptionNb: 'En ekstra runde for klynger og nettverk som er klare for Arena eller Arena Pro.',
    descriptionEn: 'An extra round for clusters and networks ready for Arena or Arena Pro.',
    status: 'open',
    opensAt: new Date(`${addDays(demo.today, -120)}T07:00:00Z`),
    informationMeetingAt: null,
    deadlineAt: new Date(`${addDays(demo.today, -30)}T10:00:00Z`),
    plannedDecisionAt: new Date(`${addDays(demo.today, 14)}T10:00:00Z`),
    levels: [
      { level: 'arena_pro', moneyNok: 30_000_000 },
      { level: 'arena', moneyNok: 10_000_000 },
    ],
  });
  const callId = made.id;
  const call = await getCall(ctx, callId);
  const organisations = demo.fact('organisations');

  const partners = [0, 1, 2].map(() => demo.random.pick(organisations));
  const forming = await createCluster(demo.tx, programme, {
    slug: DEMO_FORMING_NETWORK.slug,
    name: DEMO_FORMING_NETWORK.name,
    status: 'forming',
    foundedYear: 2021,
    descriptionNb:
      'Et nettverk av industri, forskning og kommuner som vil bygge en verdikjede for hydrogen i nord.',
    descriptionEn:
      'A network of industry, research and municipalities building a hydrogen value chain in the north.',
    hostOrgnr: partners[0]!.orgnr,
    counties: ['18'],
    sectors: ['D'],
  });
  demo.leave('formingNetwork', forming);

  // Each applicant applies with partners of its own (the network with those it names).
  const partnerships = demo.fact('partnerships');
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const submitted = new Map<string, string>();
  for (const entry of DEMO_DRAFTS) {
    const clusterId = entry.slug === forming.slug ? forming.id : clusters.get(entry.slug)?.id;
    if (!clusterId) throw new Error(`Demo data: the cluster ${entry.slug} is missing.`);
    const own =
      clusterId === forming.id
        ? [...new Set(partners.map((p) => p.orgnr))]
        : partnerships
            .filter((p) => p.clusterId === clusterId && !p.leftOn && p.role !== 'associate')
            .slice(0, 20)
            .map((p) => byId.get(p.organisationId)!.orgnr);
    const application = await createApplication(demo.tx, {
      callId,
      clusterId,
      levelCode: entry.level,
      status: 'submitted',
      contactName: clusterId === forming.id ? 'Sigrid Havnes' : 'Kontaktperson',
      contactEmail: `${entry.slug}@demo.klynge.example`,
      createdAt: new Date(`${addDays(demo.today, -60)}T08:00:00Z`),
      submittedAt: new Date(`${addDays(demo.today, -31)}T09:30:00Z`),
      sections: completeSections({
        level: entry.level,
        ownerOrgnr: own[0] ?? '',
        partners: own.map((orgnr) => ({ orgnr })),
        firstYear: year,
      }),
    });
    submitted.set(clusterId, application.id);
  }

  const levels = await levelRulesByCode(ctx);
  const [frame] = await framesOfYears(ctx, [year]);
  const left = frame ? frame.frameNok - (await committedInYear(ctx, year)) : 0;
  const now = demo.clock.now();
  let drafted = 0;
  for (const entry of DEMO_DRAFTS) {
    const clusterId = entry.slug === forming.slug ? forming.id : clusters.get(entry.slug)?.id;
    const applicationId = clusterId ? submitted.get(clusterId) : undefined;
    if (!clusterId || !applicationId)
      throw new Error(`Demo data: no application of ${entry.slug} in the closed call.`);
    const admit = entry.outcome === 'admit';
    const grants = [...(entry.grants ?? [])];
    // The frame this year has less left than the demo's amounts need: this admission passes it.
    if (entry.slug === 'circular-wave' && frame && grants[0]! <= left) grants[0] = left + 1_000_000;
    const startsOn = admit ? (entry.starts === 'next_year' ? `${year + 1}-01-01` : demo.today) : null;
    const level = admit ? levels.get(entry.level) : undefined;
    const letter = draftLetter({
      clusterName:
        entry.slug === forming.slug ? forming.name : (clusters.get(entry.slug)?.demo.name ?? entry.slug),
      callTitle: call.title,
      outcome: entry.outcome,
      levelName: level?.name ?? null,
      startsOn,
      endsOn: startsOn ? periodEnd(startsOn, grants.length) : null,
      grants: grantsByYear(startsOn, grants),
      conditions: admit ? 'Klyngen rapporterer på indikatorene i søknaden hvert år innen 1. mars.' : '',
      reason: entry.reason,
    });
    await upsertDraft(demo.tx, {
      kind: 'call',
      applicationId,
      callId,
      clusterId,
      outcome: entry.outcome,
      levelCode: admit ? entry.level : null,
      startsOn,
      years: admit ? grants.length : null,
      yearlyGrantsNok: grants,
      conditions: admit ? 'Klyngen rapporterer på indikatorene i søknaden hvert år innen 1. mars.' : '',
      letterNb: letter.nb,
      letterEn: letter.en,
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    });
    drafted += 1;
  }
  demo.leave('decisionRound', callId);

  // A cluster in the middle of its first Arena period, which its level's rule lets staff extend.
  await createCluster(demo.tx, programme, {
    slug: DEMO_EXTENDABLE.slug,
    name: DEMO_EXTENDABLE.name,
    status: 'active',
    foundedYear: 2023,
    descriptionNb: 'Bedrifter og havner langs kysten som samarbeider om grønnere godstransport.',
    descriptionEn: 'Companies and ports along the coast working together on greener freight.',
    hostOrgnr: partners[1]!.orgnr,
    counties: ['15'],
    sectors: ['H'],
    engagements: [
      { level: 'arena', startsOn: `${year - 1}-07-01`, plannedEndOn: `${year + 2}-06-30`, yearlyGrantNok: 0 },
    ],
  });
  demo.count('calls', 1);
  demo.count('applications', DEMO_DRAFTS.length);
  demo.count('draft decisions', drafted);
};
