import type { Db } from '../../server/db/client';
import { sectionOfNace } from '../../shared/sectors';
import { slugify } from '../../shared/slug';
import { norwegianSortKey } from '../../shared/sort-key';
import type { LevelCode } from '../programme/levels';
import type { SeededProgramme } from '../programme/programme.seed';
import { clusterBrands, clusterCounties, clusterSectors, clusters, engagements } from './clusters.table';

export type ClusterInsert = typeof clusters.$inferInsert;

export type EngagementSeed = {
  level: LevelCode;
  startsOn: string;
  plannedEndOn: string;
  extendedToOn?: string | null;
  endedOn?: string | null;
  yearlyGrantNok?: number;
};

export type ClusterSeed = Partial<Omit<ClusterInsert, 'programmeId'>> & {
  counties?: string[];
  sectors?: string[];
  engagements?: EngagementSeed[];
  brands?: { code: string; startsOn: string; endsOn?: string | null }[];
};

let sequence = 0;

export function buildCluster(programmeId: string, overrides: Partial<ClusterInsert> = {}): ClusterInsert {
  sequence += 1;
  const name = overrides.name ?? `Testklynge ${sequence}`;
  return {
    slug: overrides.slug ?? `${slugify(name)}-${process.pid}-${sequence}`,
    descriptionNb: 'En klynge laget for testing.',
    descriptionEn: 'A cluster made for testing.',
    foundedYear: 2015,
    status: 'active',
    ...overrides,
    name,
    programmeId,
    nameSortKey: norwegianSortKey(name),
  };
}

function sectionOf(code: string): string {
  if (/^[A-U]$/.test(code)) return code;
  const section = sectionOfNace(code);
  if (!section) throw new Error(`Unknown sector code ${code}.`);
  return section.code;
}

/** Creates a cluster with its counties, sectors, level history and brands. */
export async function createCluster(db: Db, programme: SeededProgramme, seed: ClusterSeed = {}) {
  const { counties = ['18'], sectors = ['C'], engagements: history = [], brands = [], ...fields } = seed;
  const [cluster] = await db.insert(clusters).values(buildCluster(programme.id, fields)).returning();
  const clusterId = cluster!.id;
  if (counties.length > 0) {
    await db.insert(clusterCounties).values(counties.map((countyCode) => ({ clusterId, countyCode })));
  }
  if (sectors.length > 0) {
    await db
      .insert(clusterSectors)
      .values(sectors.map((code) => ({ clusterId, code, section: sectionOf(code) })));
  }
  if (history.length > 0) {
    await db.insert(engagements).values(
      history.map((e) => {
        const levelId = programme.levelIds.get(e.level);
        if (!levelId) throw new Error(`The programme has no level ${e.level}.`);
        return {
          clusterId,
          levelId,
          startsOn: e.startsOn,
          plannedEndOn: e.plannedEndOn,
          extendedToOn: e.extendedToOn ?? null,
          endedOn: e.endedOn ?? null,
          yearlyGrantNok: e.yearlyGrantNok ?? 0,
        };
      }),
    );
  }
  if (brands.length > 0) {
    await db.insert(clusterBrands).values(
      brands.map((b) => {
        const brandId = programme.brandIds.get(b.code);
        if (!brandId) throw new Error(`The programme has no brand ${b.code}.`);
        return { clusterId, brandId, startsOn: b.startsOn, endsOn: b.endsOn ?? null };
      }),
    );
  }
  return cluster!;
}
