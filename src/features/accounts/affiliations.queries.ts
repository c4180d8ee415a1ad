import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { affiliations } from './accounts.table';

/** The person's organisations, in the order they were added. */
export function listAffiliationsOfPerson(db: Db, personId: string) {
  return db
    .select({ orgnr: affiliations.orgnr, createdAt: affiliations.createdAt })
    .from(affiliations)
    .where(eq(affiliations.personId, personId))
    .orderBy(asc(affiliations.createdAt), asc(affiliations.orgnr));
}

export async function countAffiliationsOfPerson(db: Db, personId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(affiliations).where(eq(affiliations.personId, personId));
  return row?.n ?? 0;
}

export async function insertAffiliation(db: Db, values: typeof affiliations.$inferInsert) {
  const [row] = await db.insert(affiliations).values(values).returning();
  return row!;
}

/** Removes one of the person's organisations; answers the row that went, if there was one. */
export async function deleteAffiliation(db: Db, personId: string, orgnr: string) {
  const [row] = await db
    .delete(affiliations)
    .where(and(eq(affiliations.personId, personId), eq(affiliations.orgnr, orgnr)))
    .returning();
  return row;
}

/** Removes every organisation of the person; answers how many went. */
export async function deleteAffiliationsOfPerson(db: Db, personId: string): Promise<number> {
  const deleted = await db
    .delete(affiliations)
    .where(eq(affiliations.personId, personId))
    .returning({ orgnr: affiliations.orgnr });
  return deleted.length;
}
