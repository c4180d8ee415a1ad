import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { apiTokens } from '../features/accounts/accounts.table';
import { hashSecret, newSecret } from '../features/accounts/secret-tokens';
import { createCluster } from '../features/clusters/clusters.seed';
import { createMembership } from '../features/memberships/memberships.seed';
import { createOrganisation } from '../features/organisations/organisations.seed';
import { createProgramme } from '../features/programme/programme.seed';
import { PERMISSIONS, type Permission, ROLES, type Role } from '../shared/access';
import {
  type AccessRows,
  CALLERS,
  type Case,
  type MatrixFixture,
  type Row,
  SIGNED_IN,
  type TestAccount,
  type Who,
} from '../testing/access-matrix';
import { setupTestApp } from '../testing/harness';
import { startTestProvider, type TestProvider } from '../testing/oidc-provider';

/**
 * The permission matrix: every route, called as every role and anonymously, on a resource inside
 * the caller's scope and on one outside it. Each feature's `<feature>.access.ts` holds its rows,
 * the documentation of who may do what there; this file merges them and fails when a route of
 * the OpenAPI document has no row. Every caller not allowed is refused with 403 when signed in
 * and 401 when anonymous, unless the case says the policy hides the resource (404).
 *
 * Each role also calls every route with API tokens of its own, one column per token scope: a token
 * with no scope (read-only), a token with each permission alone, and a token with every permission
 * but one. What a token may do follows from the route's gate in the OpenAPI document: a read that
 * needs no permission answers as the session does; a route gated by a permission answers as the
 * session does for a token holding that permission and 403 for any other; and a write that no
 * permission names (signing in, sessions, API tokens, invitations, one's own organisations,
 * registering a network) refuses every token with 403, whatever it holds.
 */

const declared = import.meta.glob<Record<string, AccessRows>>('../features/*/*.access.ts', { eager: true });
const features = Object.entries(declared).flatMap(([file, exports]) =>
  Object.values(exports).map((rows) => ({ file, rows })),
);

let provider: TestProvider;
beforeAll(async () => {
  provider = await startTestProvider({
    redirectUris: ['http://localhost/api/auth/oidc/callback'],
    people: {},
  });
});
afterAll(() => provider?.close());

const t = setupTestApp({ singleSignOn: () => provider.settings() });
const f = { t } as MatrixFixture;

const MATRIX: Record<string, Row> = {};
const owners: Record<string, string[]> = {};
for (const { file, rows } of features) {
  for (const [route, row] of Object.entries(rows.rows(f))) {
    MATRIX[route] = row;
    owners[route] = [...(owners[route] ?? []), file];
  }
}

let addresses = 0;

/** A token column: no scope, one permission alone, or every permission but one. */
type TokenColumn =
  | { scope: 'none' }
  | { scope: 'all' }
  | { scope: 'only' | 'all but'; permission: Permission };
type Column = { who: Who; token?: TokenColumn };

function columnName({ who, token }: Column): string {
  if (!token) return who;
  if (token.scope === 'none') return `${who} · token with no scope`;
  if (token.scope === 'all') return `${who} · token with every permission`;
  return `${who} · token with ${token.scope === 'only' ? '' : 'every permission but '}${token.permission}`;
}

function scopesOf(token: TokenColumn): Permission[] {
  if (token.scope === 'none') return [];
  if (token.scope === 'all') return [...PERMISSIONS];
  if (token.scope === 'only') return [token.permission];
  return PERMISSIONS.filter((p) => p !== token.permission);
}

/** Bearer secrets by column name, written directly so the token routes under test play no part. */
const bearers = new Map<string, string>();

async function tokenFor(accountId: string, scopes: Permission[]): Promise<string> {
  const secret = `klynge_${newSecret()}`;
  await t.db.insert(apiTokens).values({
    accountId,
    name: 'Matrix column',
    tokenHash: hashSecret(secret),
    prefix: secret.slice(0, 13),
    permissions: scopes,
  });
  return secret;
}

/** The gate of each documented route, as the OpenAPI document states it. */
const gates = new Map<string, string>();
const READS = new Set(['get', 'head']);

/** Cells called: (role or anonymous, with a session or a token of some scope) × route × case. */
let cells = 0;
afterAll(() => {
  console.info(`The access matrix called ${cells} cells.`);
});

