import {
  defineAccessRows,
  EVERYONE,
  hasItem,
  type MatrixFixture,
  SIGNED_IN,
} from '../../testing/access-matrix';
import type { TestResponse } from '../../testing/harness';
import { nextOrgnr } from '../organisations/organisations.seed';
import { createTestAccount, TEST_PASSWORD } from './accounts.seed';
import { affiliations, apiTokens, invitations, passwordResets, signUps } from './accounts.table';
import { hashSecret, newSecret } from './secret-tokens';
import { sessionIdOf } from './sessions';

const DAY_MS = 86_400_000;

/** The login at the test provider whose verified address is the bystander's. */
const PROVIDER_LOGIN = 'matrix-person';

/** Open invitations the operator made: one whose link anyone may look at, and one to each cluster. */
const invited = {} as { token: string; listed: { a: string; b: string } };

/** Signs in once more as the account, and returns the handle of that other session. */
async function anotherSessionOf(m: MatrixFixture, email: string): Promise<string> {
  const cookie = await m.t.signIn(email, TEST_PASSWORD);
  const token = cookie.slice(cookie.indexOf('=') + 1);
  return sessionIdOf(token).slice(0, 16);
}

/** An API token of the account, written directly: the route that makes one is under test itself. */
async function apiTokenOf(m: MatrixFixture, accountId: string): Promise<string> {
  const secret = `klynge_${newSecret()}`;
  const [row] = await m.t.db
    .insert(apiTokens)
    .values({
      accountId,
      name: 'Matrix',
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 13),
      permissions: [],
    })
    .returning();
  return row!.id;
}

/**
 * An open invitation to a role on the cluster, written directly because its link's code is only
 * ever in the e-mail.
 */
async function invitation(
  m: MatrixFixture,
  clusterId: string,
  invitedByAccountId: string,
  role: 'cluster_staff' | 'cluster_manager' = 'cluster_staff',
): Promise<{ id: string; token: string }> {
  const token = newSecret();
  const now = m.t.clock.now();
  const [row] = await m.t.db
    .insert(invitations)
    .values({
      tokenHash: hashSecret(token),
      email: m.newEmail(),
      name: 'Invitert Person',
      grants: [{ role, clusterId, organisationId: null }],
      invitedByAccountId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * DAY_MS),
    })
    .returning();
  return { id: row!.id, token };
}

/** The code of a password-reset link for a new account of its own, so the reset ends nobody else's sessions. */
async function resetLink(m: MatrixFixture): Promise<string> {
  const { account } = await createTestAccount(m.t.db, 'assessor');
  const token = newSecret();
  await m.t.db.insert(passwordResets).values({
    tokenHash: hashSecret(token),
    accountId: account.id,
    createdAt: m.t.clock.now(),
    expiresAt: new Date(m.t.clock.now().getTime() + 3_600_000),
  });
  return token;
}

/** The code of an open sign-up link to a new address, written directly: the code is only ever in the mail. */
async function signUpLink(m: MatrixFixture): Promise<string> {
  const token = newSecret();
  await m.t.db.insert(signUps).values({
    tokenHash: hashSecret(token),
    email: m.newEmail(),
    name: 'Ny Søker',
    language: 'nb',
    createdAt: m.t.clock.now(),
    expiresAt: new Date(m.t.clock.now().getTime() + DAY_MS),
  });
  return token;
}

/** A new organisation on the person's own list, written directly, by its number. */
async function affiliationOf(m: MatrixFixture, personId: string): Promise<string> {
  const orgnr = nextOrgnr();
  await m.t.db.insert(affiliations).values({ personId, orgnr });
  return orgnr;
}

/** The first cookie of a name that an answer sets, as `name=value`. */
function cookieSet(response: Response | TestResponse, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith(`${name}=`) && pair !== `${name}=`);
}

/**
 * A sign-in begun at Klynge and finished at the test provider as the bystander: the callback's
 * query and the browser's flow cookie, added to the caller's own cookie.
 */
