import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import { addDays, fromDayNumber, minDate, toDayNumber } from '../../shared/dates';
import type { Random } from '../../shared/random';
import { sectionOfNace } from '../../shared/sectors';
import type { DemoCluster } from '../clusters/clusters.demo';
import type { SeededDemoOrganisation } from '../organisations/organisations.demo';
import { memberships } from './memberships.table';

export type MembershipInsert = typeof memberships.$inferInsert;

export function buildMembership(
  required: Pick<MembershipInsert, 'clusterId' | 'organisationId'>,
  overrides: Partial<MembershipInsert> = {},
): MembershipInsert {
  return {
    role: 'partner',
    joinedOn: '2020-01-01',
    agreementSignedOn: '2020-01-01',
    ...required,
    ...overrides,
  };
}

export async function createMembership(
  db: Db,
  required: Pick<MembershipInsert, 'clusterId' | 'organisationId'>,
  overrides: Partial<MembershipInsert> = {},
) {
  const [row] = await db.insert(memberships).values(buildMembership(required, overrides)).returning();
  return row!;
}

/** Partner counts stated in public sources; other demo clusters get a plausible number. */
const KNOWN_PARTNER_COUNTS: Record<string, number> = {
  'arctic-cluster-team': 83,
  'mineralklynge-nord': 30,
  'havbruksnettverk-helgeland': 40,
};

declare module '../../server/demo-seed' {
  interface DemoFacts {
    /** Every demo partnership, so later features can find a cluster's partners. */
    partnerships: MembershipInsert[];
  }
}

function randomDay(random: Random, from: string, to: string): string {
  const start = toDayNumber(from);
  const end = Math.max(start, toDayNumber(to));
  return fromDayNumber(random.int(start, end));
}

function effectiveEnd(e: DemoCluster['engagements'][number]): string {
  return e.endedOn ?? e.extendedToOn ?? e.plannedEndOn;
}

/**
 * Partners for a cluster: companies of its own trade in its counties first, then anyone in its
 * counties, then anyone; research, education, public bodies and financiers join any cluster.
 */
function pickPartners(
  cluster: DemoCluster,
  pool: SeededDemoOrganisation[],
  count: number,
  random: Random,
): SeededDemoOrganisation[] {
  const sections = new Set(
    cluster.sectors.map((code) => (/^[A-U]$/.test(code) ? code : sectionOfNace(code)?.code)),
  );
  const local = pool.filter((o) => o.countyCode && cluster.counties.includes(o.countyCode));
  const isCompany = (o: SeededDemoOrganisation) => o.actorType === 'sme' || o.actorType === 'large_company';
  const fitting = local.filter((o) => !isCompany(o) || o.sections.some((s) => sections.has(s)));
  const chosen = new Map<string, SeededDemoOrganisation>();
  for (const source of [fitting, local, pool]) {
    let guard = 0;
    while (chosen.size < count && source.length > 0 && guard++ < count * 20) {
      const candidate = random.pick(source);
      chosen.set(candidate.id, candidate);
    }
  }
  return [...chosen.values()];
}

/**
 * Each demo cluster's partners, joined over its years in the programme; a few partners of a
 * living cluster have left, and every partner of an ended cluster left when it ended.
 */
export const seedMembershipsDemo: DemoSeed = async (demo) => {
  const { random, today } = demo;
  const pool = demo.fact('organisations');
  const rows: MembershipInsert[] = [];
  for (const { id: clusterId, demo: cluster } of demo.fact('clusters').values()) {
    const first = cluster.engagements[0]?.startsOn ?? `${cluster.foundedYear}-01-01`;
    const last = cluster.engagements.at(-1);
    const endedOn = cluster.status === 'ended' && last ? effectiveEnd(last) : null;
    const partners = pickPartners(
      cluster,
      pool,
      KNOWN_PARTNER_COUNTS[cluster.slug] ?? random.int(18, 110),
      random,
    );
    for (const [index, organisation] of partners.entries()) {
      const joinedOn = randomDay(random, first, minDate(endedOn ?? today, addDays(first, 5 * 365)));
      const leftEarly =
        endedOn === null && random.chance(0.06) ? randomDay(random, addDays(joinedOn, 90), today) : null;
      const leftOn = endedOn ?? (leftEarly && leftEarly < today ? leftEarly : null);
      rows.push({
        clusterId,
        organisationId: organisation.id,
        role:
          index < Math.ceil(partners.length * 0.2)
            ? 'core_partner'
            : random.chance(0.12)
              ? 'associate'
              : 'partner',
        joinedOn,
        agreementSignedOn: random.chance(0.9) ? joinedOn : null,
        leftOn: leftOn && leftOn >= joinedOn ? leftOn : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await demo.tx.insert(memberships).values(rows.slice(i, i + 500));
  demo.leave('partnerships', rows);
  demo.count('memberships', rows.length);
};
