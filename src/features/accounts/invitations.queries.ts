import { and, asc, count, desc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { InvitationScope } from './accounts.policy';
import { accounts, invitations, persons } from './accounts.table';
import type { ListInvitationsQuery } from './invitations.contract';

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = NonNullable<ListInvitationsQuery['state']>;

/** The invitations inside the scope: every one, or those the account sent and those to its clusters. */
function scopeCondition(scope: InvitationScope): SQL | undefined {
  if (scope === 'all') return undefined;
  const { invitedByAccountId, clusterIds } = scope;
  return or(
    invitedByAccountId ? eq(invitations.invitedByAccountId, invitedByAccountId) : sql`false`,
    clusterIds.length
      ? sql`exists (select 1 from jsonb_array_elements(${invitations.grants}) g
          where g->>'clusterId' = any(${sql.param(clusterIds)}::text[]))`
      : sql`false`,
  );
}

function stateCondition(state: InvitationState | undefined, now: Date): SQL | undefined {
  switch (state) {
    case 'accepted':
      return sql`${invitations.acceptedAt} is not null`;
    case 'revoked':
      return and(isNull(invitations.acceptedAt), sql`${invitations.revokedAt} is not null`);
    case 'expired':
      return and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        sql`${invitations.expiresAt} <= ${now}`,
      );
    case 'open':
      return and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      );
    default:
      return undefined;
  }
}

export async function insertInvitation(
  db: Db,
  values: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

/** A page of the invitations in the scope, in a state as of `now`, newest first, with who sent each. */
export async function listInvitationPage(
  db: Db,
  scope: InvitationScope,
  filter: { state: InvitationState | undefined; now: Date },
  page: { page: number; pageSize: number },
) {
  const where = and(scopeCondition(scope), stateCondition(filter.state, filter.now));
  const [rows, [total]] = await Promise.all([
    db
      .select({ invitation: invitations, invitedBy: persons.name })
      .from(invitations)
      .leftJoin(accounts, eq(accounts.id, invitations.invitedByAccountId))
      .leftJoin(persons, eq(persons.id, accounts.personId))
      .where(where)
      .orderBy(desc(invitations.createdAt), desc(invitations.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(invitations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The invitation with this id if it is inside the scope, locked until the transaction ends. */
export async function findInvitationForUpdate(
  db: Db,
  id: string,
  scope: InvitationScope,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), scopeCondition(scope)))
    .for('update');
  return row;
}

export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

export async function updateInvitationRevoked(db: Db, id: string, at: Date): Promise<InvitationRow> {
  const [row] = await db.update(invitations).set({ revokedAt: at }).where(eq(invitations.id, id)).returning();
  return row!;
}

/**
 * Marks the invitation accepted unless it was accepted or withdrawn already; answers whether this
 * call did. One statement, so two uses of one link cannot both succeed.
 */
export async function claimInvitation(db: Db, id: string, at: Date): Promise<boolean> {
  const claimed = await db
    .update(invitations)
    .set({ acceptedAt: at })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return claimed.length > 0;
}

/** Ties the invitation to its message in the outbox. */
export async function updateInvitationMail(
  db: Db,
  id: string,
  mailMessageId: string,
): Promise<InvitationRow> {
  const [row] = await db.update(invitations).set({ mailMessageId }).where(eq(invitations.id, id)).returning();
  return row!;
}

export async function updateInvitationAccount(db: Db, id: string, accountId: string): Promise<void> {
  await db.update(invitations).set({ accountId }).where(eq(invitations.id, id));
}

/** Invitations to a person: the one that made their account, and any sent to one of their addresses. */
function invitationsTo(accountId: string | null, emails: readonly string[]): SQL | undefined {
  return or(
    accountId ? eq(invitations.accountId, accountId) : undefined,
    emails.length > 0
      ? inArray(
          sql`lower(${invitations.email})`,
          emails.map((email) => email.toLowerCase()),
        )
      : undefined,
  );
}

const invitationDetails = {
  id: invitations.id,
  email: invitations.email,
  name: invitations.name,
  grants: invitations.grants,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
};

/** Invitations to the account or to any of the addresses, oldest first, without their token hashes. */
export function listInvitationsTo(db: Db, accountId: string | null, emails: readonly string[]) {
  const where = invitationsTo(accountId, emails);
  if (!where) return Promise.resolve([]);
  return db.select(invitationDetails).from(invitations).where(where).orderBy(asc(invitations.createdAt));
}

/** Invitations the account sent, oldest first, without their token hashes. */
export function listInvitationsBy(db: Db, accountId: string) {
  return db
    .select(invitationDetails)
    .from(invitations)
    .where(eq(invitations.invitedByAccountId, accountId))
    .orderBy(asc(invitations.createdAt));
}

/**
 * Erases the invitations to a person: those never accepted are deleted and counted; the accepted
 * one stays as the record of who invited whom, with the invitee's name and address replaced.
 */
export async function eraseInvitationsTo(
  db: Db,
  accountId: string | null,
  emails: readonly string[],
  replacement: { name: string; email: string },
): Promise<number> {
  const where = invitationsTo(accountId, emails);
  if (!where) return 0;
  const deleted = await db
    .delete(invitations)
    .where(and(where, isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  await db.update(invitations).set(replacement).where(where);
  return deleted.length;
}
