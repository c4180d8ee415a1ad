import { AppError, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { isIsoDate } from '../../shared/dates';
import type { LevelCode } from '../programme/levels';
import { requireReadStateAid } from './state-aid.policy';
import {
  findClusterWithCap,
  findClusterWithCapBySlug,
  findLevelAid,
  listEngagementsWithLevels,
} from './state-aid.read-model';
import { type AidPeriod, computeClock, proposalPeriod, yearsIn } from './state-aid-years';

export type StateAidClock = {
  clusterId: string;
  capYears: number;
  usedYears: number;
  withProposalYears: number;
  overCap: boolean;
};

/** One engagement whose years count towards the cap. */
export type CountedEngagement = {
  engagementId: string;
  level: { code: LevelCode; name: { nb: string; en: string } };
  from: string;
  to: string;
  years: number;
};

export type ClusterStateAid = StateAidClock & {
  cluster: { slug: string; name: string };
  engagements: CountedEngagement[];
};

type Proposal = { levelId: string; startsOn: string; years: number };

/** The engagements of a cluster at levels that are operating aid, each to its current end. */
async function countedEngagements(db: ServiceContext['db'], clusterId: string): Promise<CountedEngagement[]> {
  const rows = await listEngagementsWithLevels(db, clusterId);
  return rows
    .filter((row) => row.operatingAid)
    .map((row) => ({
      engagementId: row.id,
      level: { code: row.levelCode, name: { nb: row.levelNameNb, en: row.levelNameEn } },
      from: row.startsOn,
      to: row.endsOn,
      years: yearsIn({ from: row.startsOn, to: row.endsOn }),
    }));
}

/** The period a proposal adds to the clock: none when its level is not operating aid. */
async function proposedAid(
  db: ServiceContext['db'],
  programmeId: string,
  proposal: Proposal | undefined,
): Promise<AidPeriod | undefined> {
  if (!proposal) return undefined;
  const level = await findLevelAid(db, proposal.levelId);
  if (!level || level.programmeId !== programmeId) {
    throw new AppError('validation_failed', "The proposed level is not one of the cluster's programme.", {
      fieldErrors: [{ path: ['levelId'], message: "Not a level of the cluster's programme." }],
    });
  }
  if (!isIsoDate(proposal.startsOn)) {
    throw new AppError('validation_failed', 'A proposal starts on a calendar day written YYYY-MM-DD.', {
      fieldErrors: [{ path: ['startsOn'], message: 'A calendar day, YYYY-MM-DD.' }],
    });
  }
  if (!Number.isInteger(proposal.years) || proposal.years < 1) {
    throw new AppError('validation_failed', 'A proposal lasts one whole year or more.', {
      fieldErrors: [{ path: ['years'], message: 'A whole number of years, one or more.' }],
    });
  }
  return level.operatingAid ? proposalPeriod(proposal.startsOn, proposal.years) : undefined;
}

function clockOf(
  cluster: { id: string; capYears: number },
  counted: CountedEngagement[],
  proposed: AidPeriod | undefined,
): StateAidClock {
  const engagements = counted.map(({ from, to }) => ({ from, to, operatingAid: true }));
  const proposal = proposed && { ...proposed, operatingAid: true };
  return { clusterId: cluster.id, ...computeClock({ capYears: cluster.capYears, engagements, proposal }) };
}

/**
 * A cluster's state-aid clock: the years of operating aid its engagements cover, each to its
 * current end (a commitment covers the whole period), overlaps counted once, against its
 * programme's cap; with a proposed grant, what the clock would show if it were granted. For the
 * services that decide (decisions), which check their own permissions; people read the clock
 * through `getClusterStateAid`.
 */
export async function stateAidClock(
  ctx: Pick<ServiceContext, 'db'>,
  clusterId: string,
  proposal?: { levelId: string; startsOn: string; years: number },
): Promise<StateAidClock> {
  const cluster = await findClusterWithCap(ctx.db, clusterId);
  if (!cluster) throw notFound('The cluster');
  const counted = await countedEngagements(ctx.db, cluster.id);
  return clockOf(cluster, counted, await proposedAid(ctx.db, cluster.programmeId, proposal));
}

/** A cluster's clock with the engagements that count, for programme staff. */
export async function getClusterStateAid(
  ctx: Pick<ServiceContext, 'db' | 'actor'>,
  slug: string,
): Promise<ClusterStateAid> {
  requireReadStateAid(ctx.actor);
  const cluster = await findClusterWithCapBySlug(ctx.db, slug);
  if (!cluster) throw notFound(`The cluster "${slug}"`);
  const counted = await countedEngagements(ctx.db, cluster.id);
  return {
    ...clockOf(cluster, counted, undefined),
    cluster: { slug: cluster.slug, name: cluster.name },
    engagements: counted,
  };
}
