// Who a person is: the person with their account, for the people list, a person's page and the
// head of their export. Persons and accounts are the accounts feature's tables; this read model
// (decision 015) reads them and writes nothing. What each feature holds about the person, and
// how it is erased, is that feature's own `<f>.personal-data.ts`.
import { and, asc, count, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { containsPattern } from '../../server/db/like';
import type { RoleGrant } from '../../shared/access';
import {
  accounts,
  apiTokens,
  oidcIdentities,
  persons,
  roleGrants,
  sessions,
} from '../accounts/accounts.table';

export async function listPersonsPage(
  db: Db,
  q: string | undefined,
  page: { page: number; pageSize: number },
) {
  const pattern = q ? containsPattern(q) : undefined;
  const where = pattern
    ? or(
        sql`${persons.name} ilike ${pattern}`,
        sql`${persons.email} ilike ${pattern}`,
        sql`${accounts.email} ilike ${pattern}`,
      )
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: persons.id,
        name: persons.name,
        email: persons.email,
        erasedAt: persons.erasedAt,
        accountStatus: accounts.status,
      })
      .from(persons)
      .leftJoin(accounts, eq(accounts.personId, persons.id))
      .where(where)
      .orderBy(asc(sql`lower(${persons.name})`), asc(persons.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: count() })
      .from(persons)
      .leftJoin(accounts, eq(accounts.personId, persons.id))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** A person with their account, if any; `lock` holds both rows for the rest of the transaction. */
export async function findPersonWithAccount(db: Db, personId: string, lock = false) {
  const query = db
    .select({ person: persons, account: accounts })
    .from(persons)
    .leftJoin(accounts, eq(accounts.personId, persons.id))
    .where(eq(persons.id, personId))
    .limit(1);
  // Locking the person row is enough: a session opened meanwhile dies with the account's status.
  const [row] = await (lock ? query.for('update', { of: persons }) : query);
  return row;
}

export function listGrantsOf(db: Db, accountId: string): Promise<RoleGrant[]> {
  return db
    .select({
      role: roleGrants.role,
      clusterId: roleGrants.clusterId,
      organisationId: roleGrants.organisationId,
    })
    .from(roleGrants)
    .where(eq(roleGrants.accountId, accountId))
    .orderBy(asc(roleGrants.createdAt));
}

export async function countLiveSessions(db: Db, accountId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, now)));
  return row?.n ?? 0;
}

export async function countUsableApiTokens(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.accountId, accountId), isNull(apiTokens.revokedAt)));
  return row?.n ?? 0;
}

export async function countOidcIdentities(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(oidcIdentities)
    .where(eq(oidcIdentities.accountId, accountId));
  return row?.n ?? 0;
}
