import { notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { recordAudit } from '../audit/record-audit';
import { requireMayManageSessions } from './accounts.policy';
import { sessionHandleOf } from './sessions';
import {
  deleteSessionByHandle,
  deleteSessionsOfAccount,
  listLiveSessionsOfAccount,
} from './sessions.queries';

/** More sessions than anyone has; the list stops here rather than grow without bound. */
const MAX_LISTED = 200;

export type SessionView = {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
};

/** The actor's own live sessions, oldest first; `currentSessionId` marks the one asking. */
export async function listSessions(
  { db, actor, clock }: Pick<ServiceContext, 'db' | 'actor' | 'clock'>,
  currentSessionId: string | undefined,
): Promise<SessionView[]> {
  const { accountId } = requireMayManageSessions(actor);
  const rows = await listLiveSessionsOfAccount(db, accountId, clock.now(), MAX_LISTED);
  return rows.map((row) => ({
    id: sessionHandleOf(row.id),
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    userAgent: row.userAgent,
    current: row.id === currentSessionId,
  }));
}

/** Ends one of the actor's own sessions; someone else's is not found. */
export async function endSession(context: ServiceContext, handle: string): Promise<void> {
  const { accountId } = requireMayManageSessions(context.actor);
  await context.db.transaction(async (tx) => {
    const ended = await deleteSessionByHandle(tx, accountId, handle);
    if (ended !== 1) throw notFound('The session');
    await recordAudit(tx, context, {
      action: 'session.ended',
      entityType: 'account',
      entityId: accountId,
      entityName: context.actor.kind === 'account' ? context.actor.name : null,
      after: { session: handle },
    });
  });
}

/** "Log out everywhere": every session of the account ends, this one included. */
export async function endAllSessions(context: ServiceContext): Promise<number> {
  const { accountId } = requireMayManageSessions(context.actor);
  return context.db.transaction(async (tx) => {
    const ended = await deleteSessionsOfAccount(tx, accountId);
    await recordAudit(tx, context, {
      action: 'session.ended_all',
      entityType: 'account',
      entityId: accountId,
      entityName: context.actor.kind === 'account' ? context.actor.name : null,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
}
