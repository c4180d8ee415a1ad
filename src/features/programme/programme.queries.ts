import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { brands, levels, programmes } from './programme.table';

export async function findFirstProgramme(db: Db) {
  const [row] = await db.select().from(programmes).orderBy(asc(programmes.createdAt)).limit(1);
  return row;
}

export function listLevels(db: Db, programmeId: string) {
  return db.select().from(levels).where(eq(levels.programmeId, programmeId)).orderBy(asc(levels.sortOrder));
}

export function listBrands(db: Db, programmeId: string) {
  return db.select().from(brands).where(eq(brands.programmeId, programmeId)).orderBy(asc(brands.fromYear));
}

export type LevelRow = typeof levels.$inferSelect;
export type ProgrammeRow = typeof programmes.$inferSelect;
