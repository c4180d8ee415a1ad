import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import type { LevelCode } from './levels';
import { brands, levels, programmes } from './programme.table';

type LevelSeed = {
  code: LevelCode;
  nameNb: string;
  nameEn: string;
  descriptionNb: string;
  descriptionEn: string;
  durationYears: number;
  extensionYears: number;
  openFromYear: number;
  openToYear: number | null;
  funded: boolean;
};

/** The levels of Norwegian Innovation Clusters as public sources describe them. */
export const NIC_LEVELS: LevelSeed[] = [
  {
    code: 'pre_project',
    nameNb: 'Forprosjekt',
    nameEn: 'Pre-project',
    descriptionNb:
      'Et kort prosjekt som avklarer grunnlaget for et klyngesamarbeid før søknad til programmet.',
    descriptionEn:
      'A short project that tests the ground for cluster collaboration before applying to the programme.',
    durationYears: 1,
    extensionYears: 0,
    openFromYear: 2002,
    openToYear: null,
    funded: true,
  },
  {
    code: 'hub_node',
    nameNb: 'Hub-node',
    nameEn: 'Hub-node',
    descriptionNb:
      'Et mindre eller nyere nettverk som kobler seg til en etablert klynge (huben) for kompetanse og nettverk.',
    descriptionEn:
      'A smaller or newer network attached to an established cluster (the hub) for its expertise and network.',
    durationYears: 3,
    extensionYears: 0,
    openFromYear: 2022,
    openToYear: null,
    funded: true,
  },
  {
    code: 'arena',
    nameNb: 'Arena',
    nameEn: 'Arena',
    descriptionNb: 'For klynger i tidlig fase som skal bygge et forpliktende samarbeid mellom partnerne.',
    descriptionEn: 'For early-stage clusters building committed collaboration among their partners.',
    durationYears: 3,
    extensionYears: 2,
    openFromYear: 2002,
    openToYear: null,
    funded: true,
  },
  {
    code: 'arena_pro',
    nameNb: 'Arena Pro',
    nameEn: 'Arena Pro',
    descriptionNb: 'For modne klynger med nasjonal betydning og et tydelig potensial for vekst.',
    descriptionEn: 'For mature clusters of national importance with clear growth potential.',
    durationYears: 5,
    extensionYears: 0,
    openFromYear: 2019,
    openToYear: null,
    funded: true,
  },
  {
    code: 'nce',
    nameNb: 'Norwegian Centres of Expertise (NCE)',
    nameEn: 'Norwegian Centres of Expertise (NCE)',
    descriptionNb:
      'Programnivå for nasjonalt ledende klynger fram til 2018. Siden 2019 er NCE et merkenavn under Arena Pro.',
    descriptionEn:
      'Programme level for nationally leading clusters until 2018. Since 2019 NCE is a brand granted during Arena Pro.',
    durationYears: 10,
    extensionYears: 0,
    openFromYear: 2006,
    openToYear: 2018,
    funded: true,
  },
  {
    code: 'mature_project',
    nameNb: 'Delprogram for modne klynger',
    nameEn: 'Mature clusters sub-programme',
    descriptionNb: 'Tidsavgrensede prosjekter for klynger som har vært gjennom programmet og vil videre.',
    descriptionEn:
      'Time-limited projects for clusters that have been through the programme and want to go further.',
    durationYears: 3,
    extensionYears: 0,
    openFromYear: 2023,
    openToYear: null,
    funded: true,
  },
  {
    code: 'global',
    nameNb: 'Global Centres of Expertise (GCE)',
    nameEn: 'Global Centres of Expertise (GCE)',
    descriptionNb: 'For klynger med en global posisjon og internasjonale verdikjeder.',
    descriptionEn: 'For clusters with a global position and international value chains.',
    durationYears: 10,
    extensionYears: 0,
    openFromYear: 2014,
    openToYear: null,
    funded: true,
  },
];

export type ProgrammeOverrides = Partial<typeof programmes.$inferInsert>;

export function buildProgramme(overrides: ProgrammeOverrides = {}): typeof programmes.$inferInsert {
  return {
    slug: 'norwegian-innovation-clusters',
    nameNb: 'Klyngeprogrammet Norwegian Innovation Clusters',
    nameEn: 'Norwegian Innovation Clusters',
    descriptionNb:
      'Det nasjonale klyngeprogrammet. Innovasjon Norge driver det sammen med Siva og Forskningsrådet, ' +
      'med finansiering fra Nærings- og fiskeridepartementet og Kommunal- og distriktsdepartementet.',
    descriptionEn:
      'The national cluster programme, run by Innovation Norway together with Siva and the Research Council ' +
      'of Norway, funded by two ministries.',
    operators: ['Innovasjon Norge', 'Siva', 'Forskningsrådet'],
    ...overrides,
  };
}

export type SeededProgramme = { id: string; levelIds: Map<LevelCode, string>; brandIds: Map<string, string> };

/** Creates a programme with the national levels and the NCE brand. */
export async function createProgramme(db: Db, overrides: ProgrammeOverrides = {}): Promise<SeededProgramme> {
  const [programme] = await db
    .insert(programmes)
    .values(buildProgramme(overrides))
    .returning({ id: programmes.id });
  const programmeId = programme!.id;
  const levelRows = await db
    .insert(levels)
    .values(NIC_LEVELS.map((level, index) => ({ ...level, programmeId, sortOrder: index })))
    .returning({ id: levels.id, code: levels.code });
  const brandRows = await db
    .insert(brands)
    .values({
      programmeId,
      code: 'nce',
      nameNb: 'NCE – Norwegian Centres of Expertise',
      nameEn: 'NCE – Norwegian Centres of Expertise',
      duringLevelCode: 'arena_pro',
      fromYear: 2019,
    })
    .returning({ id: brands.id, code: brands.code });
  return {
    id: programmeId,
    levelIds: new Map(levelRows.map((l) => [l.code, l.id])),
    brandIds: new Map(brandRows.map((b) => [b.code, b.id])),
  };
}

declare module '../../server/demo-seed' {
  interface DemoFacts {
    /** The national programme, which every demo cluster belongs to. */
    programme: SeededProgramme;
  }
}

/** The demo's programme: Norwegian Innovation Clusters with its levels and the NCE brand. */
export const seedProgrammeDemo: DemoSeed = async (demo) => {
  demo.leave('programme', await createProgramme(demo.tx));
};
