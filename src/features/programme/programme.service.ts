import type { Clock } from '../../server/clock';
import { osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { notFound } from '../../server/http/app-error';
import { countActiveBrands, countActiveClustersByLevel } from '../clusters/clusters.service';
import { countActiveMemberships } from '../memberships/memberships.service';
import type { ProgrammeView } from './programme.contract';
import { findFirstProgramme, listBrands, listLevels } from './programme.queries';

type Deps = { db: Db; clock: Clock };

/** The programme this installation runs, with today's counts per level. */
export async function getProgramme({ db, clock }: Deps): Promise<ProgrammeView> {
  const programme = await findFirstProgramme(db);
  if (!programme) throw notFound('The programme');
  const today = osloDate(clock.now());
  const [levelRows, brandRows, perLevel, perBrand, memberships] = await Promise.all([
    listLevels(db, programme.id),
    listBrands(db, programme.id),
    countActiveClustersByLevel(db, programme.id, today),
    countActiveBrands(db, programme.id, today),
    countActiveMemberships(db, today),
  ]);
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
      activeClusters: perLevel.byLevel.get(level.code) ?? 0,
    })),
    brands: brandRows.map((brand) => ({
      code: brand.code,
      name: { nb: brand.nameNb, en: brand.nameEn },
      duringLevel: brand.duringLevelCode,
      fromYear: brand.fromYear,
      activeClusters: perBrand.get(brand.code) ?? 0,
    })),
    counts: {
      activeClusters: perLevel.total,
      partnerOrganisations: memberships.organisations,
      memberships: memberships.memberships,
    },
  };
}
