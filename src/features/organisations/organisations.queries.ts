import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { organisations } from './organisations.table';

export async function findByOrgnr(db: Db, orgnr: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.orgnr, orgnr)).limit(1);
  return row;
}

export async function findNameByOrgnr(db: Db, orgnr: string) {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.orgnr, orgnr))
    .limit(1);
  return row?.name;
}

export type OrganisationRow = typeof organisations.$inferSelect;
