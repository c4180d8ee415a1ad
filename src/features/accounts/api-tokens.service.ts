import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database, Db } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import { type Actor, type Permission, permissionsOf } from '../../shared/access';
import { recordAudit } from '../audit/audit.service';
import { actorOf } from './accounts.service';
import { accounts, apiTokens, persons } from './accounts.table';
import type { AccountWriteContext } from './invitations.service';
import { hashSecret, newSecret } from './secret-tokens';

/** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'klynge_';
const DAY_MS = 86_400_000;
/** Last-used time is written at most this often, so API reads do not all turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenView = {
  id: string;
  name: string;
  prefix: string;
  permissions: Permission[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

function toView(row: typeof apiTokens.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Tokens are made and withdrawn by a person in a browser session, never by another token. */
function sessionAccount(actor: Actor): Actor & { kind: 'account' } {
  if (actor.kind !== 'account') throw new AppError('unauthenticated', 'Sign in to do this.');
  if (actor.tokenPermissions) throw new AppError('forbidden', 'An API token cannot manage API tokens.');
  return actor;
}

/**
 * Makes a token acting as the caller with at most the caller's permissions. The secret is in the
 * answer once and never again: only its hash is kept.
 */
export async function createApiToken(
  context: AccountWriteContext,
  input: { name: string; permissions: Permission[]; expiresInDays?: number },
): Promise<ApiTokenView & { token: string }> {
  const actor = sessionAccount(context.actor);
  const held = new Set(permissionsOf(actor));
  const beyond = input.permissions.filter((p) => !held.has(p));
  if (beyond.length > 0) {
    throw new AppError('validation_failed', 'A token cannot hold permissions its owner does not have.', {
      fieldErrors: beyond.map((p) => ({
        path: ['body', 'permissions', input.permissions.indexOf(p)],
        message: `you do not hold ${p}`,
      })),
    });
  }
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const { now } = context;
  return context.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        accountId: actor.accountId,
        name: input.name,
        tokenHash: hashSecret(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        permissions: [...new Set(input.permissions)],
        createdAt: now,
        expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
      })
      .returning();
    const view = toView(row!);
    await recordAudit(tx, context, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row!.id,
      after: {
        name: view.name,
        prefix: view.prefix,
        permissions: view.permissions,
        expiresAt: view.expiresAt,
      },
    });
    return { ...view, token };
  });
}

export async function listApiTokens({ db, actor }: { db: Db; actor: Actor }): Promise<ApiTokenView[]> {
  const owner = sessionAccount(actor);
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.accountId, owner.accountId))
    .orderBy(desc(apiTokens.createdAt))
    .limit(200);
  return rows.map(toView);
}

/** Withdraws one of the caller's tokens at once; someone else's is not found. */
export async function revokeApiToken(context: AccountWriteContext, id: string): Promise<ApiTokenView> {
  const owner = sessionAccount(context.actor);
  return context.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: context.now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.accountId, owner.accountId), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw notFound('The token');
    await recordAudit(tx, context, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: row.revokedAt!.toISOString() },
    });
    return toView(row);
  });
}

/**
 * The actor behind an `Authorization: Bearer` token: its owner, narrowed to the token's
 * permissions. A withdrawn or expired token, or one of a disabled account, is refused outright
 * rather than treated as anonymous, so an integration learns at once that it lost its access.
 */
export async function resolveTokenActor(
  db: Database,
  token: string,
  now: Date,
  allowDemoAccounts: boolean,
): Promise<Actor> {
  const [found] = await db
    .select({ token: apiTokens, account: accounts, name: persons.name })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.accountId))
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(apiTokens.tokenHash, hashSecret(token)));
  const usable =
    found &&
    !found.token.revokedAt &&
    (!found.token.expiresAt || found.token.expiresAt > now) &&
    found.account.status === 'active' &&
    (allowDemoAccounts || !found.account.isDemo);
  if (!usable)
    throw new AppError('unauthenticated', 'The API token is not valid: it is unknown, expired or withdrawn.');
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, found.token.id));
  }
  const actor = await actorOf(db, found.account, found.name);
  return actor.kind === 'account' ? { ...actor, tokenPermissions: found.token.permissions } : actor;
}
