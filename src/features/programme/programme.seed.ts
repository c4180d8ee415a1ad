import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import { LEVEL_CODES, type LevelCode } from './levels';
import type { OperatorInput, SetUpProgrammeBody } from './programme.contract';
import { brands, levels, programmeOperators, programmes } from './programme.table';
import { NIC_LEVELS, PROGRAMME_TEMPLATES } from './programme.templates';

export type SeededProgramme = { id: string; levelIds: Map<LevelCode, string>; brandIds: Map<string, string> };

/**
 * The national programme's operators, each with a press contact. The organisations are real; the
 * press contacts are invented people, with phone numbers no Norwegian number begins with.
 */
export const DEMO_OPERATORS: OperatorInput[] = [
  {
    orgnr: '986399445',
    name: 'Innovasjon Norge',
    pressContact: { name: 'Nora Nyhetsen', email: 'nora@demo.klynge.example', phone: '+47 00 00 00 01' },
  },
  {
    orgnr: '986813241',
    name: 'Siva',
    pressContact: { name: 'Sverre Sitat', email: 'sverre@demo.klynge.example', phone: '+47 00 00 00 02' },
  },
  {
    orgnr: '970141669',
    name: 'Forskningsrådet',
    pressContact: { name: 'Frida Fakta', email: 'frida@demo.klynge.example', phone: null },
  },
];

/** The programme the tests and the demo start from: the Norwegian template with press contacts. */
export function buildProgramme(overrides: Partial<SetUpProgrammeBody> = {}): Required<SetUpProgrammeBody> {
  return { ...PROGRAMME_TEMPLATES.norway.programme, operatorOrganisations: DEMO_OPERATORS, ...overrides };
}

/**
 * Creates a programme with the national levels, the NCE brand and the operators, writing the rows
 * directly: tests need it before anyone who could set it up exists, and leave no audit trail.
 */
export async function createProgramme(
  db: Db,
  overrides: Partial<SetUpProgrammeBody> = {},
): Promise<SeededProgramme> {
  const programme = buildProgramme(overrides);
  const [row] = await db
    .insert(programmes)
    .values({
      slug: 'norwegian-innovation-clusters',
      nameNb: programme.name.nb,
      nameEn: programme.name.en,
      descriptionNb: programme.description.nb,
      descriptionEn: programme.description.en,
      operatingAidCapYears: programme.operatingAidCapYears,
    })
    .returning({ id: programmes.id });
  const programmeId = row!.id;
  await db.insert(programmeOperators).values(
    programme.operatorOrganisations.map((operator, index) => ({
      programmeId,
      orgnr: operator.orgnr,
      name: operator.name,
      sortOrder: index,
      pressContactName: operator.pressContact?.name ?? null,
      pressContactEmail: operator.pressContact?.email ?? null,
      pressContactPhone: operator.pressContact?.phone ?? null,
    })),
  );
  const levelRows = await db
    .insert(levels)
    .values(
      NIC_LEVELS.map((level) => ({
        programmeId,
        code: level.code,
        nameNb: level.name.nb,
        nameEn: level.name.en,
        descriptionNb: level.description.nb,
        descriptionEn: level.description.en,
        durationYears: level.durationYears,
        extensionYears: level.extensionYears,
        openFromYear: level.openFromYear,
        openToYear: level.openToYear,
        funded: level.funded,
        operatingAid: level.operatingAid,
        sortOrder: LEVEL_CODES.indexOf(level.code),
      })),
    )
    .returning({ id: levels.id, code: levels.code });
  const brandRows = programme.brands.length
    ? await db
        .insert(brands)
        .values(
          programme.brands.map((brand) => ({
            programmeId,
            code: brand.code,
            nameNb: brand.name.nb,
            nameEn: brand.name.en,
            duringLevelCode: brand.duringLevel,
            fromYear: brand.fromYear,
          })),
        )
        .returning({ id: brands.id, code: brands.code })
    : [];
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

/** The demo's programme: Norwegian Innovation Clusters with its operators, levels and the NCE brand. */
export const seedProgrammeDemo: DemoSeed = async (demo) => {
  demo.leave('programme', await createProgramme(demo.tx));
};
