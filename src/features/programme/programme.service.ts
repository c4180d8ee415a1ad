import { osloDate } from '../../server/clock';
import { notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import type { ProgrammeView } from './programme.contract';
import { findFirstProgramme, listBrands, listLevels } from './programme.queries';
import {
  countActiveClusters,
  countActiveClustersByBrand,
  countActiveClustersByLevel,
  countActiveMemberships,
} from './programme-summary.read-model';

/** The programme this installation runs, with today's counts per level. */
export async function getProgramme({
  db,
  clock,
}: Pick<ServiceContext, 'db' | 'clock'>): Promise<ProgrammeView> {
  const programme = await findFirstProgramme(db);
  if (!programme) throw notFound('The programme');
  const today = osloDate(clock.now());
  const [levelRows, brandRows, perLevel, activeClusters, perBrand, memberships] = await Promise.all([
    listLevels(db, programme.id),
    listBrands(db, programme.id),
    countActiveClustersByLevel(db, programme.id, today),
    countActiveClusters(db, programme.id, today),
    countActiveClustersByBrand(db, programme.id, today),
    countActiveMemberships(db, today),
  ]);
  const clustersAtLevel = new Map(perLevel.map((row) => [row.level, row.clusters]));
  const clustersWithBrand = new Map(perBrand.map((row) => [row.code, row.clusters]));
  return {
    slug: programme.slug,
    name: { nb: programme.nameNb, en: programme.nameEn },
    description: { nb: programme.descriptionNb, en: programme.descriptionEn },
    operators: programme.operators,
    levels: levelRows.map((level) => ({
      code: level.code,
      name: { nb: level.nameNb, en: level.nameEn },
      description: { nb: level.descriptionNb, en: level.descriptionEn },
      durationYears: level.durationYears,
      extensionYears: level.extensionYears,
      openFromYear: level.openFromYear,
      openToYear: level.openToYear,
      funded: level.funded,
      activeClusters: clustersAtLevel.get(level.code) ?? 0,
    })),
    brands: brandRows.map((brand) => ({
      code: brand.code,
      name: { nb: brand.nameNb, en: brand.nameEn },
      duringLevel: brand.duringLevelCode,
      fromYear: brand.fromYear,
      activeClusters: clustersWithBrand.get(brand.code) ?? 0,
    })),
    counts: {
      activeClusters,
      partnerOrganisations: memberships.organisations,
      memberships: memberships.memberships,
    },
  };
}

/** The id of the programme this installation runs, for a cluster joining it; undefined before set-up. */
export async function findProgrammeId({ db }: Pick<ServiceContext, 'db'>): Promise<string | undefined> {
  return (await findFirstProgramme(db))?.id;
}

/** Whether a programme has been set up: an empty database gets the demo (embedded default) or the set-up. */
export async function hasProgramme({ db }: Pick<ServiceContext, 'db'>): Promise<boolean> {
  return (await findFirstProgramme(db)) !== undefined;
}
