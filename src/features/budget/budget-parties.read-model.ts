// The ledger names amounts by level code and cluster, and a payment is made against a cluster's
// engagement: this read model reads the programme's levels and the clusters' engagements for
// that, and nothing else of theirs (decision 015).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { clusters, engagementEnd, engagements } from '../clusters/clusters.table';
import type { LevelCode } from '../programme/levels';
import { levels } from '../programme/programme.table';

export type BudgetLevel = { id: string; code: LevelCode; nameNb: string; nameEn: string; sortOrder: number };

/** The programme's levels, in the programme's order. */
export async function listBudgetLevels(db: Db, programmeId: string): Promise<BudgetLevel[]> {
  return db
    .select({
      id: levels.id,
      code: levels.code,
      nameNb: levels.nameNb,
      nameEn: levels.nameEn,
      sortOrder: levels.sortOrder,
    })
    .from(levels)
    .where(eq(levels.programmeId, programmeId))
    .orderBy(asc(levels.sortOrder));
}

export type EngagementForBudget = {
  id: string;
  clusterId: string;
  levelId: string;
  startsOn: string;
  /** The last day it runs, all changes considered. */
  endsOn: string;
  yearlyGrantNok: number;
};

const engagementColumns = {
  id: engagements.id,
  clusterId: engagements.clusterId,
  levelId: engagements.levelId,
  startsOn: engagements.startsOn,
  endsOn: engagementEnd,
  yearlyGrantNok: engagements.yearlyGrantNok,
};

/** One engagement of one cluster, or undefined when the cluster has no such engagement. */
export async function findEngagementOfCluster(
  db: Db,
  clusterId: string,
  engagementId: string,
): Promise<EngagementForBudget | undefined> {
  const [row] = await db
    .select(engagementColumns)
    .from(engagements)
    .where(and(eq(engagements.id, engagementId), eq(engagements.clusterId, clusterId)))
    .limit(1);
  return row;
}

/** The engagements of these clusters that carry a grant, oldest first: what the demo commits. */
export async function listGrantedEngagements(
  db: Db,
  clusterIds: readonly string[],
): Promise<EngagementForBudget[]> {
  if (clusterIds.length === 0) return [];
  return db
    .select(engagementColumns)
    .from(engagements)
    .innerJoin(clusters, eq(clusters.id, engagements.clusterId))
    .where(inArray(engagements.clusterId, [...clusterIds]))
    .orderBy(asc(clusters.slug), asc(engagements.startsOn));
}

/** These engagements, whichever cluster they belong to: to check that a commitment names its own. */
export async function listEngagementsByIds(db: Db, ids: readonly string[]): Promise<EngagementForBudget[]> {
  if (ids.length === 0) return [];
  return db
    .select(engagementColumns)
    .from(engagements)
    .where(inArray(engagements.id, [...ids]));
}
