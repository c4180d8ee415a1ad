import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import { addDays } from '../../shared/dates';
import type { CallStatus } from './calls.lifecycle';
import {
  type CallInsert,
  type CallLevelRow,
  type CriterionInsert,
  insertCall,
  insertDeadlineExtension,
  replaceCriteriaOfCall,
  replaceLevelsOfCall,
} from './calls.queries';
import { osloInstant } from './ui/oslo-time';

export type CallSeed = Partial<CallInsert> & {
  levels?: CallLevelRow[];
  criteria?: Partial<CriterionInsert>[];
  /** Moves of the deadline already made, oldest first; the call's deadline is the last one's. */
  extensions?: { previousDeadlineAt: Date; deadlineAt: Date; reason: string; extendedAt: Date }[];
};

let sequence = 0;

/** A call's own columns: a draft around the route tests' day (15 June 2026), unless told otherwise. */
export function buildCall(overrides: Partial<CallInsert> = {}): CallInsert {
  sequence += 1;
  return {
    titleNb: `Testutlysning ${sequence}`,
    titleEn: `Test call ${sequence}`,
    descriptionNb: 'En utlysning laget for testing.',
    descriptionEn: 'A call made for testing.',
    status: 'draft',
    opensAt: new Date('2026-05-01T07:00:00Z'),
    informationMeetingAt: new Date('2026-05-20T11:00:00Z'),
    sketchDeadlineAt: null,
    deadlineAt: new Date('2026-09-01T10:00:00Z'),
    plannedDecisionAt: new Date('2026-12-01T11:00:00Z'),
    ...overrides,
  };
}

/** A criterion's columns: every level, on a 1–7 scale, unless told otherwise. */
export function buildCriterion(overrides: Partial<CriterionInsert> = {}): CriterionInsert {
  return {
    nameNb: 'Verdiskaping',
    nameEn: 'Value creation',
    guidanceNb: '',
    guidanceEn: '',
    weight: 1,
    scaleMin: 1,
    scaleMax: 7,
    levelCode: null,
    ...overrides,
  };
}

/**
 * Writes a call with its levels (Arena by default) and criteria (two on every level by default).
 * An open call is written as opened when it opened.
 */
export async function createCall(db: Db, seed: CallSeed = {}) {
  const {
    levels = [{ level: 'arena', moneyNok: 10_000_000 }],
    criteria = [
      { nameNb: 'Verdiskaping', nameEn: 'Value creation', weight: 60 },
      { nameNb: 'Gjennomføringsevne', nameEn: 'Ability to deliver', weight: 40, scaleMin: 0, scaleMax: 4 },
    ],
    extensions = [],
    ...columns
  } = seed;
  const values = buildCall(columns);
  const opened: CallStatus[] = ['open', 'closed', 'decided'];
  const call = await insertCall(db, {
    ...values,
    openedAt: values.openedAt ?? (opened.includes(values.status ?? 'draft') ? values.opensAt : null),
  });
  await replaceLevelsOfCall(db, call.id, levels);
  await replaceCriteriaOfCall(db, call.id, criteria.map(buildCriterion));
  for (const extension of extensions) await insertDeadlineExtension(db, { callId: call.id, ...extension });
  return { ...call, levels, criteria: criteria.map(buildCriterion) };
}

declare module '../../server/demo-seed' {
  interface DemoFacts {
    /** The demo's calls: the closed one of 2021 and the one open on the demo's day. */
    calls: { closed2021: string; openNow: string };
  }
}

/** A Norwegian wall time as the instant it names (the demo's times are written as people say them). */
function oslo(wallTime: string): Date {
  const instant = osloInstant(wallTime);
  if (!instant) throw new Error(`${wallTime} is not a wall time.`);
  return new Date(instant);
}

