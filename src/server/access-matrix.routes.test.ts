import { beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { apiTokens, invitations, passwordResets } from '../features/accounts/accounts.table';
import { hashSecret, newSecret } from '../features/accounts/secret-tokens';
import { sessionIdOf } from '../features/accounts/sessions';
import { recordAudit } from '../features/audit/record-audit';
import { createCluster } from '../features/clusters/clusters.seed';
import { createMembership } from '../features/memberships/memberships.seed';
import { createOrganisation, nextOrgnr } from '../features/organisations/organisations.seed';
import { createProgramme } from '../features/programme/programme.seed';
import { ANONYMOUS, ROLES, type Role } from '../shared/access';
import { setupTestApp, type TestResponse } from '../testing/harness';

/**
 * The permission matrix: every route, called as every role and anonymously, on a resource inside
 * the caller's scope and on one outside it. The table below is the documentation of who may do
 * what; a new route without a row fails the first test.
 *
 * The callers hold their roles where the fixture says: the cluster roles for cluster A, the
 * partner contact for organisation A (a partner in cluster A). Cluster B and organisation B (its
 * partner) are someone else's.
 */

const t = setupTestApp();

type Who = Role | 'anonymous';

/** Every caller, in the order the results are shown. */
const CALLERS = [
  'operator_admin',
  'programme_staff',
  'assessor',
  'cluster_manager',
  'cluster_staff',
  'partner_contact',
  'anonymous',
] as const satisfies readonly Who[];

const SIGNED_IN = CALLERS.filter((who): who is Role => who !== 'anonymous');
const EVERYONE: readonly Who[] = CALLERS;

type Caller = { who: Who };

type Request = {
  /** Values for the `{placeholders}` of the route's path. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A session of its own instead of the caller's shared one (undefined: none), for calls that end it. */
  cookie?: string | undefined;
};

type Case = {
  /** The resource the call is about, as a reader of the table would say it. */
  on: string;
  request: (caller: Caller) => Request | Promise<Request>;
  /** Callers that succeed. */
  allow: readonly Who[];
  /** Callers that succeed but whose answer leaves the resource out: a list scoped in SQL, a field for some. */
  withheld?: readonly Who[];
  /** Signed-in callers refused with 404, because the policy hides the resource from them. */
  hidden?: readonly Role[];
  /** Whether a successful answer holds the resource; needed when some callers are `withheld`. */
  holds?: (response: TestResponse) => boolean;
};

/** One route: how it answers when it succeeds, and its cases. */
type Row = {
  success: number;
  /** A resource inside the caller's scope (or, for a route with no notion of scope, any resource). */
  in: Case;
  /** A resource outside it; absent when the route has no notion of scope. */
  out?: Case;
  /** Further cases a rule of the route turns on. */
  also?: Case[];
};

type Cluster = Awaited<ReturnType<typeof createCluster>>;
type Organisation = Awaited<ReturnType<typeof createOrganisation>>;
type TestAccount = Awaited<ReturnType<typeof createTestAccount>>;

const f = {} as {
  clusterA: Cluster;
  clusterB: Cluster;
  organisationA: Organisation;
  organisationB: Organisation;
  accounts: Record<Role, TestAccount>;
  cookies: Record<Role, string>;
  /** Someone none of the callers is: their sessions and tokens are someone else's. */
  bystander: TestAccount;
  /** An open invitation whose link anyone may look at. */
  invitationToken: string;
  /** Open invitations the operator made, to cluster A and to cluster B, for the list to hold or not. */
  listedInvitations: { a: string; b: string };
};

const DAY_MS = 86_400_000;
let addresses = 0;

function newEmail(): string {
  addresses += 1;
  return `matrix-${process.pid}-${addresses}@example.test`;
}

function scopeOf(role: Role): { clusterId?: string; organisationId?: string } {
  if (role === 'cluster_manager' || role === 'cluster_staff') return { clusterId: f.clusterA.id };
  if (role === 'partner_contact') return { organisationId: f.organisationA.id };
  return {};
}

/** A new account of the caller's role and scope, signed in: for calls that end the session they use. */
async function freshSession(who: Who): Promise<string | undefined> {
  if (who === 'anonymous') return undefined;
  const { email } = await createTestAccount(t.db, who, scopeOf(who));
  return t.signIn(email, TEST_PASSWORD);
}

/** Signs in once more as the account, and returns the handle of that other session. */
async function anotherSessionOf(email: string): Promise<string> {
  const cookie = await t.signIn(email, TEST_PASSWORD);
  const token = cookie.slice(cookie.indexOf('=') + 1);
  return sessionIdOf(token).slice(0, 16);
}

/** An API token of the account, written directly: the route that makes one is under test itself. */
async function apiTokenOf(accountId: string): Promise<string> {
  const secret = `klynge_${newSecret()}`;
  const [row] = await t.db
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
 * An open invitation to cluster staff of the cluster, written directly because its link's code is
 * only ever in the e-mail.
 */
async function invitation(
  clusterId: string,
  invitedBy: TestAccount,
  role: 'cluster_staff' | 'cluster_manager' = 'cluster_staff',
): Promise<{ id: string; token: string }> {
  const token = newSecret();
  const now = t.clock.now();
  const [row] = await t.db
    .insert(invitations)
    .values({
      tokenHash: hashSecret(token),
      email: newEmail(),
      name: 'Invitert Person',
      grants: [{ role, clusterId, organisationId: null }],
      invitedByAccountId: invitedBy.account.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 7 * DAY_MS),
    })
    .returning();
  return { id: row!.id, token };
}

/** The code of a password-reset link for a new account of its own, so the reset ends nobody else's sessions. */
async function resetLink(): Promise<string> {
  const { account } = await createTestAccount(t.db, 'assessor');
  const token = newSecret();
  await t.db.insert(passwordResets).values({
    tokenHash: hashSecret(token),
    accountId: account.id,
    createdAt: t.clock.now(),
    expiresAt: new Date(t.clock.now().getTime() + 3_600_000),
  });
  return token;
}

/** The entity id of an audit event the fixture records in cluster A or B, to look for in the trail. */
const auditEventIn = (cluster: 'a' | 'b') => `matrix-change-in-${cluster}`;

const hasItem = (id: () => string) => (response: TestResponse) =>
  (response.body.items as { id: string }[]).some((item) => item.id === id());

/**
 * Who may do what. Each row names the route as the OpenAPI document does, its success status,
 * and for each case the callers that succeed (`allow`), those that succeed without seeing the
 * resource (`withheld`) and those from whom the policy hides it (`hidden`, 404). Every other
 * signed-in caller is refused with 403 and every other anonymous caller with 401.
 */
const MATRIX: Record<string, Row> = {
  // ── Signing in and out ────────────────────────────────────────────────────────────────────────
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
      request: () => ({ body: { email: f.bystander.email, password: TEST_PASSWORD } }),
    },
  },
  'post /api/auth/logout': {
    success: 200,
    in: {
      on: "the caller's own session, a fresh one (public)",
      allow: EVERYONE,
      request: async ({ who }) => ({ cookie: await freshSession(who) }),
    },
  },
  'get /api/auth/oidc/start': {
    // No provider is configured here: the browser goes back to the sign-in page.
    success: 302,
    in: { on: 'a single sign-on (public)', allow: EVERYONE, request: () => ({}) },
  },
  'get /api/auth/oidc/callback': {
    success: 302,
    in: { on: 'a single sign-on (public)', allow: EVERYONE, request: () => ({ query: 'state=x&code=y' }) },
  },
  'post /api/auth/password-reset': {
    success: 202,
    in: {
      on: 'any address, known or not (public)',
      allow: EVERYONE,
      request: () => ({ body: { email: newEmail() } }),
    },
  },
  'post /api/auth/password-reset/complete': {
    success: 200,
    in: {
      on: "a reset link's code, a fresh one (public: the link is the authority)",
      allow: EVERYONE,
      request: async () => ({
        body: { token: await resetLink(), password: 'a brand new passphrase for matrix' },
      }),
    },
  },

  // ── One's own account: roles, sessions, API tokens ────────────────────────────────────────────
  'get /api/auth/roles': {
    success: 200,
    in: { on: "the caller's own roles", allow: SIGNED_IN, request: () => ({}) },
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
      request: async ({ who }) => ({ cookie: await freshSession(who) }),
    },
  },
  'delete /api/auth/sessions/{id}': {
    success: 200,
    in: {
      on: "another session of the caller's own",
      allow: SIGNED_IN,
      request: async ({ who }) => ({
        params: {
          id: who === 'anonymous' ? 'AAAAAAAAAAAAAAAA' : await anotherSessionOf(f.accounts[who].email),
        },
      }),
    },
    out: {
      on: "someone else's session",
      allow: [],
      hidden: SIGNED_IN,
      request: async () => ({ params: { id: await anotherSessionOf(f.bystander.email) } }),
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
          id: await apiTokenOf(who === 'anonymous' ? f.bystander.account.id : f.accounts[who].account.id),
        },
      }),
    },
    out: {
      on: "someone else's API token",
      allow: [],
      hidden: SIGNED_IN,
      request: async () => ({ params: { id: await apiTokenOf(f.bystander.account.id) } }),
    },
  },

  // ── Invitations: operators invite anyone; managers cluster staff and partner contacts ─────────
  'post /api/invitations': {
    success: 201,
    in: {
      on: 'cluster staff for cluster A',
      allow: ['operator_admin', 'cluster_manager'],
      request: () => ({
        body: {
          email: newEmail(),
          name: 'Ny Ansatt',
          grants: [{ role: 'cluster_staff', cluster: f.clusterA.slug }],
        },
      }),
    },
    out: {
      on: 'cluster staff for cluster B',
      allow: ['operator_admin'],
      request: () => ({
        body: {
          email: newEmail(),
          name: 'Ny Ansatt',
          grants: [{ role: 'cluster_staff', cluster: f.clusterB.slug }],
        },
      }),
    },
    also: [
      {
        on: 'a partner contact for organisation A, a partner in cluster A',
        allow: ['operator_admin', 'cluster_manager'],
        request: () => ({
          body: {
            email: newEmail(),
            name: 'Ny Kontakt',
            grants: [{ role: 'partner_contact', organisation: f.organisationA.orgnr }],
          },
        }),
      },
      {
        on: 'a partner contact for organisation B, a partner in cluster B only',
        allow: ['operator_admin'],
        request: () => ({
          body: {
            email: newEmail(),
            name: 'Ny Kontakt',
            grants: [{ role: 'partner_contact', organisation: f.organisationB.orgnr }],
          },
        }),
      },
      {
        on: 'a cluster manager for cluster A',
        allow: ['operator_admin'],
        request: () => ({
          body: {
            email: newEmail(),
            name: 'Ny Leder',
            grants: [{ role: 'cluster_manager', cluster: f.clusterA.slug }],
          },
        }),
      },
      {
        on: 'an assessor (a programme role)',
        allow: ['operator_admin'],
        request: () => ({ body: { email: newEmail(), name: 'Ny Vurderer', grants: [{ role: 'assessor' }] } }),
      },
    ],
  },
  'get /api/invitations': {
    success: 200,
    in: {
      on: "an invitation to cluster A (the operator's)",
      allow: ['operator_admin', 'cluster_manager'],
      holds: hasItem(() => f.listedInvitations.a),
      request: () => ({ query: 'state=open&pageSize=100' }),
    },
    out: {
      on: 'an invitation to cluster B',
      allow: ['operator_admin'],
      withheld: ['cluster_manager'],
      holds: hasItem(() => f.listedInvitations.b),
      request: () => ({ query: 'state=open&pageSize=100' }),
    },
  },
  'post /api/invitations/{id}/revoke': {
    success: 200,
    in: {
      on: "an invitation to cluster A that cluster A's manager made, a fresh one",
      allow: ['operator_admin', 'cluster_manager'],
      request: async () => ({
        params: { id: (await invitation(f.clusterA.id, f.accounts.cluster_manager)).id },
      }),
    },
    out: {
      on: 'an invitation to cluster B that the operator made, a fresh one',
      allow: ['operator_admin'],
      hidden: ['cluster_manager'],
      request: async () => ({
        params: { id: (await invitation(f.clusterB.id, f.accounts.operator_admin)).id },
      }),
    },
    also: [
      {
        on: "the operator's invitation of another manager to cluster A: the manager sees it, may not withdraw it",
        allow: ['operator_admin'],
        request: async () => ({
          params: { id: (await invitation(f.clusterA.id, f.accounts.operator_admin, 'cluster_manager')).id },
        }),
      },
    ],
  },
  'get /api/invitations/by-token/{token}': {
    success: 200,
    in: {
      on: "an invitation link's code (public: the link is the authority)",
      allow: EVERYONE,
      request: () => ({ params: { token: f.invitationToken } }),
    },
  },
  'post /api/invitations/accept': {
    success: 200,
    in: {
      on: 'a fresh invitation to a new address (public: the link is the authority)',
      allow: EVERYONE,
      request: async () => ({
        body: {
          token: (await invitation(f.clusterA.id, f.accounts.operator_admin)).token,
          name: 'Ny Person',
          password: TEST_PASSWORD,
        },
      }),
    },
  },

  // ── The programme and the cluster registry: public reads ──────────────────────────────────────
  'get /api/programme': {
    success: 200,
    in: { on: 'the programme (public)', allow: EVERYONE, request: () => ({}) },
  },
  'get /api/clusters': {
    success: 200,
    in: { on: 'the registry (public)', allow: EVERYONE, request: () => ({}) },
  },
  'get /api/clusters/{slug}': {
    success: 200,
    in: {
      on: 'any cluster (public)',
      allow: EVERYONE,
      request: () => ({ params: { slug: f.clusterB.slug } }),
    },
  },
  'get /api/clusters/{slug}/members': {
    success: 200,
    in: {
      on: "any cluster's partners (public)",
      allow: EVERYONE,
      request: () => ({ params: { slug: f.clusterB.slug } }),
    },
  },

  // ── Editing a cluster: its managers their own, programme staff any ────────────────────────────
  // Writes below send values the resource already holds where they can: the gate and the policy
  // answer the same, and no case changes what the next one sees.
  'patch /api/clusters/{slug}': {
    success: 200,
    in: {
      on: 'cluster A',
      allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
      request: () => ({ params: { slug: f.clusterA.slug }, body: { foundedYear: 2015 } }),
    },
    out: {
      on: 'cluster B',
      allow: ['operator_admin', 'programme_staff'],
      request: () => ({ params: { slug: f.clusterB.slug }, body: { foundedYear: 2015 } }),
    },
    also: [
      {
        on: "cluster A's name, which only the programme changes",
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({ params: { slug: f.clusterA.slug }, body: { name: f.clusterA.name } }),
      },
    ],
  },
  'post /api/clusters/{slug}/members': {
    success: 201,
    in: {
      on: 'cluster A, with a new organisation',
      allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
      request: () => ({
        params: { slug: f.clusterA.slug },
        body: { orgnr: nextOrgnr(), name: 'Ny Partner AS' },
      }),
    },
    out: {
      on: 'cluster B, with a new organisation',
      allow: ['operator_admin', 'programme_staff'],
      request: () => ({
        params: { slug: f.clusterB.slug },
        body: { orgnr: nextOrgnr(), name: 'Ny Partner AS' },
      }),
    },
  },
  'patch /api/clusters/{slug}/members/{orgnr}': {
    success: 200,
    in: {
      on: "organisation A's partnership in cluster A",
      allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
      request: () => ({
        params: { slug: f.clusterA.slug, orgnr: f.organisationA.orgnr },
        body: { agreementSignedOn: '2020-01-01' },
      }),
    },
    out: {
      on: "organisation B's partnership in cluster B",
      allow: ['operator_admin', 'programme_staff'],
      request: () => ({
        params: { slug: f.clusterB.slug, orgnr: f.organisationB.orgnr },
        body: { agreementSignedOn: '2020-01-01' },
      }),
    },
  },

  // ── Organisations: public register reads; classifying; an organisation's own contact details ─
  'get /api/organisations': {
    success: 200,
    in: { on: 'the register copy (public)', allow: EVERYONE, request: () => ({}) },
  },
  'get /api/organisations/{orgnr}': {
    success: 200,
    in: {
      on: 'any organisation (public; its contact details for signed-in readers only)',
      allow: SIGNED_IN,
      withheld: ['anonymous'],
      holds: (response) => response.body.contact !== null,
      request: () => ({ params: { orgnr: f.organisationB.orgnr } }),
    },
  },
  'put /api/organisations/{orgnr}/actor-type': {
    success: 200,
    in: {
      on: 'organisation A, a partner in cluster A',
      allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
      request: () => ({ params: { orgnr: f.organisationA.orgnr }, body: { actorType: 'sme' } }),
    },
    out: {
      on: 'organisation B, a partner in cluster B only',
      allow: ['operator_admin', 'programme_staff'],
      request: () => ({ params: { orgnr: f.organisationB.orgnr }, body: { actorType: 'sme' } }),
    },
  },
  'patch /api/organisations/{orgnr}/contact': {
    success: 200,
    in: {
      on: 'organisation A',
      allow: ['operator_admin', 'programme_staff', 'partner_contact'],
      request: () => ({ params: { orgnr: f.organisationA.orgnr }, body: { phone: '+47 22 00 00 01' } }),
    },
    out: {
      on: 'organisation B',
      allow: ['operator_admin', 'programme_staff'],
      request: () => ({ params: { orgnr: f.organisationB.orgnr }, body: { phone: '+47 22 00 00 02' } }),
    },
  },

  // ── The audit trail: programme roles all of it, cluster managers their own cluster's ──────────
  'get /api/audit-events': {
    success: 200,
    in: {
      on: 'a change in cluster A',
      allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
      holds: (response) =>
        response.body.items.some((e: { entityId: string }) => e.entityId === auditEventIn('a')),
      request: () => ({ query: `entityId=${auditEventIn('a')}` }),
    },
    out: {
      on: 'a change in cluster B',
      allow: ['operator_admin', 'programme_staff'],
      withheld: ['cluster_manager'],
      holds: (response) =>
        response.body.items.some((e: { entityId: string }) => e.entityId === auditEventIn('b')),
      request: () => ({ query: `entityId=${auditEventIn('b')}` }),
    },
  },
  'get /api/audit-events.csv': {
    success: 200,
    in: {
      on: 'a change in cluster A',
      allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
      holds: (response) => String(response.body).includes(auditEventIn('a')),
      request: () => ({ query: `entityId=${auditEventIn('a')}` }),
    },
    out: {
      on: 'a change in cluster B',
      allow: ['operator_admin', 'programme_staff'],
      withheld: ['cluster_manager'],
      holds: (response) => String(response.body).includes(auditEventIn('b')),
      request: () => ({ query: `entityId=${auditEventIn('b')}` }),
    },
  },

  // ── Operators only: the outbox and people's personal data (programme-wide, no scope) ──────────
  'get /api/mail': {
    success: 200,
    in: { on: 'the whole outbox (programme-wide)', allow: ['operator_admin'], request: () => ({}) },
  },
  'get /api/persons': {
    success: 200,
    in: { on: 'everyone (programme-wide)', allow: ['operator_admin'], request: () => ({}) },
  },
  'get /api/persons/{id}': {
    success: 200,
    in: {
      on: 'any person (programme-wide)',
      allow: ['operator_admin'],
      request: () => ({ params: { id: f.bystander.account.personId } }),
    },
  },
  'get /api/persons/{id}/export': {
    success: 200,
    in: {
      on: "any person's data (programme-wide)",
      allow: ['operator_admin'],
      request: () => ({ params: { id: f.bystander.account.personId } }),
    },
  },
  'post /api/persons/{id}/erase': {
    success: 200,
    in: {
      on: 'a fresh person, confirmed by their e-mail address (programme-wide)',
      allow: ['operator_admin'],
      request: async () => {
        const { account, email } = await createTestAccount(t.db, 'assessor');
        return { params: { id: account.personId }, body: { confirmation: email } };
      },
    },
  },
};

