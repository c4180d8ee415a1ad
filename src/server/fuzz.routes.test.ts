import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAccount } from '../features/accounts/accounts.seed';
import { signInAccount } from '../features/accounts/accounts.service';
import { SESSION_COOKIE } from '../features/accounts/sessions';
import { createCall } from '../features/calls/calls.seed';
import { createCluster } from '../features/clusters/clusters.seed';
import { createMembership } from '../features/memberships/memberships.seed';
import { createOrganisation } from '../features/organisations/organisations.seed';
import { createProgramme } from '../features/programme/programme.seed';
import type { Role } from '../shared/access';
import { CALLERS, type Who } from '../testing/access-matrix';
import { setupTestApp, TEST_PUBLIC_URL, TEST_TODAY } from '../testing/harness';
import {
  describeRequest,
  documentedOperations,
  type HostileRequest,
  hostileRequests,
  inputCount,
  type KnownValues,
  type OpenApiDocument,
} from '../testing/hostile-requests';
import { type App, createApp } from './app';
import { fixedClock } from './clock';
import type { DatabaseHandle } from './db/client';
import type { FileStore } from './files/file-store';
import { CSRF_HEADER, csrfTokenFor } from './http/csrf';

/**
 * Hostile input never gets a server error. Every operation of the OpenAPI document is sent
 * requests built from its own declaration (see `src/testing/hostile-requests.ts`) as every role
 * and anonymously, on both databases; any 5xx, or a body that breaks off, fails the test with the
 * request, the server's own log of the error, and how to replay it.
 *
 * `npm test` sends KLYNGE_FUZZ_REQUESTS (default below) per database from a fixed seed, so every
 * run sends the same requests; `npm run security:fuzz` sends more from a new seed each time.
 * A failure names its seed: KLYNGE_FUZZ_SEED=… with the same count replays it.
 */

const REQUESTS = Number(process.env.KLYNGE_FUZZ_REQUESTS ?? 10_000);
const SEED = Number(process.env.KLYNGE_FUZZ_SEED ?? 20_261_203);

const t = setupTestApp();

/** Errors the app logged, by request id, so a failure can say what went wrong inside. */
const logged = new Map<string, string>();
const logger = pino(
  { level: 'error' },
  {
    write(line: string) {
      const entry = JSON.parse(line) as { requestId?: string; err?: { message?: string; stack?: string } };
      if (entry.requestId) logged.set(entry.requestId, entry.err?.stack ?? entry.err?.message ?? line);
    },
  },
);

// The document does not depend on the data, so an app with no database yet gives it, and each
// operation becomes a test of its own.
const document = (await (
  await createApp({
    database: {} as DatabaseHandle,
    clock: fixedClock(TEST_TODAY),
    files: {} as FileStore,
    logger,
    publicUrl: TEST_PUBLIC_URL,
  }).request('/api/openapi.json')
).json()) as OpenApiDocument;
const operations = documentedOperations(document);

let app: App;
const known: Record<string, string[]> = {};
const cookies = new Map<Role, string>();
const accounts = new Map<Role, string>();
const statuses = new Map<number, number>();
let sent = 0;

async function openSession(role: Role): Promise<void> {
  const { token } = await signInAccount(t, accounts.get(role)!, 'klynge fuzz');
  cookies.set(role, token);
}

beforeAll(async () => {
  app = createApp({
    database: t.database,
    clock: t.clock,
    files: t.files,
    logger,
    allowDemoAccounts: true,
    publicUrl: TEST_PUBLIC_URL,
  });
  const programme = await createProgramme(t.db);
  const clusterA = await createCluster(t.db, programme, { slug: 'fuzz-a', name: 'Fuzz A' });
  const clusterB = await createCluster(t.db, programme, { slug: 'fuzz-b', name: 'Fuzz B' });
  const organisationA = await createOrganisation(t.db, { name: 'Fuzz Partner A AS' });
  const organisationB = await createOrganisation(t.db, { name: 'Fuzz Partner B AS' });
  const outsider = await createOrganisation(t.db, { name: 'Fuzz Outsider AS' });
  await createMembership(t.db, { clusterId: clusterA.id, organisationId: organisationA.id });
  await createMembership(t.db, { clusterId: clusterB.id, organisationId: organisationB.id });
  const people: string[] = [];
  for (const role of CALLERS) {
    if (role === 'anonymous') continue;
    const scope =
      role === 'cluster_manager' || role === 'cluster_staff'
        ? { clusterId: clusterA.id }
        : role === 'partner_contact'
          ? { organisationId: organisationA.id }
          : {};
    const { account, email } = await createTestAccount(t.db, role, scope);
    accounts.set(role, account.id);
    people.push(account.personId);
    known.email = [...(known.email ?? []), email];
    await openSession(role);
  }
  // Calls in each state a route treats apart, so their routes get past "not found".
  const calls = [
    await createCall(t.db, { status: 'draft' }),
    await createCall(t.db, { status: 'open' }),
    await createCall(t.db, { status: 'closed', deadlineAt: new Date('2026-06-01T10:00:00Z') }),
  ];
  Object.assign(known, {
    slug: [clusterA.slug, clusterB.slug],
    cluster: [clusterA.slug, clusterB.slug],
    orgnr: [organisationA.orgnr, organisationB.orgnr, outsider.orgnr],
    id: [...people, ...calls.map((call) => call.id)],
    personId: people,
    callId: calls.map((call) => call.id),
    code: [...programme.levelIds.keys()],
    clusterId: [clusterA.id, clusterB.id],
    organisationId: [organisationA.id, organisationB.id],
  } satisfies KnownValues);
}, 60_000);

