import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount, TEST_PASSWORD } from '../features/accounts/accounts.seed';
import { createCluster } from '../features/clusters/clusters.seed';
import { createMembership } from '../features/memberships/memberships.seed';
import { createOrganisation } from '../features/organisations/organisations.seed';
import { createProgramme } from '../features/programme/programme.seed';
import { ROLES, type Role } from '../shared/access';
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
  for (const { rows } of features) await rows.setup?.(f);
}, 60_000);

type Outcome = number | string;

function expectedOutcome(row: Row, c: Case, who: Who): Outcome {
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
