import type { createTestAccount } from '../features/accounts/accounts.seed';
import type { createCluster } from '../features/clusters/clusters.seed';
import type { createOrganisation } from '../features/organisations/organisations.seed';
import { type Permission, ROLES, type Role } from '../shared/access';
import type { TestContext, TestResponse } from './harness';
import type { TestProvider } from './oidc-provider';

/**
 * The permission matrix's vocabulary. Each feature declares its rows in `<feature>.access.ts`
 * with `defineAccessRows`; `src/server/access-matrix.routes.test.ts` merges them, builds the
 * fixture below, calls every route as every caller and fails when a documented route has no row.
 *
 * The callers hold their roles where the fixture says: the cluster roles for cluster A, the
 * partner contact for organisation A (a partner in cluster A). Cluster B and organisation B (its
 * partner) are someone else's.
 */

export type Who = Role | 'anonymous';

/** Every caller, in the order the results are shown. */
export const CALLERS = [...ROLES, 'anonymous'] as const satisfies readonly Who[];
export const SIGNED_IN: readonly Role[] = ROLES;
export const EVERYONE: readonly Who[] = CALLERS;

export type Caller = { who: Who };

export type MatrixRequest = {
  /** Values for the `{placeholders}` of the route's path. */
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** A session of its own instead of the caller's shared one (undefined: none), for calls that end it. */
  cookie?: string | undefined;
};

export type Case = {
  /** The resource the call is about, as a reader of the table would say it. */
  on: string;
  request: (caller: Caller) => MatrixRequest | Promise<MatrixRequest>;
  /** Callers that succeed. */
  allow: readonly Who[];
  /** Callers that succeed but whose answer leaves the resource out: a list scoped in SQL, a field for some. */
  withheld?: readonly Who[];
  /** Callers refused with 404, because the policy hides the resource from them (a draft from the public). */
  hidden?: readonly Who[];
  /** Whether a successful answer holds the resource; needed when some callers are `withheld`. */
  holds?: (response: TestResponse) => boolean;
  /**
   * The permission the case turns on when the gate names none: a public read that shows more to
   * those who hold it (drafts to programme staff). An API token without it sees what the public sees.
   */
  permission?: Permission;
  /**
   * Set where every API token is refused whatever it holds, because the route acts on the account
   * itself (its sessions, its tokens, signing in): the outcome a token gets (403, or for a route
   * that answers every failure with a redirect, the redirect without what success would bring).
   */
  refusesTokens?: number | string;
};

/** One route: how it answers when it succeeds, and its cases. */
export type Row = {
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
export type TestAccount = Awaited<ReturnType<typeof createTestAccount>>;

/** What every feature's rows may use; filled in before the first row is called. */
export type MatrixFixture = {
  t: TestContext;
  /** The single sign-on provider the app under test is configured with. */
  provider: TestProvider;
  clusterA: Cluster;
  clusterB: Cluster;
  organisationA: Organisation;
  organisationB: Organisation;
  accounts: Record<Role, TestAccount>;
  cookies: Record<Role, string>;
  /** Someone none of the callers is: their sessions and tokens are someone else's. */
  bystander: TestAccount;
  /** An e-mail address nobody has yet. */
  newEmail(): string;
  /** A new signed-in account of the caller's role and scope, for calls that end the session they use. */
  freshSession(who: Who): Promise<string | undefined>;
};

/**
 * A feature's rows: keyed as the OpenAPI document names the route (`get /api/clusters/{slug}`).
 * `setup` runs once after the common fixture is built, for what only this feature's rows need.
 */
export type AccessRows = {
  setup?: (m: MatrixFixture) => Promise<void>;
  rows: (m: MatrixFixture) => Record<string, Row>;
};

export function defineAccessRows(rows: AccessRows): AccessRows {
  return rows;
}

/** A successful list answer holds the item with this id. */
export const hasItem = (id: () => string) => (response: TestResponse) =>
  (response.body.items as { id: string }[]).some((item) => item.id === id());
