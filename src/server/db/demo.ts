import { sql } from 'drizzle-orm';
import { createAccountInTransaction } from '../../features/accounts/accounts.service';
import { type DemoCluster, loadDemoClusters } from '../../features/clusters/clusters.demo';
import { createCluster } from '../../features/clusters/clusters.seed';
import { linkNodeToHub } from '../../features/clusters/clusters.service';
import type { MembershipInsert } from '../../features/memberships/memberships.seed';
import { memberships } from '../../features/memberships/memberships.table';
import {
  type DemoOrganisation,
  generateDemoOrganisations,
} from '../../features/organisations/organisations.demo';
import { organisations } from '../../features/organisations/organisations.table';
import { createProgramme } from '../../features/programme/programme.seed';
import { programmes } from '../../features/programme/programme.table';
import type { Role } from '../../shared/access';
import { addDays, fromDayNumber, minDate, toDayNumber } from '../../shared/dates';
import { type Random, seededRandom } from '../../shared/random';
import { sectionOfNace } from '../../shared/sectors';
import { systemClock } from '../clock';
import { systemContext } from '../service-context';
import type { Database, Db } from './client';

/** Partner counts stated in public sources; other clusters get a plausible number. */
const KNOWN_PARTNER_COUNTS: Record<string, number> = {
  'arctic-cluster-team': 83,
  'mineralklynge-nord': 30,
  'havbruksnettverk-helgeland': 40,
};

export const DEMO_ORGANISATION_COUNT = 2_000;

/**
 * One account per role for trying Klynge; documented in the README. They are marked as demo
 * accounts and cannot sign in when Klynge runs with NODE_ENV=production.
 */
export const DEMO_ACCOUNTS = [
  {
    role: 'operator_admin',
    name: 'Ola Operatør',
    email: 'ola@demo.klynge.example',
    password: 'demo-operator-2026',
  },
  {
    role: 'programme_staff',
    name: 'Pia Programmet',
    email: 'pia@demo.klynge.example',
    password: 'demo-programme-2026',
  },
  {
    role: 'assessor',
    name: 'Aud Assessor',
    email: 'aud@demo.klynge.example',
    password: 'demo-assessor-2026',
  },
  {
    role: 'cluster_manager',
    name: 'Kim Klyngeleder',
    email: 'kim@demo.klynge.example',
    password: 'demo-manager-2026',
  },
  {
    role: 'cluster_staff',
    name: 'Siri Stab',
    email: 'siri@demo.klynge.example',
    password: 'demo-staff-2026',
  },
  {
    role: 'partner_contact',
    name: 'Per Partner',
    email: 'per@demo.klynge.example',
    password: 'demo-partner-2026',
  },
] as const satisfies readonly { role: Role; name: string; email: string; password: string }[];

/** The cluster the demo's cluster manager, staff and partner contact belong to. */
export const DEMO_HOME_CLUSTER = 'arctic-cluster-team';

export type DemoSummary = { clusters: number; organisations: number; memberships: number; hubLinks: number };

async function insertInChunks<T extends Record<string, unknown>>(
  insert: (rows: T[]) => Promise<unknown>,
  rows: T[],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function randomDay(random: Random, from: string, to: string): string {
  const start = toDayNumber(from);
  const end = Math.max(start, toDayNumber(to));
  return fromDayNumber(random.int(start, end));
}

function effectiveEnd(e: DemoCluster['engagements'][number]): string {
  return e.endedOn ?? e.extendedToOn ?? e.plannedEndOn;
}

function pickPartners(
  cluster: DemoCluster,
  pool: (DemoOrganisation & { id: string })[],
  count: number,
  random: Random,
): (DemoOrganisation & { id: string })[] {
  const sections = new Set(
    cluster.sectors.map((code) => (/^[A-U]$/.test(code) ? code : sectionOfNace(code)?.code)),
  );
  const local = pool.filter((o) => o.countyCode && cluster.counties.includes(o.countyCode));
  // Companies join clusters of their own trade; research, education, public bodies and financiers join any.
  const isCompany = (o: DemoOrganisation) => o.actorType === 'sme' || o.actorType === 'large_company';
  const fitting = local.filter((o) => !isCompany(o) || o.sections.some((s) => sections.has(s)));
  const chosen = new Map<string, DemoOrganisation & { id: string }>();
  for (const source of [fitting, local, pool]) {
    let guard = 0;
    while (chosen.size < count && source.length > 0 && guard++ < count * 20) {
      const candidate = random.pick(source);
      chosen.set(candidate.id, candidate);
    }
  }
  return [...chosen.values()];
}

/** True when the database holds no programme yet: the embedded default then seeds the demo. */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(programmes);
  return (row?.n ?? 0) === 0;
}