beforeAll(async () => {
  const programme = await createProgramme(t.db);
  const clusterA = await createCluster(t.db, programme, {
    slug: 'matrix-a',
    name: 'Klynge A',
    foundedYear: 2015,
  });
  const clusterB = await createCluster(t.db, programme, {
    slug: 'matrix-b',
    name: 'Klynge B',
    foundedYear: 2015,
  });
  const organisationA = await createOrganisation(t.db, { name: 'Partner A AS' });
  const organisationB = await createOrganisation(t.db, { name: 'Partner B AS' });
  await createMembership(t.db, { clusterId: clusterA.id, organisationId: organisationA.id });
  await createMembership(t.db, { clusterId: clusterB.id, organisationId: organisationB.id });
  Object.assign(f, { clusterA, clusterB, organisationA, organisationB });

  const accounts = {} as Record<Role, TestAccount>;
  const cookies = {} as Record<Role, string>;
  for (const role of SIGNED_IN) {
    accounts[role] = await createTestAccount(t.db, role, scopeOf(role));
    cookies[role] = await t.signIn(accounts[role].email, TEST_PASSWORD);
  }
  Object.assign(f, { accounts, cookies, bystander: await createTestAccount(t.db, 'assessor') });

  for (const [entityId, cluster] of [
    [auditEventIn('a'), clusterA],
    [auditEventIn('b'), clusterB],
  ] as const) {
    await recordAudit(
      t.db,
      { actor: ANONYMOUS, clock: t.clock },
      { action: 'cluster.updated', entityType: 'cluster', entityId, clusterId: cluster.id },
    );
  }
  f.invitationToken = (await invitation(clusterA.id, accounts.operator_admin)).token;
  f.listedInvitations = {
    a: (await invitation(clusterA.id, accounts.operator_admin)).id,
    b: (await invitation(clusterB.id, accounts.operator_admin)).id,
  };
}, 60_000);

