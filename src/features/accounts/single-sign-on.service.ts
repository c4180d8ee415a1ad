import type { Logger } from '../../server/logger';
import type { ServiceContext } from '../../server/service-context';
import { recordAudit } from '../audit/record-audit';
import type { SingleSignOnFailure } from './accounts.contract';
import { canSignIn } from './accounts.policy';
import { findAccountByEmail } from './accounts.queries';
import { getAccountActor, openSession, type SignInOptions } from './accounts.service';
import type { IdentityClaims, OidcClient } from './oidc-client';
import { hashSecret, newSecret } from './secret-tokens';
import {
  deleteFlowsExpiredBefore,
  findAccountByIdentity,
  insertFlow,
  insertIdentityOnce,
  takeFlow,
  updateIdentityLastLogin,
} from './single-sign-on.queries';

/** How long someone has at the provider before the sign-in must start over. */
export const FLOW_MINUTES = 10;

/** What talking to a provider needs besides the context: somewhere to say why it failed. */
export type ProviderOptions = { logger: Logger };

/**
 * Begins a sign-in at the provider: a fresh state, nonce and PKCE verifier, kept in the database
 * (the state only as a hash) so that whichever app process receives the callback can finish it.
 * The caller gives the state to the browser too, so the callback can be tied to the browser that
 * started it.
 */
export async function startSingleSignOn(
  { db, clock, logger }: Pick<ServiceContext, 'db' | 'clock'> & ProviderOptions,
  client: OidcClient,
  input: { redirectUri: string; returnTo: string; linkAccountId?: string },
): Promise<{ ok: true; state: string; authorizationUrl: URL } | { ok: false; failure: SingleSignOnFailure }> {
  const state = newSecret();
  const nonce = newSecret();
  const codeVerifier = newSecret();
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
    await deleteFlowsExpiredBefore(tx, now);
    await insertFlow(tx, {
      stateHash: hashSecret(state),
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
  context: ServiceContext & ProviderOptions & SignInOptions,
  client: OidcClient,
  input: {
    /** The registered redirect URI with the query the provider sent back. */
    callbackUrl: URL;
    state: string | undefined;
    /** The state the browser was given when it started; the callback must carry the same one. */
    browserState: string | undefined;
    providerError: string | undefined;
    userAgent: string | undefined;
  },
): Promise<SingleSignOnResult> {
  const { db, logger } = context;
  const now = context.clock.now();
  const { state } = input;
  if (!state || state !== input.browserState) return { ok: false, failure: 'stale', returnTo: '/' };
  const flow = await takeFlow(db, hashSecret(state));
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
    // Who is signed in in this browser: a linking flow must end as the account that began it.
    const { actor } = context;
    if (actor.kind !== 'account' || actor.accountId !== flow.linkAccountId) return fail('stale');
    if (linked && linked.account.id !== actor.accountId) return fail('linked_elsewhere');
    if (!linked) await linkIdentity(context, actor.accountId, issuer, subject);
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
  if (!canSignIn(account, context)) return fail('no_account');

  if (linked) {
    await updateIdentityLastLogin(db, issuer, subject, now);
  } else {
    // The person signing in links their own identity, whoever the browser was before.
    const self = await getAccountActor(db, account, name, now);
    await linkIdentity({ ...context, actor: self }, account.id, issuer, subject);
  }
  const { token, expiresAt } = await openSession(context, account.id, input.userAgent);
  return { ok: true, token, expiresAt, returnTo: flow.returnTo };
}

/** Links the provider's identity to the account, once, with the audit event in the same transaction. */
async function linkIdentity(context: ServiceContext, accountId: string, issuer: string, subject: string) {
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    // A second callback racing this one for the same identity links it only once.
    if (!(await insertIdentityOnce(tx, { issuer, subject, accountId, at: now }))) return;
    await recordAudit(tx, context, {
      action: 'account.identity_linked',
      entityType: 'account',
      entityId: accountId,
      entityName: context.actor.kind === 'account' ? context.actor.name : null,
      after: { issuer, subject },
    });
  });
}