afterAll(() => {
  const answers = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`);
  const failed = [...statuses.entries()]
    .filter(([status]) => status >= 500)
    .reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `fuzz on ${t.database.kind}: ${sent} requests as ${CALLERS.length} callers from seed ${SEED}, ` +
      `${failed} server errors; answers ${answers.join(', ')}`,
  );
});

function headersFor(who: Who, request: HostileRequest): Record<string, string> {
  const headers: Record<string, string> = { origin: TEST_PUBLIC_URL, accept: 'application/json' };
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  if (who !== 'anonymous') {
    const token = cookies.get(who)!;
    headers.cookie = `${SESSION_COOKIE}=${token}`;
    headers[CSRF_HEADER] = csrfTokenFor(token);
  }
  return headers;
}

/** Sends one request as one caller and throws, with everything needed to look into it, on a 5xx. */
async function send(who: Who, request: HostileRequest): Promise<void> {
  sent += 1;
  const response = await app.request(request.path, {
    method: request.method,
    headers: headersFor(who, request),
    body: request.body,
  });
  // Read the whole body: a streamed download that breaks off counts as a server failure too.
  const text = await response.text().catch((error: unknown) => {
    throw new Error(`The body of ${describeRequest(request)} as ${who} broke off: ${String(error)}`);
  });
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  if (response.status >= 500) {
    const requestId = response.headers.get('x-request-id') ?? '';
    throw new Error(
      `${response.status} for ${describeRequest(request)} as ${who}\n` +
        `answer: ${text.slice(0, 500)}\nlogged: ${logged.get(requestId) ?? '(nothing)'}`,
    );
  }
  // A request that ends the caller's session (signing out, ending all sessions) must not turn
  // the rest of the run anonymous.
  if (
    who !== 'anonymous' &&
    (response.status === 401 || /klynge_session=;/.test(response.headers.get('set-cookie') ?? ''))
  ) {
    await openSession(who);
  }
}

describe('hostile requests to every documented operation', () => {
  const inputs = operations.map((operation) => inputCount(document, operation));
  const allInputs = inputs.reduce((sum, n) => sum + n, 0);
  operations.forEach((operation, index) => {
    const name = `${operation.method} ${operation.template}`;
    const perCall = Math.max(1, Math.ceil((REQUESTS * inputs[index]!) / allInputs / CALLERS.length));
    it(
      `${name} never answers with a server error, as any caller`,
      async () => {
        const requests = hostileRequests(document, operation, known);
        for (const [position, who] of CALLERS.entries()) {
          const seed = SEED + index * CALLERS.length + position;
          await fc.assert(
            fc.asyncProperty(requests, (request) => send(who, request)),
            {
              seed,
              numRuns: perCall,
              reporter: (details) => {
                if (!details.failed) return;
                const error = details.errorInstance;
                throw new Error(
                  `${name} as ${who}: ${error instanceof Error ? error.message : String(error)}\n` +
                    `Replay: KLYNGE_FUZZ_SEED=${SEED} KLYNGE_FUZZ_REQUESTS=${REQUESTS}, ` +
                    `or this case alone: fc.assert(…, { seed: ${seed}, path: '${details.counterexamplePath}' })`,
                );
              },
            },
          );
        }
        // Allow a slow machine 50 ms a request, and a minute more for shrinking a failure.
      },
      60_000 + perCall * CALLERS.length * 50,
    );
  });

  it('reaches every feature, and sends at least the number of requests asked for', () => {
    const names = new Set(operations.map((operation) => `${operation.method} ${operation.template}`));
    for (const name of [
      'PATCH /api/calls/{id}',
      'POST /api/calls/{id}/extend-deadline',
      'PUT /api/programme',
      'PATCH /api/programme/levels/{code}',
      'POST /api/auth/sign-up',
      'POST /api/clusters',
      'DELETE /api/auth/affiliations/{orgnr}',
      'GET /api/persons/{id}/affiliations',
    ]) {
      expect(names).toContain(name);
    }
    expect(sent).toBeGreaterThanOrEqual(REQUESTS);
  });
});
