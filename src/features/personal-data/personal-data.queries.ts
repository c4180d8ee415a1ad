// Personal data lives in the accounts feature's tables and in the mail outbox. Exporting or
// erasing a person must reach all of it in one transaction, so these queries read and write
// those tables directly: the documented exception in ARCHITECTURE.md. The audit trail is
// reached through the audit service.
import { and, asc, count, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { containsPattern } from '../../server/db/like';
import {
  accounts,
  apiTokens,
  invitations,
  oidcIdentities,
  passwordResets,
  persons,
  roleGrants,
  sessions,
} from '../accounts/accounts.table';
import { mailMessages } from '../mail/mail.table';

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

export function listGrantsWithTimes(db: Db, accountId: string) {
  return db
    .select({
      role: roleGrants.role,
      clusterId: roleGrants.clusterId,
      organisationId: roleGrants.organisationId,
      createdAt: roleGrants.createdAt,
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

// Never the token hash: it would let whoever reads the export into the session.
export function listSessionsOf(db: Db, accountId: string) {
  return db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.accountId, accountId))
    .orderBy(asc(sessions.createdAt));
}

export function listApiTokensOf(db: Db, accountId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      permissions: apiTokens.permissions,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.accountId, accountId))
    .orderBy(asc(apiTokens.createdAt));
}

export function listOidcIdentitiesOf(db: Db, accountId: string) {
  return db
    .select({
      issuer: oidcIdentities.issuer,
      subject: oidcIdentities.subject,
      createdAt: oidcIdentities.createdAt,
      lastLoginAt: oidcIdentities.lastLoginAt,
    })
    .from(oidcIdentities)
    .where(eq(oidcIdentities.accountId, accountId));
}

const invitationColumns = {
  id: invitations.id,
  email: invitations.email,
  name: invitations.name,
  grants: invitations.grants,
  createdAt: invitations.createdAt,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
};

/** Invitations to the person: the one that made their account, and any sent to one of their addresses. */
function invitationsTo(accountId: string | null, emails: string[]): SQL | undefined {
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

export function listInvitationsTo(db: Db, accountId: string | null, emails: string[]) {
  const where = invitationsTo(accountId, emails);
  if (!where) return Promise.resolve([]);
  return db.select(invitationColumns).from(invitations).where(where).orderBy(asc(invitations.createdAt));
}

export function listInvitationsBy(db: Db, accountId: string) {
  return db
    .select(invitationColumns)
    .from(invitations)
    .where(eq(invitations.invitedByAccountId, accountId))
    .orderBy(asc(invitations.createdAt));
}

function mailTo(emails: string[]): SQL {
  return inArray(
    sql`lower(${mailMessages.toAddress})`,
    emails.map((email) => email.toLowerCase()),
  );
}

// Never the body: invitation and reset messages carry links that sign their holder in.
export function listMailTo(db: Db, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .select({
      toAddress: mailMessages.toAddress,
      subject: mailMessages.subject,
      kind: mailMessages.kind,
      status: mailMessages.status,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .where(mailTo(emails))
    .orderBy(asc(mailMessages.createdAt));
}

export async function anonymisePerson(db: Db, personId: string, name: string, now: Date) {
  await db
    .update(persons)
    .set({ name, email: null, phone: null, erasedAt: now, updatedAt: now })
    .where(eq(persons.id, personId));
}

/** Disables the account for good: no address to sign in with, no password, no way back in. */
export async function closeAccount(db: Db, accountId: string, placeholderEmail: string, now: Date) {
  await db
    .update(accounts)
    .set({ email: placeholderEmail, passwordHash: null, status: 'disabled', updatedAt: now })
    .where(eq(accounts.id, accountId));
}

/** Deletes everything that lets the account act or identifies it elsewhere, and says how much went. */
export async function deleteAccountAccess(db: Db, accountId: string) {
  const [sessionRows, tokenRows, identityRows, resetRows, grantRows] = [
    await db.delete(sessions).where(eq(sessions.accountId, accountId)).returning({ id: sessions.id }),
    await db.delete(apiTokens).where(eq(apiTokens.accountId, accountId)).returning({ id: apiTokens.id }),
    await db
      .delete(oidcIdentities)
      .where(eq(oidcIdentities.accountId, accountId))
      .returning({ subject: oidcIdentities.subject }),
    await db
      .delete(passwordResets)
      .where(eq(passwordResets.accountId, accountId))
      .returning({ hash: passwordResets.tokenHash }),
    await db.delete(roleGrants).where(eq(roleGrants.accountId, accountId)).returning({ id: roleGrants.id }),
  ];
  return {
    sessions: sessionRows.length,
    apiTokens: tokenRows.length,
    singleSignOnIdentities: identityRows.length,
    passwordResets: resetRows.length,
    roleGrants: grantRows.length,
  };
}

/**
 * Invitations to the person: those never accepted are deleted; the accepted one stays as the
 * record of who invited whom, with the invitee's name and address replaced.
 */
export async function eraseInvitationsTo(
  db: Db,
  accountId: string | null,
  emails: string[],
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

export async function deleteMailTo(db: Db, emails: string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const rows = await db.delete(mailMessages).where(mailTo(emails)).returning({ id: mailMessages.id });
  return rows.length;
}
