import type { Database } from '../../server/db/client';
import { AppError, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import type { Actor, Permission } from '../../shared/access';
import { recordAudit } from '../audit/record-audit';
import { canSignIn, requireMayManageApiTokens, requireTokenWithinOwnersPermissions } from './accounts.policy';
import { getAccountActor } from './accounts.service';
import {
  type ApiTokenRow,
  findTokenByHash,
  insertApiToken,
  listApiTokensOfAccount,
  updateTokenLastUsed,
  updateTokenRevoked,
} from './api-tokens.queries';
import { hashSecret, newSecret } from './secret-tokens';

/** Every token starts with this, so a leaked one is easy to recognise (and to scan for). */
export const TOKEN_PREFIX = 'klynge_';
const DAY_MS = 86_400_000;
/** Last-used time is written at most this often, so API reads do not all turn into writes. */
const TOUCH_EVERY_MS = 60_000;
/** More tokens than anyone keeps; the list stops here rather than grow without bound. */
const MAX_LISTED = 200;

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

function toView(row: ApiTokenRow): ApiTokenView {
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

/**
 * Makes a token acting as the caller with at most the caller's permissions. The secret is in the
 * answer once and never again: only its hash is kept.
 */
export async function createApiToken(
  context: ServiceContext,
  input: { name: string; permissions: Permission[]; expiresInDays?: number },
): Promise<ApiTokenView & { token: string }> {
  const owner = requireMayManageApiTokens(context.actor);
  requireTokenWithinOwnersPermissions(owner, input.permissions);
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      accountId: owner.accountId,
      name: input.name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      permissions: [...new Set(input.permissions)],
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null,
    });
    const view = toView(row);
    await recordAudit(tx, context, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
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

export async function listApiTokens({
  db,
  actor,
}: Pick<ServiceContext, 'db' | 'actor'>): Promise<ApiTokenView[]> {
  const owner = requireMayManageApiTokens(actor);
  const rows = await listApiTokensOfAccount(db, owner.accountId, MAX_LISTED);
  return rows.map(toView);
}

/** Withdraws one of the caller's tokens at once; someone else's is not found. */
export async function revokeApiToken(context: ServiceContext, id: string): Promise<ApiTokenView> {
  const owner = requireMayManageApiTokens(context.actor);
  return context.db.transaction(async (tx) => {
    const row = await updateTokenRevoked(tx, owner.accountId, id, context.clock.now());
    if (!row) throw notFound('The token');
    await recordAudit(tx, context, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
      entityName: row.name,
      before: { revokedAt: null },
      after: { revokedAt: row.revokedAt!.toISOString() },
    });
    return toView(row);
  });
}

/**
 * The actor behind an `Authorization: Bearer` token: its owner, narrowed to the token's
 * permissions. A withdrawn or expired token, or one of an account that may not sign in, is
 * refused outright rather than treated as anonymous, so an integration learns at once that it
 * lost its access. It runs before any actor is known, so it takes no service context.
 */
export async function resolveTokenActor(
  db: Database,
  token: string,
  now: Date,
  allowDemoAccounts: boolean,
): Promise<Actor> {
  const found = await findTokenByHash(db, hashSecret(token));
  const usable =
    found &&
    !found.token.revokedAt &&
    (!found.token.expiresAt || found.token.expiresAt > now) &&
    canSignIn(found.account, { allowDemoAccounts });
  if (!usable)
    throw new AppError('unauthenticated', 'The API token is not valid: it is unknown, expired or withdrawn.');
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await updateTokenLastUsed(db, found.token.id, now);
  }
  const actor = await getAccountActor(db, found.account, found.name, now);
  return actor.kind === 'account' ? { ...actor, tokenPermissions: found.token.permissions } : actor;
}