async function providerCallback(m: MatrixFixture, callerCookie: string | undefined) {
  const started = await m.t.app.request('/api/auth/oidc/start');
  const flowCookie = cookieSet(started, 'klynge_sso');
  const location = started.headers.get('location');
  if (started.status !== 302 || !flowCookie || !location?.startsWith(m.provider.issuer)) {
    throw new Error(`Single sign-on did not start at the test provider: ${started.status} ${location}`);
  }
  const callback = await m.provider.signIn(location, PROVIDER_LOGIN);
  return {
    query: callback.search.slice(1),
    cookie: callerCookie ? `${callerCookie}; ${flowCookie}` : flowCookie,
  };
}

export const accountsAccess = defineAccessRows({
  async setup(m) {
    m.provider.people.set(PROVIDER_LOGIN, { email: m.bystander.email, email_verified: true, name: 'Matrix' });
    invited.token = (await invitation(m, m.clusterA.id, m.accounts.operator_admin.account.id)).token;
    invited.listed = {
      a: (await invitation(m, m.clusterA.id, m.accounts.operator_admin.account.id)).id,
      b: (await invitation(m, m.clusterB.id, m.accounts.operator_admin.account.id)).id,
    };
  },
  rows: (m) => ({
    // ── Signing in and out ──────────────────────────────────────────────────────────────────────
    'get /api/auth/me': {
      success: 200,
      in: { on: 'the caller (public)', allow: EVERYONE, request: () => ({}) },
    },
    'get /api/auth/methods': {
      success: 200,
      in: { on: 'the sign-in methods (public)', allow: EVERYONE, request: () => ({}) },
    },
    'post /api/auth/login': {
      success: 200,
      in: {
        on: "an account's e-mail and password (public)",
        allow: EVERYONE,
        request: () => ({ body: { email: m.bystander.email, password: TEST_PASSWORD } }),
      },
    },
    'post /api/auth/logout': {
      success: 200,
      in: {
        on: "the caller's own session, a fresh one (public)",
        allow: EVERYONE,
        request: async ({ who }) => ({ cookie: await m.freshSession(who) }),
      },
    },
    'get /api/auth/oidc/start': {
      success: 302,
      in: {
        on: 'a single sign-on at the configured provider (public)',
        allow: EVERYONE,
        // A refusal also answers 302, to the sign-in page: only a redirect to the provider counts.
        holds: (response) => (response.headers.get('location') ?? '').startsWith(m.provider.issuer),
        request: () => ({}),
      },
    },
    'get /api/auth/oidc/callback': {
      success: 302,
      in: {
        on: "the provider's answer to a sign-in begun here, as a person with an account (public)",
        allow: EVERYONE,
        // A failure also answers 302, to the sign-in page: only a new session and the way back count.
        holds: (response) =>
          response.headers.get('location') === '/' && cookieSet(response, 'klynge_session') !== undefined,
        request: ({ who }) => providerCallback(m, who === 'anonymous' ? undefined : m.cookies[who]),
      },
    },
    'post /api/auth/password-reset': {
      success: 202,
      in: {
        on: 'any address, known or not (public)',
        allow: EVERYONE,
        request: () => ({ body: { email: m.newEmail() } }),
      },
    },
    'post /api/auth/password-reset/complete': {
      success: 200,
      in: {
        on: "a reset link's code, a fresh one (public: the link is the authority)",
        allow: EVERYONE,
        request: async () => ({
          body: { token: await resetLink(m), password: 'a brand new passphrase for matrix' },
        }),
      },
    },

    // ── Signing up: anyone, the link is the authority ───────────────────────────────────────────
    'post /api/auth/sign-up': {
      success: 202,
      in: {
        on: 'any address, known or not (public)',
        allow: EVERYONE,
        request: () => ({ body: { name: 'Ny Søker', email: m.newEmail() } }),
      },
    },
    'get /api/auth/sign-up-links/{token}': {
      success: 200,
      in: {
        on: "a sign-up link's code (public: the link is the authority)",
        allow: EVERYONE,
        request: async () => ({ params: { token: await signUpLink(m) } }),
      },
    },
    'post /api/auth/sign-up/complete': {
      success: 200,
      in: {
        on: "a sign-up link's code, a fresh one (public: the link is the authority)",
        allow: EVERYONE,
        request: async () => ({ body: { token: await signUpLink(m), password: TEST_PASSWORD } }),
      },
    },

    // ── One's own account: roles, sessions, API tokens, organisations ───────────────────────────
    'get /api/auth/roles': {
      success: 200,
      in: { on: "the caller's own roles", allow: SIGNED_IN, request: () => ({}) },
    },
    'get /api/auth/affiliations': {
      success: 200,
      in: { on: "the caller's own organisations", allow: SIGNED_IN, request: () => ({}) },
    },
    'post /api/auth/affiliations': {
      success: 201,
      in: {
        on: "a new organisation on the caller's own list",
        allow: SIGNED_IN,
        request: () => ({ body: { orgnr: nextOrgnr() } }),
      },
    },
    'delete /api/auth/affiliations/{orgnr}': {
      success: 200,
      in: {
        on: "an organisation on the caller's own list",
        allow: SIGNED_IN,
        request: async ({ who }) => ({
          params: {
            orgnr:
              who === 'anonymous' ? nextOrgnr() : await affiliationOf(m, m.accounts[who].account.personId),
          },
        }),
      },
      out: {
        on: "an organisation on someone else's list",
        allow: [],
        hidden: SIGNED_IN,
        request: async () => ({ params: { orgnr: await affiliationOf(m, m.bystander.account.personId) } }),
      },
    },
    'get /api/persons/{id}/affiliations': {
      success: 200,
      in: {
        on: "another person's organisations: programme staff read anyone's",
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({ params: { id: m.bystander.account.personId } }),
      },
    },
    'get /api/auth/sessions': {
      success: 200,
      in: { on: "the caller's own sessions", allow: SIGNED_IN, request: () => ({}) },
    },
    'delete /api/auth/sessions': {
      success: 200,
      in: {
        on: "every session of the caller's own, a fresh account",
        allow: SIGNED_IN,
        request: async ({ who }) => ({ cookie: await m.freshSession(who) }),
      },
    },
    'delete /api/auth/sessions/{id}': {
      success: 200,
      in: {
        on: "another session of the caller's own",
        allow: SIGNED_IN,
        request: async ({ who }) => ({
          params: {
            id: who === 'anonymous' ? 'AAAAAAAAAAAAAAAA' : await anotherSessionOf(m, m.accounts[who].email),
          },
        }),
      },
      out: {
        on: "someone else's session",
        allow: [],
        hidden: SIGNED_IN,
        request: async () => ({ params: { id: await anotherSessionOf(m, m.bystander.email) } }),
      },
    },
    'get /api/auth/tokens': {
      success: 200,
      in: { on: "the caller's own API tokens", allow: SIGNED_IN, request: () => ({}) },
    },
    'post /api/auth/tokens': {
      success: 201,
      in: {
        on: "a token for the caller's own account, with no permissions",
        allow: SIGNED_IN,
        request: () => ({ body: { name: 'Integrasjon', permissions: [] } }),
      },
    },
    'delete /api/auth/tokens/{id}': {
      success: 200,
      in: {
        on: "one of the caller's own API tokens",
        allow: SIGNED_IN,
        request: async ({ who }) => ({
          params: {
            id: await apiTokenOf(
              m,
              who === 'anonymous' ? m.bystander.account.id : m.accounts[who].account.id,
            ),
          },
        }),
      },
      out: {
        on: "someone else's API token",
        allow: [],
        hidden: SIGNED_IN,
        request: async () => ({ params: { id: await apiTokenOf(m, m.bystander.account.id) } }),
      },
    },

    // ── Invitations: operators invite anyone; managers cluster staff and partner contacts ───────
    'post /api/invitations': {
      success: 201,
      in: {
        on: 'cluster staff for cluster A',
        allow: ['operator_admin', 'cluster_manager'],
        request: () => ({
          body: {
            email: m.newEmail(),
            name: 'Ny Ansatt',
            grants: [{ role: 'cluster_staff', cluster: m.clusterA.slug }],
          },
        }),
      },
      out: {
        on: 'cluster staff for cluster B',
        allow: ['operator_admin'],
        request: () => ({
          body: {
            email: m.newEmail(),
            name: 'Ny Ansatt',
            grants: [{ role: 'cluster_staff', cluster: m.clusterB.slug }],
          },
        }),
      },
      also: [
        {
          on: 'a partner contact for organisation A, a partner in cluster A',
          allow: ['operator_admin', 'cluster_manager'],
          request: () => ({
            body: {
              email: m.newEmail(),
              name: 'Ny Kontakt',
              grants: [{ role: 'partner_contact', organisation: m.organisationA.orgnr }],
            },
          }),
        },
        {
          on: 'a partner contact for organisation B, a partner in cluster B only',
          allow: ['operator_admin'],
          request: () => ({
            body: {
              email: m.newEmail(),
              name: 'Ny Kontakt',
              grants: [{ role: 'partner_contact', organisation: m.organisationB.orgnr }],
            },
          }),
        },
        {
          on: 'a cluster manager for cluster A',
          allow: ['operator_admin'],
          request: () => ({
            body: {
              email: m.newEmail(),
              name: 'Ny Leder',
              grants: [{ role: 'cluster_manager', cluster: m.clusterA.slug }],
            },
          }),
        },
        {
          on: 'an assessor (a programme role)',
          allow: ['operator_admin'],
          request: () => ({
            body: { email: m.newEmail(), name: 'Ny Vurderer', grants: [{ role: 'assessor' }] },
          }),
        },
      ],
    },
    'get /api/invitations': {
      success: 200,
      in: {
        on: "an invitation to cluster A (the operator's)",
        allow: ['operator_admin', 'cluster_manager'],
        holds: hasItem(() => invited.listed.a),
        request: () => ({ query: 'state=open&pageSize=100' }),
      },
      out: {
        on: 'an invitation to cluster B',
        allow: ['operator_admin'],
        withheld: ['cluster_manager'],
        holds: hasItem(() => invited.listed.b),
        request: () => ({ query: 'state=open&pageSize=100' }),
      },
    },
    'post /api/invitations/{id}/revoke': {
      success: 200,
      in: {
        on: "an invitation to cluster A that cluster A's manager made, a fresh one",
        allow: ['operator_admin', 'cluster_manager'],
        request: async () => ({
          params: { id: (await invitation(m, m.clusterA.id, m.accounts.cluster_manager.account.id)).id },
        }),
      },
      out: {
        on: 'an invitation to cluster B that the operator made, a fresh one',
        allow: ['operator_admin'],
        hidden: ['cluster_manager'],
        request: async () => ({
          params: { id: (await invitation(m, m.clusterB.id, m.accounts.operator_admin.account.id)).id },
        }),
      },
      also: [
        {
          on: "the operator's invitation of another manager to cluster A: the manager sees it, may not withdraw it",
          allow: ['operator_admin'],
          request: async () => ({
            params: {
              id: (
                await invitation(m, m.clusterA.id, m.accounts.operator_admin.account.id, 'cluster_manager')
              ).id,
            },
          }),
        },
      ],
    },
    'get /api/invitation-links/{token}': {
      success: 200,
      in: {
        on: "an invitation link's code (public: the link is the authority)",
        allow: EVERYONE,
        request: () => ({ params: { token: invited.token } }),
      },
    },
    'post /api/invitations/accept': {
      success: 200,
      in: {
        on: 'a fresh invitation to a new address (public: the link is the authority)',
        allow: EVERYONE,
        request: async () => ({
          body: {
            token: (await invitation(m, m.clusterA.id, m.accounts.operator_admin.account.id)).token,
            name: 'Ny Person',
            password: TEST_PASSWORD,
          },
        }),
      },
    },
  }),
});
