import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { countLiteral, dayLiteral } from '../../server/db/literals';
import { executeKept } from '../../server/db/prepared';
import { clusters } from '../clusters/clusters.table';
import { membershipActiveOn, memberships, type PartnerTallyCount, partnerTallies } from './memberships.table';

// A cluster's partner figures, counted from its memberships and kept in `partner_tallies` until
// a change to the memberships moves the cluster's stamp on or the day changes (see the table).

/** Headcount below which each size class ends, smallest first; anything above is 'large'. */
export type SizeLimits = readonly { size: string; below: number }[];

export type PartnerFigures = { active: number; former: number; counts: PartnerTallyCount[] };

/** The partner organisation's size class, by the limits the organisations feature sets. */
function sizeOfPartner(limits: SizeLimits) {
  const employees = memberships.organisationEmployees;
  return sql`case when ${employees} is null then 'unknown' ${sql.join(
    limits.map(
      (limit) => sql`when ${employees} < ${sql.raw(String(limit.below))} then '${sql.raw(limit.size)}'`,
    ),
    sql` `,
  )} else 'large' end`;
}

/**
 * An organisation entered by hand that the register has not confirmed has no actor type anyone
 * stated, unless the person who added it set one: it counts as unknown, not as the placeholder.
 */
const actorTypeOfPartner = sql`case when ${memberships.organisationTypeKnown} then ${memberships.organisationActorType} else 'unknown' end`;

/** The figures are good: counted today, and no membership of the cluster has changed since. */
function goodOn(today: SQL): SQL {
  return sql`${partnerTallies.countedOn} = ${today} and ${partnerTallies.countedStamp} = ${partnerTallies.stamp}`;
}

/**
 * How many of the cluster's partners today fall under each key of each dimension, counted from
 * the organisation's facts each membership carries (one index, no organisation rows). One
 * grouping set per dimension, so every partner counts once in each and each sums to the total.
 */
function countsOf(clusterId: SQL, today: SQL, sizes: SizeLimits) {
  return sql<PartnerTallyCount[]>`coalesce((
    select json_agg(json_build_object('dimension', counted.dimension, 'key', counted.key, 'count', counted.n))
    from (
      select case when grouping(p.role) = 0 then 'role' when grouping(p.actor_type) = 0 then 'actorType'
          when grouping(p.county) = 0 then 'county' when grouping(p.size) = 0 then 'size' else 'division' end
          as dimension,
        coalesce(p.role, p.actor_type, p.county, p.size, p.division) as key, count(*)::int as n
      from (
        select ${memberships.role} as role, ${actorTypeOfPartner} as actor_type,
          ${memberships.organisationCountyCode} as county, ${sizeOfPartner(sizes)} as size,
          ${memberships.organisationDivision} as division
        from ${memberships}
        where ${memberships.clusterId} = ${clusterId} and ${membershipActiveOn(today)}) p
      group by grouping sets ((p.role), (p.actor_type), (p.county), (p.size), (p.division))) counted),
    '[]'::json)`;
}

/** Partners today of the cluster. */
function activeOf(clusterId: SQL, today: SQL) {
  return sql<number>`(select count(*)::int from ${memberships}
    where ${memberships.clusterId} = ${clusterId} and ${membershipActiveOn(today)})`;
}

/** Organisations that were partners of the cluster and have left it (some may have rejoined). */
function formerOf(clusterId: SQL, today: SQL) {
  return sql<number>`(select count(distinct ${memberships.organisationId})::int from ${memberships}
    where ${memberships.clusterId} = ${clusterId} and ${memberships.leftOn} <= ${today})`;
}

/**
 * The cluster's partner figures today, in one statement: the stored ones when they are good;
 * otherwise counted, stored with the stamp this statement saw (unless a change has moved the
 * stamp on meanwhile, in which case the next reader counts again) and answered.
 */
export async function readPartnerFigures(
  db: Db,
  clusterId: string,
  today: string,
  sizes: SizeLimits,
): Promise<PartnerFigures> {
  const [row] = await executeKept<PartnerFigures>(
    db,
    `partners.figures ${today} ${JSON.stringify(sizes)}`,
    () => figuresStatement(dayLiteral(today), sizes),
    { clusterId },
  );
  return row ?? { active: 0, former: 0, counts: [] };
}