function scopeOf(role: Role): { clusterId?: string; organisationId?: string } {
  if (role === 'cluster_manager' || role === 'cluster_staff') return { clusterId: f.clusterA.id };
  if (role === 'partner_contact') return { organisationId: f.organisationA.id };
  return {};
}

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
  Object.assign(f, { provider, clusterA, clusterB, organisationA, organisationB });
  Object.assign(f, {
    newEmail: () => `matrix-${process.pid}-${++addresses}@example.test`,
    async freshSession(who: Who) {
      if (who === 'anonymous') return undefined;
      const { email } = await createTestAccount(t.db, who, scopeOf(who));
      return t.signIn(email, TEST_PASSWORD);
    },
  } satisfies Partial<MatrixFixture>);

  const accounts = {} as Record<Role, TestAccount>;
  const cookies = {} as Record<Role, string>;
  for (const role of SIGNED_IN) {
    accounts[role] = await createTestAccount(t.db, role, scopeOf(role));
    cookies[role] = await t.signIn(accounts[role].email, TEST_PASSWORD);
  }
  Object.assign(f, { accounts, cookies, bystander: await createTestAccount(t.db, 'assessor') });
  for (const role of SIGNED_IN) {
    const columns: TokenColumn[] = [
      { scope: 'none' },
      { scope: 'all' },
      ...PERMISSIONS.flatMap((permission) => [
        { scope: 'only' as const, permission },
        { scope: 'all but' as const, permission },
      ]),
    ];
    for (const token of columns) {
      bearers.set(
        columnName({ who: role, token }),
        await tokenFor(accounts[role].account.id, scopesOf(token)),
      );
    }
  }
  const { body } = await t.get('/api/openapi.json');
  for (const [path, methods] of Object.entries(body.paths as Record<string, Record<string, any>>)) {
    for (const [method, operation] of Object.entries(methods))
      gates.set(`${method} ${path}`, operation['x-gate']);
  }
  for (const { rows } of features) await rows.setup?.(f);
}, 60_000);

type Outcome = number | string;

/** The permission a route's gate names, if any: what a token must hold to pass it. */
function permissionOf(route: string): Permission | undefined {
  const gate = gates.get(route);
  return (PERMISSIONS as readonly string[]).includes(gate ?? '') ? (gate as Permission) : undefined;
}

/** The permission a token must hold for the case: the one it turns on, or the gate's. */
function neededBy(route: string, c: Case): Permission | undefined {
  return c.permission ?? permissionOf(route);
}

/** The token columns each role calls a case with: no scope, and around the permission it needs. */
function tokenColumnsFor(route: string, c: Case): TokenColumn[] {
  const permission = neededBy(route, c);
  if (!permission) return [{ scope: 'none' }, { scope: 'all' }];
  return [{ scope: 'none' }, { scope: 'only', permission }, { scope: 'all but', permission }];
}

function expectedOutcome(route: string, row: Row, c: Case, { who, token }: Column): Outcome {
  if (token) {
    if (c.refusesTokens !== undefined) return c.refusesTokens;
    const read = READS.has(route.split(' ')[0]!);
    const needed = neededBy(route, c);
    const holds = needed ? scopesOf(token).includes(needed) : read;
    // A token without what a public read turns on reads as the public does.
    if (!holds)
      return read && gates.get(route) === 'public'
        ? expectedOutcome(route, row, c, { who: 'anonymous' })
        : 403;
  }
  if (c.allow.includes(who)) return row.success;
  if (c.withheld?.includes(who)) return `${row.success} without it`;
  if (c.hidden?.includes(who)) return 404;
  if (who === 'anonymous') return 401;
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
  column: Column,
): Promise<{ outcome: Outcome; detail?: string }> {
  const { who } = column;
  const [method, template] = route.split(' ') as [string, string];
  const request = await c.request({ who });
  const shared = who === 'anonymous' ? undefined : f.cookies[who];
  const cookie = 'cookie' in request ? request.cookie : shared;
  const path = pathOf(template, request.params) + (request.query ? `?${request.query}` : '');
  // A token column sends its token and no cookie: an integration has no browser session.
  const options = column.token
    ? { headers: { authorization: `Bearer ${bearers.get(columnName(column))}` } }
    : cookie
      ? { cookie }
      : {};
  const response = await t.send(method.toUpperCase(), path, request.body, options);
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
  it('has one row for every route of the OpenAPI document, declared by one feature, and covers every role', async () => {
    const { body } = await t.get('/api/openapi.json');
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`),
    );
    const tabled = Object.keys(MATRIX);
    expect({
      'routes without a row in the matrix': documented.filter((r) => !tabled.includes(r)).sort(),
      'rows for routes that do not exist': tabled.filter((r) => !documented.includes(r)).sort(),
      'rows declared twice': Object.entries(owners).filter(([, files]) => files.length > 1),
    }).toEqual({
      'routes without a row in the matrix': [],
      'rows for routes that do not exist': [],
      'rows declared twice': [],
    });
    expect([...SIGNED_IN].sort()).toEqual([...ROLES].sort());
  });

  for (const [route, row] of Object.entries(MATRIX)) {
    describe(route, () => {
      for (const { scope, c } of casesOf(row)) {
        it(`as every caller, on ${c.on} (${scope})`, async () => {
          const expected: Record<string, Outcome> = {};
          const actual: Record<string, Outcome> = {};
          const details: string[] = [];
          cells += CALLERS.length + SIGNED_IN.length * tokenColumnsFor(route, c).length;
          const columns: Column[] = [
            ...CALLERS.map((who) => ({ who })),
            ...SIGNED_IN.flatMap((who) => tokenColumnsFor(route, c).map((token) => ({ who, token }))),
          ];
          for (const column of columns) {
            const name = columnName(column);
            expected[name] = expectedOutcome(route, row, c, column);
            const { outcome, detail } = await call(route, row, c, column);
            actual[name] = outcome;
            if (outcome !== expected[name] && detail) details.push(`${name}: ${detail}`);
          }
          expect(actual, details.join('\n')).toEqual(expected);
        });
      }
    });
  }
});
