import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { notFound } from '../../server/http/app-error';
import type { Actor } from '../../shared/access';
import { recordAudit } from '../audit/audit.service';
import { sessions } from './accounts.table';
import type { AccountWriteContext } from './invitations.service';

/** A session is named to its owner by the start of its id (itself a hash): enough to tell them apart. */
const HANDLE_LENGTH = 16;

export type SessionView = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
};

function ownAccount(actor: Actor): string {
  if (actor.kind !== 'account') throw new Error('a signed-in actor is required');
  return actor.accountId;
}

export async function listSessions(
  { db, actor, now }: { db: Db; actor: Actor; now: Date },
  currentSessionId: string | undefined,
): Promise<SessionView[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.accountId, ownAccount(actor)), gt(sessions.expiresAt, now)))
    .orderBy(asc(sessions.createdAt))
    .limit(200);
  return rows.map((row) => ({
    id: row.id.slice(0, HANDLE_LENGTH),
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    current: row.id === currentSessionId,
  }));
}

/** Ends one of the actor's own sessions; someone else's is not found. */
export async function endSession(context: AccountWriteContext, handle: string): Promise<void> {
  const accountId = ownAccount(context.actor);
  await context.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.accountId, accountId), sql`left(${sessions.id}, ${HANDLE_LENGTH}) = ${handle}`))
      .returning({ id: sessions.id });
    if (ended.length !== 1) throw notFound('The session');
    await recordAudit(tx, context, {
      action: 'session.ended',
      entityType: 'account',
      entityId: accountId,
      after: { session: handle },
    });
  });
}

/** "Log out everywhere": every session of the account ends, this one included. */
export async function endAllSessions(context: AccountWriteContext): Promise<number> {
  const accountId = ownAccount(context.actor);
  return context.db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.accountId, accountId))
      .returning({ id: sessions.id });
    await recordAudit(tx, context, {
      action: 'session.ended_all',
      entityType: 'account',
      entityId: accountId,
      after: { sessionsEnded: ended.length },
    });
    return ended.length;
  });
}