function figuresStatement(day: SQL, sizes: SizeLimits): SQL {
  const id = sql`${sql.placeholder('clusterId')}::uuid`;
  return sql`
    with good as (
      select ${partnerTallies.active} as active, ${partnerTallies.former} as former, ${partnerTallies.counts} as counts
      from ${partnerTallies} where ${partnerTallies.clusterId} = ${id} and ${goodOn(day)}),
    counted as materialized (
      select ${activeOf(id, day)} as active, ${formerOf(id, day)} as former, ${countsOf(id, day, sizes)} as counts,
        coalesce((select ${partnerTallies.stamp} from ${partnerTallies} where ${partnerTallies.clusterId} = ${id}), 0) as stamp
      where not exists (select 1 from good)),
    stored as (
      insert into ${partnerTallies} (cluster_id, stamp, counted_stamp, counted_on, active, former, counts)
      select ${id}, counted.stamp, counted.stamp, ${day}, counted.active, counted.former, counted.counts from counted
      on conflict (cluster_id) do update set counted_stamp = excluded.counted_stamp,
        counted_on = excluded.counted_on, active = excluded.active, former = excluded.former, counts = excluded.counts
      where ${partnerTallies}.stamp = excluded.counted_stamp)
    select active, former, counts from good
    union all select active, former, counts from counted`;
}

/** The kept figures of the cluster `clusterId` names, as JSON, or null when they are not good. */
export function keptFiguresOf(clusterId: SQL, today: SQL) {
  return sql<PartnerFigures | null>`(
    select json_build_object('active', ${partnerTallies.active}, 'former', ${partnerTallies.former}, 'counts', ${partnerTallies.counts})
    from ${partnerTallies} where ${partnerTallies.clusterId} = ${clusterId} and ${goodOn(today)})`;
}

/** The stored figure of partners today when it is good, else counted: for the partner list. */
export function activePartnersOf(clusterId: SQL, today: SQL) {
  return sql<number>`coalesce(
    (select ${partnerTallies.active} from ${partnerTallies} where ${partnerTallies.clusterId} = ${clusterId} and ${goodOn(today)}),
    ${activeOf(clusterId, today)})`;
}

/** `keptFiguresOf` and `activePartnersOf` for a day given as text: what the registry is handed. */
export const partnerFragments = {
  keptFiguresOf: (clusterId: SQL, today: string) => keptFiguresOf(clusterId, dayLiteral(today)),
  activeOf: (clusterId: SQL, today: string) => activePartnersOf(clusterId, dayLiteral(today)),
};

/**
 * Counts and keeps the figures of up to `limit` clusters whose kept figures are not good today
 * (none kept, an older day, or a change since), in one statement, each with the stamp the
 * statement saw; answers how many it kept. Forming networks are counted too: their pages show
 * partners to their own people.
 */
export async function keepStaleFigures(db: Db, today: string, sizes: SizeLimits, limit: number) {
  const day = dayLiteral(today);
  const id = sql`stale.id`;
  const result = await db.execute<{ kept: number }>(sql`
    with stale as materialized (
      select ${clusters.id} as id, coalesce(${partnerTallies.stamp}, 0) as stamp
      from ${clusters} left join ${partnerTallies} on ${partnerTallies.clusterId} = ${clusters.id}
      where (${goodOn(day)}) is not true
      order by ${clusters.id} limit ${countLiteral(limit)}),
    stored as (
      insert into ${partnerTallies} (cluster_id, stamp, counted_stamp, counted_on, active, former, counts)
      select ${id}, stale.stamp, stale.stamp, ${day}, ${activeOf(id, day)}, ${formerOf(id, day)}, ${countsOf(id, day, sizes)}
      from stale
      on conflict (cluster_id) do update set counted_stamp = excluded.counted_stamp,
        counted_on = excluded.counted_on, active = excluded.active, former = excluded.former, counts = excluded.counts
      where ${partnerTallies}.stamp = excluded.counted_stamp
      returning 1)
    select count(*)::int as kept from stored`);
  return result.rows[0]?.kept ?? 0;
}
