import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Clock } from '../../server/clock';
import type { Database } from '../../server/db/client';
import type { Logger } from '../../server/logger';
import type { Actor } from '../../shared/access';
import { recordAudit } from '../audit/audit.service';
import type { SingleSignOnFailure } from './accounts.contract';
import { findAccountByEmail, findAccountByIdentity } from './accounts.queries';
import { actorOf, openSession } from './accounts.service';
import { oidcFlows, oidcIdentities } from './accounts.table';
import type { IdentityClaims, OidcClient } from './oidc-client';

/** How long someone has at the provider before the sign-in must start over. */
export const FLOW_MINUTES = 10;

type Deps = { db: Database; clock: Clock; logger: Logger };

const random = () => randomBytes(32).toString('base64url');
const hashState = (state: string) => createHash('sha256').update(state).digest('base64url');

/**
 * Begins a sign-in at the provider: a fresh state, nonce and PKCE verifier, kept in the database
 * (the state only as a hash) so that whichever app process receives the callback can finish it.
 * The caller gives the state to the browser too, so the callback can be tied to the browser that
 * started it.
 */
export async function startSingleSignOn(
  { db, clock, logger }: Deps,
  client: OidcClient,
  input: { redirectUri: string; returnTo: string; linkAccountId?: string },
): Promise<{ ok: true; state: string; authorizationUrl: URL } | { ok: false; failure: SingleSignOnFailure }> {
  const state = random();
  const nonce = random();
  const codeVerifier = random();
  let authorizationUrl: URL;
  try {
    authorizationUrl = await client.authorizationUrl({
      redirectUri: input.redirectUri,
      state,
      nonce,
      codeVerifier,
    });
  } catch (error) {
    logger.error({ err: error, issuer: client.settings.issuer }, 'single sign-on provider unreachable');
    return { ok: false, failure: 'unavailable' };
  }
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx.delete(oidcFlows).where(lt(oidcFlows.expiresAt, now));
    await tx.insert(oidcFlows).values({
      stateHash: hashState(state),
      codeVerifier,
      nonce,
      returnTo: input.returnTo,
      linkAccountId: input.linkAccountId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + FLOW_MINUTES * 60_000),
    });
  });
  return { ok: true, state, authorizationUrl };
}

export type SingleSignOnResult =
  | { ok: true; token: string; expiresAt: Date; returnTo: string }
  | { ok: true; linked: true; returnTo: string }
  | { ok: false; failure: SingleSignOnFailure; returnTo: string };

/**
 * Finishes a sign-in when the provider sends the browser back. The flow is used up on the first
 * attempt, successful or not. The identity (issuer and subject) finds the account; failing that,
 * the configured claim is compared with the e-mail addresses of active accounts and a match is
 * linked for next time. Nobody gets an account this way: without a match, nobody is signed in.
 */
export async function finishSingleSignOn(
  {
    db,
    clock,
    logger,
    allowDemoAccounts,
    requestId,
  }: Deps & { allowDemoAccounts: boolean; requestId?: string },
  client: OidcClient,
  input: {
    /** The registered redirect URI with the query the provider sent back. */
    callbackUrl: URL;
    state: string | undefined;
    /** The state the browser was given when it started; the callback must carry the same one. */
    browserState: string | undefined;
    providerError: string | undefined;
    userAgent: string | undefined;
    /** Who is signed in in this browser: a linking flow must end as the account that began it. */
    actor: Actor;
  },
): Promise<SingleSignOnResult> {
  const now = clock.now();
  const { state } = input;
  if (!state || state !== input.browserState) return { ok: false, failure: 'stale', returnTo: '/' };
  const [flow] = await db
    .delete(oidcFlows)
    .where(eq(oidcFlows.stateHash, hashState(state)))
    .returning();
  if (!flow || flow.expiresAt <= now) return { ok: false, failure: 'stale', returnTo: '/' };
  const fail = (failure: SingleSignOnFailure): SingleSignOnResult => ({
    ok: false,
    failure,
    returnTo: flow.returnTo,
  });
  if (input.providerError) {
    logger.info({ error: input.providerError }, 'single sign-on ended at the provider');
    return fail(input.providerError === 'access_denied' ? 'cancelled' : 'failed');
  }

  let claims: IdentityClaims;
  try {
    claims = await client.exchangeCode({
      callbackUrl: input.callbackUrl,
      state,
      nonce: flow.nonce,
      codeVerifier: flow.codeVerifier,
    });
  } catch (error) {
    logger.warn({ err: error, issuer: client.settings.issuer }, 'single sign-on answer refused');
    return fail('failed');
  }

  const { iss: issuer, sub: subject } = claims;
  const linked = await findAccountByIdentity(db, issuer, subject);
  if (flow.linkAccountId) {
    const { actor } = input;
    if (actor.kind !== 'account' || actor.accountId !== flow.linkAccountId) return fail('stale');
    if (linked && linked.account.id !== actor.accountId) return fail('linked_elsewhere');
    if (!linked) await linkIdentity(db, { actor, requestId, now }, actor.accountId, issuer, subject);
    return { ok: true, linked: true, returnTo: flow.returnTo };
  }
  let found = linked;
  if (!found) {
    const { matchClaim } = client.settings;
    const value = claims[matchClaim];
    // An unverified address proves nothing: anyone can type someone else's into a provider profile.
    if (matchClaim === 'email' && claims.email_verified !== true) return fail('unverified');
    if (typeof value !== 'string' || value === '') return fail('no_account');
    found = await findAccountByEmail(db, value);
    if (!found) return fail('no_account');
  }
  const { account, name } = found;
  if (account.status !== 'active' || (account.isDemo && !allowDemoAccounts)) return fail('no_account');

  if (linked) {
    await db
      .update(oidcIdentities)
      .set({ lastLoginAt: now })
      .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)));
  } else {
    await linkIdentity(
      db,
      { actor: await actorOf(db, account, name), requestId, now },
      account.id,
      issuer,
      subject,
    );
  }
  const { token, expiresAt } = await openSession(db, account.id, now, input.userAgent);
  return { ok: true, token, expiresAt, returnTo: flow.returnTo };
}

/** Links the provider's identity to the account, once, with the audit event in the same transaction. */
async function linkIdentity(
  db: Database,
  context: { actor: Actor; requestId?: string; now: Date },
  accountId: string,
  issuer: string,
  subject: string,
) {
  await db.transaction(async (tx) => {
    // A second callback racing this one for the same identity links it only once.
    const [created] = await tx
      .insert(oidcIdentities)
      .values({ issuer, subject, accountId, createdAt: context.now, lastLoginAt: context.now })
      .onConflictDoNothing()
      .returning();
    if (!created) return;
    await recordAudit(tx, context, {
      action: 'account.identity_linked',
      entityType: 'account',
      entityId: accountId,
      after: { issuer, subject },
    });
  });
}
