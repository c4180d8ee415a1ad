import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import type { LevelCode } from './levels';
import type { OperatorInput, SetUpProgrammeBody } from './programme.contract';
import {
  insertBrands,
  insertLevels,
  insertProgramme,
  programmeColumns,
  replaceOperators,
} from './programme.queries';
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
  const now = new Date();
  const { id } = await insertProgramme(db, {
    slug: 'norwegian-innovation-clusters',
    ...programmeColumns(programme),
    createdAt: now,
    updatedAt: now,
  });
  await replaceOperators(db, id, programme.operatorOrganisations, now);
  const levelRows = await insertLevels(db, id, NIC_LEVELS, now);
  const brandRows = await insertBrands(db, id, programme.brands, now);
  return {
    id,
    levelIds: new Map(levelRows.map((level) => [level.code, level.id])),
    brandIds: new Map(brandRows.map((brand) => [brand.code, brand.id])),
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