type Outcome = number | string;

function expectedOutcome(row: Row, c: Case, who: Who): Outcome {
  if (c.allow.includes(who)) return row.success;
  if (c.withheld?.includes(who)) return `${row.success} without it`;
  if (who === 'anonymous') return 401;
  if (c.hidden?.includes(who)) return 404;
  return 403;
}

function pathOf(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The request for ${template} gives no {${name}}.`);
    return encodeURIComponent(value);
  });
}

/** Calls the route as one caller and says what came of it, with the problem's detail when refused. */
async function call(
  route: string,
  row: Row,
  c: Case,
  who: Who,
): Promise<{ outcome: Outcome; detail?: string }> {
  const [method, template] = route.split(' ') as [string, string];
  const request = await c.request({ who });
  const shared = who === 'anonymous' ? undefined : f.cookies[who];
  const cookie = 'cookie' in request ? request.cookie : shared;
  const path = pathOf(template, request.params) + (request.query ? `?${request.query}` : '');
  const response = await t.send(method.toUpperCase(), path, request.body, cookie ? { cookie } : {});
  const detail = response.status >= 400 ? response.body?.detail : undefined;
  if (response.status === row.success && c.holds && !c.holds(response)) {
    return { outcome: `${response.status} without it` };
  }
  return { outcome: response.status, detail };
}

function casesOf(row: Row): { scope: string; c: Case }[] {
  return [
    { scope: row.out ? "inside the caller's scope" : 'no notion of scope', c: row.in },
    ...(row.out ? [{ scope: 'outside it', c: row.out }] : []),
    ...(row.also ?? []).map((c) => ({ scope: 'a further rule', c })),
  ];
}

describe('the access matrix', () => {
  it('has one row for every route of the OpenAPI document, and covers every role', async () => {
    const { body } = await t.get('/api/openapi.json');
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`),
    );
    const tabled = Object.keys(MATRIX);
    expect({
      'routes without a row in the matrix': documented.filter((r) => !tabled.includes(r)).sort(),
      'rows for routes that do not exist': tabled.filter((r) => !documented.includes(r)).sort(),
    }).toEqual({ 'routes without a row in the matrix': [], 'rows for routes that do not exist': [] });
    expect([...SIGNED_IN].sort()).toEqual([...ROLES].sort());
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    describe(route, () => {
      for (const { scope, c } of casesOf(row)) {
        it(`as every caller, on ${c.on} (${scope})`, async () => {
          const expected: Record<string, Outcome> = {};
          const actual: Record<string, Outcome> = {};
          const details: string[] = [];
          for (const who of CALLERS) {
            expected[who] = expectedOutcome(row, c, who);
            const { outcome, detail } = await call(route, row, c, who);
            actual[who] = outcome;
            if (outcome !== expected[who] && detail) details.push(`${who}: ${detail}`);
          }
          expect(actual, details.join('\n')).toEqual(expected);
        });
      }
    });
  }
});