// Assessment criteria in the spirit of the programme's published ones; the weights and scales are
// the demo's own.
const VALUE_CREATION = {
  nameNb: 'Potensial for verdiskaping',
  nameEn: 'Potential for value creation',
  guidanceNb:
    'Hvor stor er den samlede gevinsten for partnerne og regionen, og hvor godt er den underbygget?',
  guidanceEn: 'How large is the combined gain for the partners and the region, and how well is it supported?',
};
const RESOURCE_BASE = {
  nameNb: 'Ressursgrunnlag',
  nameEn: 'Resource base',
  guidanceNb: 'Partnernes kompetanse, bredde og forpliktelse, med kontant- og naturalbidrag.',
  guidanceEn: "The partners' expertise, breadth and commitment, with cash and in-kind contributions.",
};
const STRATEGY = {
  nameNb: 'Strategi og aktiviteter',
  nameEn: 'Strategy and activities',
  guidanceNb: 'Mål som kan måles, satsingsområder og en plan som henger sammen med dem.',
  guidanceEn: 'Measurable goals, focus areas and a plan that follows from them.',
};
const ORGANISATION = {
  nameNb: 'Organisering og gjennomføringsevne',
  nameEn: 'Organisation and ability to deliver',
  guidanceNb: 'Klyngeledelse, styre og vertsorganisasjon: kan de gjennomføre planen?',
  guidanceEn: 'Cluster management, board and host organisation: can they carry out the plan?',
};

/**
 * Two calls, so every calls page has something: the round of 2021 for Arena Pro and Arena (closed
 * by its deadline, with a criterion for Arena Pro only), and one open on the demo's day with its
 * deadline six weeks ahead.
 */
export const seedCallsDemo: DemoSeed = async (demo) => {
  const closed = await createCall(demo.tx, {
    titleNb: 'Klyngeprogrammet 2021: Arena og Arena Pro',
    titleEn: 'Cluster programme 2021: Arena and Arena Pro',
    descriptionNb:
      'Utlysningen for nye klynger på Arena og Arena Pro i 2021. Klynger søker om ett nivå; ' +
      'forprosjekter som er ferdige i vår kan søke Arena.',
    descriptionEn:
      'The call for new clusters at Arena and Arena Pro in 2021. Clusters apply for one level; ' +
      'pre-projects finishing this spring may apply for Arena.',
    status: 'open',
    opensAt: oslo('2021-03-01T09:00'),
    informationMeetingAt: oslo('2021-03-18T13:00'),
    deadlineAt: oslo('2021-09-01T12:00'),
    plannedDecisionAt: oslo('2021-12-15T12:00'),
    levels: [
      { level: 'arena_pro', moneyNok: 30_000_000 },
      { level: 'arena', moneyNok: 12_000_000 },
    ],
    criteria: [
      { ...VALUE_CREATION, weight: 30 },
      { ...RESOURCE_BASE, weight: 25 },
      { ...STRATEGY, weight: 25 },
      { ...ORGANISATION, weight: 20, scaleMin: 0, scaleMax: 4 },
      {
        nameNb: 'Nasjonal betydning',
        nameEn: 'National importance',
        guidanceNb: 'Er klyngen ledende i Norge på sitt område, med nasjonale ringvirkninger?',
        guidanceEn: 'Does the cluster lead in Norway in its field, with effects across the country?',
        weight: 20,
        levelCode: 'arena_pro',
      },
    ],
  });

  const year = demo.today.slice(0, 4);
  const open = await createCall(demo.tx, {
    titleNb: `Klyngeprogrammet ${year}: Arena, Arena Pro og Hub-node`,
    titleEn: `Cluster programme ${year}: Arena, Arena Pro and Hub-node`,
    descriptionNb:
      'Årets utlysning for klynger og nettverk som vil inn i programmet, eller videre til neste nivå. ' +
      'Et nettverk kan søke som hub-node under en klynge på Arena Pro eller høyere.',
    descriptionEn:
      "This year's call for clusters and networks that want to join the programme or move up a level. " +
      'A network may apply as a hub-node under a cluster at Arena Pro or higher.',
    status: 'open',
    opensAt: oslo(`${addDays(demo.today, -14)}T09:00`),
    informationMeetingAt: oslo(`${addDays(demo.today, 7)}T13:00`),
    deadlineAt: oslo(`${addDays(demo.today, 42)}T12:00`),
    plannedDecisionAt: oslo(`${addDays(demo.today, 112)}T12:00`),
    levels: [
      { level: 'arena', moneyNok: 15_000_000 },
      { level: 'arena_pro', moneyNok: 35_000_000 },
      { level: 'hub_node', moneyNok: 4_500_000 },
    ],
    criteria: [
      { ...VALUE_CREATION, weight: 35 },
      { ...RESOURCE_BASE, weight: 25 },
      { ...STRATEGY, weight: 25 },
      { ...ORGANISATION, weight: 15, scaleMin: 0, scaleMax: 4 },
    ],
  });
  demo.leave('calls', { closed2021: closed.id, openNow: open.id });
  demo.count('calls', 2);
};