/**
 * The demo: the national programme, real clusters with public facts, about 2,000 invented
 * organisations and their memberships. Deterministic, and all or nothing (one transaction).
 */
export async function seedDemo(db: Database, today: string): Promise<DemoSummary> {
  return db.transaction(async (tx) => {
    const random = seededRandom(20_170_901);
    const demoClusters = loadDemoClusters();
    const programme = await createProgramme(tx);

    const generated = generateDemoOrganisations(DEMO_ORGANISATION_COUNT, random);
    const ids = new Map<string, string>();
    await insertInChunks(async (rows) => {
      const inserted = await tx
        .insert(organisations)
        .values(rows.map(({ sections: _sections, ...row }) => row))
        .returning({ id: organisations.id, orgnr: organisations.orgnr });
      for (const row of inserted) ids.set(row.orgnr, row.id);
    }, generated);
    const pool = generated.map((o) => ({ ...o, id: ids.get(o.orgnr)! }));

    const clusterIds = new Map<string, string>();
    const membershipRows: MembershipInsert[] = [];
    for (const demo of demoClusters) {
      const hosts = pool.filter(
        (o) => o.actorType === 'public_development' && o.countyCode && demo.counties.includes(o.countyCode),
      );
      const cluster = await createCluster(tx, programme, {
        slug: demo.slug,
        name: demo.name,
        shortName: demo.shortName,
        descriptionNb: demo.descriptionNb,
        descriptionEn: demo.descriptionEn,
        foundedYear: demo.foundedYear,
        website: demo.website,
        focusAreas: demo.focusAreas,
        status: demo.status,
        hostOrgnr: hosts.length > 0 ? random.pick(hosts).orgnr : null,
        counties: demo.counties,
        sectors: demo.sectors,
        engagements: demo.engagements,
        brands: demo.brands ?? [],
      });
      clusterIds.set(demo.slug, cluster.id);

      const first = demo.engagements[0]?.startsOn ?? `${demo.foundedYear}-01-01`;
      const last = demo.engagements.at(-1);
      const endedOn = demo.status === 'ended' && last ? effectiveEnd(last) : null;
      const partners = pickPartners(
        demo,
        pool,
        KNOWN_PARTNER_COUNTS[demo.slug] ?? random.int(18, 110),
        random,
      );
      for (const [index, organisation] of partners.entries()) {
        const joinedOn = randomDay(random, first, minDate(endedOn ?? today, addDays(first, 5 * 365)));
        // A few partners of a living cluster have left; their places were filled by the count above.
        const leftEarly =
          endedOn === null && random.chance(0.06) ? randomDay(random, addDays(joinedOn, 90), today) : null;
        const leftOn = endedOn ?? (leftEarly && leftEarly < today ? leftEarly : null);
        membershipRows.push({
          clusterId: cluster.id,
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
    await insertInChunks((rows) => tx.insert(memberships).values(rows), membershipRows);

    let hubLinks = 0;
    for (const demo of demoClusters) {
      if (!demo.hubSlug) continue;
      const node = demo.engagements.find((e) => e.level === 'hub_node');
      const hubClusterId = clusterIds.get(demo.hubSlug);
      if (!node || !hubClusterId)
        throw new Error(`Demo data: ${demo.slug} names hub ${demo.hubSlug} but cannot be linked.`);
      await linkNodeToHub(
        { db: tx },
        {
          hubClusterId,
          nodeClusterId: clusterIds.get(demo.slug)!,
          startsOn: node.startsOn,
          endsOn: node.endedOn ?? null,
        },
      );
      hubLinks += 1;
    }
    const homeId = clusterIds.get(DEMO_HOME_CLUSTER)!;
    const partnerId = membershipRows.find((m) => m.clusterId === homeId && m.leftOn === null)!.organisationId;
    for (const demo of DEMO_ACCOUNTS) {
      const clusterScoped = demo.role === 'cluster_manager' || demo.role === 'cluster_staff';
      await createAccountInTransaction(tx, systemContext(db, systemClock), {
        name: demo.name,
        email: demo.email,
        password: demo.password,
        isDemo: true,
        grants: [
          {
            role: demo.role,
            clusterId: clusterScoped ? homeId : null,
            organisationId: demo.role === 'partner_contact' ? partnerId : null,
          },
        ],
      });
    }
    return {
      clusters: demoClusters.length,
      organisations: generated.length,
      memberships: membershipRows.length,
      hubLinks,
    };
  });
}
