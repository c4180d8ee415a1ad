/**
 * The SQL-injection scan: sqlmap against every parameter of a throwaway Klynge.
 *
 *   npm run security:scan -- [--database both|embedded|postgres] [--only TEXT[,TEXT…]] [--list]
 *                            [--level 3] [--risk 3] [--page-level 1] [--page-risk 1]
 *                            [--target-minutes 10]
 *
 * Starts `klynge serve` on a fresh database with the demo data and reads its OpenAPI document.
 * Every operation that takes input becomes one sqlmap target, with sqlmap's `*` marker after every
 * path parameter, query parameter and leaf of the JSON body, so routes added later are scanned
 * without touching this file. The server-rendered pages are scanned for the parameters their
 * loaders pass on to the API, at sqlmap's default depth (a page costs a render, and the API behind
 * it is scanned in depth). Four more targets inject where the caller's identity is read: the
 * session cookie, the bearer token, the User-Agent kept with a new session and the request id
 * kept in the audit trail. Both databases are scanned at the same time, each by its own app.
 *
 * Each target gets a session of its own (the demo operator), so a target that ends sessions (log
 * out everywhere) or spoils a cookie cannot blind the ones after it. While a target sends requests
 * to the sign-in route, the scan empties the sign-in throttle table every 100 ms: otherwise the
 * throttle does its job after ten failures and answers 429 before the e-mail address reaches
 * the account lookup, and sqlmap would be testing the throttle.
 *
 * Output goes to .security-scan/<time>/<database>/ (git-ignored): per target the sqlmap command
 * and its output, the server's log, and results.json.
 * Exit status: 0 nothing injectable, 1 sqlmap reported an injectable parameter, 2 a target did
 * not finish (timeout, sqlmap error) or the scan could not start, 3 nothing injectable but the
 * app answered some request with a server error. See docs/security.md.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loginThrottles } from '../src/features/accounts/accounts.table';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../src/server/db/client';
import { freePort, runStatement, startPostgresServer } from '../src/testing/postgres-server';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'klynge.mjs');
const OPERATOR = { email: 'ola@demo.klynge.example', password: 'demo-operator-2026' };
/** A demo person the operator may look up; the erase target names them but never confirms it. */
const SUBJECT_EMAIL = 'per@demo.klynge.example';

type DatabaseKind = 'embedded' | 'postgres';
/** The parts of an OpenAPI schema that sample() reads. */
type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string | string[];
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  format?: string;
  pattern?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
};
type Parameter = { in: string; name: string; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
/** A signed-in session as the browser holds it. */
type Session = { cookie: string; csrf: string };
type Target = {
  name: string;
  /** The injection points, in the order of their `*` markers. */
  points: string[];
  /** Whether it sends requests to the sign-in route, whose throttle must be kept open. */
  signsIn?: boolean;
  /** A server-rendered page (scanned less deeply; its API calls are not counted as requests). */
  page?: boolean;
  /** sqlmap's arguments for this target, given a fresh session. */
  args(session: Session): Promise<string[]> | string[];
};
type Verdict = 'clean' | 'injectable' | 'incomplete';
type TargetResult = {
  name: string;
  points: string[];
  verdict: Verdict;
  /** The status of the request without any payload: a 4xx from validation means nothing reached SQL. */
  baseline: number;
  seconds: number;
  /** Requests the app answered during the target, and those answered with a server error. */
  requests: number;
  serverErrors: string[];
  /** Why a target is not clean, or what sqlmap suspected and then ruled out. */
  notes: string[];
  /** sqlmap's count of error answers, e.g. "422 (Unprocessable Entity) - 371 times". */
  errorAnswers: string[];
};

const { values: options } = parseArgs({
  options: {
    database: { type: 'string', default: 'both' },
    only: { type: 'string' },
    level: { type: 'string', default: '3' },
    risk: { type: 'string', default: '3' },
    'page-level': { type: 'string', default: '1' },
    'page-risk': { type: 'string', default: '1' },
    'target-minutes': { type: 'string', default: '10' },
    list: { type: 'boolean', default: false },
  },
});

const databases: DatabaseKind[] =
  options.database === 'both' ? ['embedded', 'postgres'] : [options.database as DatabaseKind];
if (!databases.every((d) => d === 'embedded' || d === 'postgres')) {
  console.error('--database must be embedded, postgres or both');
  process.exit(2);
}
const filters = options.only?.split(',').map((f) => f.trim().toLowerCase()) ?? [];
const targetMs = Number(options['target-minutes']) * 60_000;

const depth = (page: boolean | undefined) =>
  page
    ? [`--level=${options['page-level']}`, `--risk=${options['page-risk']}`]
    : [`--level=${options.level}`, `--risk=${options.risk}`];
const SQLMAP_BASE = [
  '--batch',
  // sqlmap otherwise reads target URLs from a standard input that is not a terminal.
  '--ignore-stdin',
  '--dbms=PostgreSQL',
  '--disable-coloring',
  // 401 (a spoilt credential) and 404 (an unknown id) are the app's right answers, not reasons
  // for sqlmap to stop.
  '--ignore-code=401,404',
  // The session is ours: cookies the app sets during the scan must not replace it.
  '--drop-set-cookie',
];

if (!options.list && spawnSync('sqlmap', ['--version'], { stdio: 'ignore' }).error) {
  console.error('sqlmap is not installed. On Debian or Ubuntu: apt-get install -y sqlmap');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// A throwaway Klynge

/**
 * What the server logged about the requests it answered since the last reset: API requests and
 * page requests apart, since a page's own calls to the API are logged too.
 */
type Traffic = { api: number; pages: number; serverErrors: string[] };
type RunningApp = {
  origin: string;
  database: DatabaseHandle;
  /** Returns the traffic since the previous call and starts counting again. */
  takeTraffic(): Traffic;
  stop(): Promise<void>;
};

/** Counts the server's request log lines as they arrive, keeping those with a 5xx status. */
function watchRequests(stream: NodeJS.ReadableStream) {
  let traffic: Traffic = { api: 0, pages: 0, serverErrors: [] };
  let partial = '';
  stream.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"msg":"request"')) continue;
      const entry = JSON.parse(line) as { status: number; method: string; path: string };
      if (entry.path.startsWith('/api/')) traffic.api += 1;
      else traffic.pages += 1;
      if (entry.status >= 500) traffic.serverErrors.push(`${entry.status} ${entry.method} ${entry.path}`);
    }
  });
  return () => {
    const taken = traffic;
    traffic = { api: 0, pages: 0, serverErrors: [] };
    return taken;
  };
}

function runCli(args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`klynge ${args.join(' ')} failed:\n${result.stderr}`);
}

async function waitUntilReady(origin: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`klynge serve stopped with status ${server.exitCode}`);
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error('klynge serve did not become ready within three minutes');
}

async function startKlynge(kind: DatabaseKind, outDir: string): Promise<RunningApp> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'klynge-scan-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'info',
    KLYNGE_DATA_DIR: dataDir,
  };
  // The scan's app neither sends mail nor talks to a sign-on provider, whatever the shell says.
  for (const name of Object.keys(env)) {
    if (/^(OIDC_|SMTP_URL$|PUBLIC_URL$|DATABASE_URL$)/.test(name)) delete env[name];
  }
  let postgres: Awaited<ReturnType<typeof startPostgresServer>> | undefined;
  let target: DatabaseTarget = { kind: 'embedded', dataDir, joinRunning: true };
  if (kind === 'postgres') {
    postgres = await startPostgresServer();
    await runStatement(postgres.url('postgres'), 'create database klynge');
    env.DATABASE_URL = postgres.url('klynge');
    target = { kind: 'postgres', url: env.DATABASE_URL, poolSize: 1 };
    // Only the embedded database is seeded on first start; a server database is seeded on request.
    runCli(['migrate'], env);
    runCli(['seed'], env);
  }
  const log = createWriteStream(join(outDir, 'klynge.log'));
  const server = spawn(process.execPath, [CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  const takeTraffic = watchRequests(server.stdout);
  const origin = `http://127.0.0.1:${port}`;
  const stopServer = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((done) => server.once('exit', done));
      server.kill('SIGTERM');
      await exited;
    }
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(origin, server);
    // The scan's own connection, for the sign-in throttle (through the server's socket when embedded).
    const database = await openDatabase(target);
    return {
      origin,
      database,
      takeTraffic,
      async stop() {
        await database.close();
        await stopServer();
      },
    };
  } catch (error) {
    await stopServer();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Sessions and the values that make a request get past "not found"

/**
 * Empties the sign-in throttle's table. On the embedded database this connection shares PGlite's
 * one session with the server's, and a transaction of the server's can spoil a statement sent
 * beside it; such a failure is retried.
 */
async function clearThrottle(app: RunningApp): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await app.database.db.delete(loginThrottles);
      return;
    } catch (error) {
      if (attempt === 5) throw error;
    }
  }
}

async function signIn(app: RunningApp): Promise<Session> {
  await clearThrottle(app);
  const login = await fetch(`${app.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OPERATOR),
  });
  const setCookie = login.headers.getSetCookie().join('; ');
  const cookie = /klynge_session=([^;]+)/.exec(setCookie)?.[1];
  const csrf = /klynge_csrf=([^;]+)/.exec(setCookie)?.[1];
  if (!login.ok || !cookie || !csrf) {
    throw new Error(`signing in as ${OPERATOR.email} failed: ${login.status} ${await login.text()}`);
  }
  return { cookie: `klynge_session=${cookie}`, csrf };
}

/** Writes from a cookie session carry the session's CSRF token and this site's Origin, as the app's pages do. */
function sessionHeaders(origin: string, session: Session): Record<string, string> {
  return { cookie: session.cookie, origin, 'x-csrf-token': session.csrf };
}

function sessionArgs(origin: string, session: Session): string[] {
  return [
    `--cookie=${session.cookie}`,
    `--header=Origin: ${origin}`,
    `--header=X-CSRF-Token: ${session.csrf}`,
  ];
}

async function getJson<T>(origin: string, path: string, session?: Session): Promise<T> {
  const response = await fetch(`${origin}${path}`, session ? { headers: { cookie: session.cookie } } : {});
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** A cluster, an organisation that is not its partner, one that is, and a person. */
type Known = { cluster: string; orgnr: string; partnerOrgnr: string; personId: string };

async function knownValues(origin: string, session: Session): Promise<Known> {
  type Page = { items: Record<string, string>[] };
  const [cluster] = (await getJson<Page>(origin, '/api/clusters?pageSize=1')).items;
  // The last organisation by name is unlikely to be a partner of the first cluster, so adding it works once.
  const organisations = await getJson<Page & { total: number }>(origin, '/api/organisations?pageSize=1');
  const last = `/api/organisations?pageSize=1&page=${organisations.total}`;
  const [organisation] = (await getJson<Page>(origin, last)).items;
  const members = `/api/clusters/${cluster?.slug}/members?pageSize=1`;
  const [member] = (await getJson<{ items: { organisation: { orgnr: string } }[] }>(origin, members)).items;
  const persons = await getJson<Page>(origin, `/api/persons?q=${encodeURIComponent(SUBJECT_EMAIL)}`, session);
  const [person] = persons.items;
  if (!cluster || !organisation || !member || !person) {
    throw new Error('the demo data lacks a cluster with a partner, an organisation or a person');
  }
  return {
    cluster: cluster.slug!,
    orgnr: organisation.orgnr!,
    partnerOrgnr: member.organisation.orgnr,
    personId: person.id!,
  };
}

/** A value that names something real, by the operation and the parameter or field name. */
function knownValue(apiPath: string, name: string, known: Known): unknown {
  if (apiPath.startsWith('/api/persons/') && name === 'id') return known.personId;
  if (apiPath === '/api/clusters/{slug}/members/{orgnr}' && name === 'orgnr') return known.partnerOrgnr;
  if (apiPath.startsWith('/api/audit-events') && name === 'from') return '2024-01-01';
  if (apiPath.startsWith('/api/audit-events') && name === 'to') return '2026-12-31';
  const byName: Record<string, unknown> = {
    slug: known.cluster,
    cluster: known.cluster,
    orgnr: known.orgnr,
    organisation: known.orgnr,
    hostOrgnr: known.orgnr,
    sectors: ['C'],
    phone: '+47 22 00 00 00',
    joinedOn: '2024-01-01',
    agreementSignedOn: '2024-01-01',
    leftOn: '2026-12-31',
  };
  return byName[name];
}

/** Bodies whose schema alone does not make a request that reaches the queries behind it. */
function baselineBody(method: string, path: string, body: unknown, known: Known): unknown {
  const fields = body as Record<string, unknown>;
  if (method === 'post' && path === '/api/auth/login') return { ...fields, ...OPERATOR };
  if (method === 'post' && path === '/api/auth/password-reset') return { ...fields, email: SUBJECT_EMAIL };
  if (method === 'post' && path === '/api/invitations') {
    return {
      ...fields,
      grants: [
        { role: 'cluster_manager', cluster: known.cluster },
        { role: 'partner_contact', organisation: known.orgnr },
      ],
    };
  }
  // The person is looked up, and the request stops at the confirmation, which never matches.
  if (method === 'post' && path === '/api/persons/{id}/erase') return { confirmation: 'not this person' };
  return body;
}

// ---------------------------------------------------------------------------------------------
// Targets from the OpenAPI document

function resolve(schema: Schema | undefined, components: Record<string, Schema>): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(components[schema.$ref.slice('#/components/schemas/'.length)], components);
  if (schema.allOf)
    return resolve(
      schema.allOf.find((s) => s.$ref || s.type || s.enum),
      components,
    );
  return schema;
}

/** Gives the value that names something real for a parameter or field, if there is one. */
type Lookup = (name: string) => unknown;

/** A plausible value for a schema: a known one, its example, first enum value, default, or one made to fit. */
function sample(
  name: string,
  raw: Schema | undefined,
  components: Record<string, Schema>,
  known: Lookup,
): unknown {
  const real = known(name);
  if (real !== undefined) return real;
  const schema = resolve(raw, components);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [sample(name, schema.items, components, known)];
  if (type === 'object') {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, value]) => [
        key,
        sample(key, value, components, known),
      ]),
    );
  }
  if (schema.format === 'email') return `scan-${randomUUID().slice(0, 8)}@example.org`;
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'uri') return 'https://example.org/';
  const fixedLength = /^\^\[[^\]]+\]\{(\d+)\}\$$/.exec(schema.pattern ?? '');
  if (fixedLength) return 'A'.repeat(Number(fixedLength[1]));
  return 'sqlmap';
}

/** JSON with sqlmap's `*` after every leaf value, and the leaves' paths in the same order. */
function markJson(value: unknown, path: string, points: string[]): string {
  if (Array.isArray(value)) return `[${value.map((v, i) => markJson(v, `${path}[${i}]`, points)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(
      ([key, v]) => `${JSON.stringify(key)}:${markJson(v, path ? `${path}.${key}` : key, points)}`,
    );
    return `{${fields.join(',')}}`;
  }
  points.push(`body ${path}`);
  return typeof value === 'string' ? JSON.stringify(`${value}*`) : `${JSON.stringify(value)}*`;
}

/** A URL with a marker after every path and query parameter of an operation. */
function markedUrl(
  origin: string,
  urlPath: string,
  apiPath: string,
  parameters: Parameter[],
  components: Record<string, Schema>,
  known: Known,
  points: string[],
): string {
  const lookup: Lookup = (name) => knownValue(apiPath, name, known);
  const path = urlPath.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    const value = sample(name, parameter?.schema, components, lookup);
    points.push(`path ${name}`);
    return `${encodeURIComponent(String(value))}*`;
  });
  const query = parameters
    .filter((p) => p.in === 'query')
    .map((p) => {
      points.push(`query ${p.name}`);
      const value = String(sample(p.name, p.schema, components, lookup));
      return `${encodeURIComponent(p.name)}=${encodeURIComponent(value)}*`;
    });
  return `${origin}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

function operationTargets(doc: OpenApiDocument, origin: string, known: Known): Target[] {
  const components = doc.components.schemas;
  const targets: Target[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const bodySchema = operation.requestBody?.content['application/json']?.schema;
      if (parameters.length === 0 && !bodySchema) continue;
      const points: string[] = [];
      const url = markedUrl(origin, path, path, parameters, components, known, points);
      const args = [`--url=${url}`, `--method=${method.toUpperCase()}`];
      if (bodySchema) {
        const body = baselineBody(
          method,
          path,
          sample('', bodySchema, components, (name) => knownValue(path, name, known)),
          known,
        );
        args.push(`--data=${markJson(body, '', points)}`, '--header=Content-Type: application/json');
      }
      targets.push({
        name: `${method.toUpperCase()} ${path}`,
        points,
        signsIn: path === '/api/auth/login',
        args: (session) => [...args, ...sessionArgs(origin, session)],
      });
    }
  }
  return targets;
}

/**
 * The server-rendered pages whose URL reaches the API, the API operation each one reads, and the
 * query parameters its loader passes on (see the loaders in src/features/<f>/ui/).
 */
const PAGES: { page: string; operation: string; query: string[] }[] = [
  {
    page: '/',
    operation: '/api/clusters',
    query: ['q', 'level', 'county', 'sector', 'status', 'sort', 'page'],
  },
  { page: '/clusters/{slug}', operation: '/api/clusters/{slug}/members', query: ['page'] },
  { page: '/clusters/{slug}/edit', operation: '/api/clusters/{slug}', query: [] },
  { page: '/organisations', operation: '/api/organisations', query: ['q', 'county', 'actorType', 'page'] },
  { page: '/organisations/{orgnr}', operation: '/api/organisations/{orgnr}', query: [] },
  { page: '/invitations', operation: '/api/invitations', query: ['state', 'page'] },
  { page: '/invitations/{token}', operation: '/api/invitations/by-token/{token}', query: [] },
  { page: '/outbox', operation: '/api/mail', query: ['status', 'page'] },
  {
    page: '/audit',
    operation: '/api/audit-events',
    query: ['action', 'entityType', 'entityId', 'actor', 'actorAccountId', 'cluster', 'from', 'to', 'page'],
  },
  { page: '/people', operation: '/api/persons', query: ['q', 'page'] },
  { page: '/people/{id}', operation: '/api/persons/{id}', query: [] },
];

function pageTargets(doc: OpenApiDocument, origin: string, known: Known): Target[] {
  const components = doc.components.schemas;
  const targets = PAGES.map(({ page, operation, query }): Target => {
    const all = doc.paths[operation]?.get?.parameters ?? [];
    const parameters = all.filter((p) => p.in === 'path' || query.includes(p.name));
    const missing = query.filter((name) => !parameters.some((p) => p.name === name));
    if (missing.length > 0) {
      throw new Error(
        `the page ${page} passes ${missing.join(', ')} to GET ${operation}, which takes no such parameter`,
      );
    }
    const points: string[] = [];
    const url = markedUrl(origin, page, operation, parameters, components, known, points);
    return {
      name: `page ${page}`,
      points,
      page: true,
      args: (session) => [`--url=${url}`, ...sessionArgs(origin, session)],
    };
  });
  // Pages whose parameters are only shown, never passed to the API.
  targets.push(
    {
      name: 'page /login',
      points: ['query next', 'query sso_error', 'query lang'],
      page: true,
      args: () => [`--url=${origin}/login?next=%2Faudit*&sso_error=denied*&lang=en*`],
    },
    {
      name: 'page /account',
      points: ['query sso_error', 'query sso_linked'],
      page: true,
      args: (session) => [
        `--url=${origin}/account?sso_error=denied*&sso_linked=true*`,
        ...sessionArgs(origin, session),
      ],
    },
  );
  return targets;
}

/**
 * Inputs that reach SQL without being declared parameters: who the caller is, and how. sqlmap
 * tests only the marked header (without the filter it would also test the body and, at level 5,
 * its own choice of headers, which the operation targets already cover or which reach no SQL).
 */
function identityTargets(origin: string): Target[] {
  const onlyMarkedHeader = '--param-filter=(custom) HEADER';
  return [
    {
      name: 'session cookie on GET /api/auth/me',
      points: ['cookie klynge_session'],
      args: (session) => [`--url=${origin}/api/auth/me`, `--cookie=${session.cookie}*`, onlyMarkedHeader],
    },
    {
      name: 'bearer token on GET /api/auth/me',
      points: ['header Authorization'],
      async args(session) {
        const made = await fetch(`${origin}/api/auth/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...sessionHeaders(origin, session) },
          body: JSON.stringify({ name: 'security scan', permissions: ['audit.read'] }),
        });
        if (!made.ok) throw new Error(`making an API token failed: ${made.status} ${await made.text()}`);
        const { token } = (await made.json()) as { token: string };
        return [`--url=${origin}/api/auth/me`, `--header=Authorization: Bearer ${token}*`, onlyMarkedHeader];
      },
    },
    {
      name: 'User-Agent on POST /api/auth/login (kept with the session)',
      points: ['header User-Agent'],
      signsIn: true,
      args: () => [
        `--url=${origin}/api/auth/login`,
        `--data=${JSON.stringify(OPERATOR)}`,
        '--header=Content-Type: application/json',
        '--header=User-Agent: klynge-security-scan*',
        onlyMarkedHeader,
      ],
    },
    {
      name: 'X-Request-Id on POST /api/auth/tokens (kept in the audit trail)',
      points: ['header X-Request-Id'],
      args: (session) => [
        `--url=${origin}/api/auth/tokens`,
        `--data=${JSON.stringify({ name: 'request id scan', permissions: [] })}`,
        '--header=Content-Type: application/json',
        '--header=X-Request-Id: klynge-security-scan*',
        ...sessionArgs(origin, session),
        onlyMarkedHeader,
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Running sqlmap

function judge(output: string): Pick<TargetResult, 'verdict' | 'notes' | 'errorAnswers'> {
  const errorAnswers = [
    ...(/HTTP error codes detected during run:\r?\n((?:.+ - \d+ times\r?\n?)+)/.exec(output)?.[1] ?? '')
      .trim()
      .split(/\r?\n/)
      .filter(Boolean),
  ];
  const notes = [
    ...new Set(
      [
        ...output.matchAll(
          /\[(?:WARNING|CRITICAL)\] (.*(?:false positive|DBMS error|might be injectable).*)/g,
        ),
      ].map((m) => m[1]!),
    ),
  ];
  // Only a confirmed injection counts: sqlmap also says "appears to be … injectable" on the way to
  // ruling a point a false positive.
  if (/identified the following injection point|is vulnerable/i.test(output)) {
    return { verdict: 'injectable', notes: ['sqlmap identified an injection point', ...notes], errorAnswers };
  }
  if (/all tested parameters do not appear to be injectable/i.test(output)) {
    return { verdict: 'clean', notes, errorAnswers };
  }
  const critical = /\[CRITICAL\] (.*)/.exec(output)?.[1] ?? /\[ERROR\] (.*)/.exec(output)?.[1];
  return {
    verdict: 'incomplete',
    notes: [critical ?? 'sqlmap ended without a verdict', ...notes],
    errorAnswers,
  };
}

/**
 * Keeps the sign-in throttle's table empty while a target sends requests to the sign-in route.
 * A wrong password costs an argon2 verification (about 90 ms), so at most two failures fall
 * between two clearings, far below the ten that close an account's window.
 */
function holdThrottleOpen(app: RunningApp): () => Promise<void> {
  let running = true;
  const loop = (async () => {
    while (running) {
      await clearThrottle(app);
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

/** Sends a target's request once as sqlmap's arguments describe it, with the markers taken out. */
async function sendBaseline(args: string[]): Promise<number> {
  const value = (option: string) => args.find((a) => a.startsWith(`--${option}=`))?.slice(option.length + 3);
  const unmarked = (text: string) => text.replaceAll('*', '');
  const headers = new Headers();
  for (const header of args.filter((a) => a.startsWith('--header='))) {
    const [name, ...rest] = header.slice('--header='.length).split(':');
    headers.set(name!, unmarked(rest.join(':').trim()));
  }
  const cookie = value('cookie');
  if (cookie) headers.set('cookie', unmarked(cookie));
  const data = value('data');
  const response = await fetch(unmarked(value('url')!), {
    method: value('method') ?? (data ? 'POST' : 'GET'),
    headers,
    ...(data ? { body: unmarked(data) } : {}),
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return response.status;
}

async function runTarget(target: Target, app: RunningApp, outDir: string): Promise<TargetResult> {
  const dir = join(outDir, target.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''));
  mkdirSync(dir, { recursive: true });
  const session = await signIn(app);
  app.takeTraffic();
  const targetArgs = await target.args(session);
  const baseline = await sendBaseline(targetArgs);
  const args = [...SQLMAP_BASE, ...depth(target.page), `--output-dir=${dir}`, ...targetArgs];
  writeFileSync(join(dir, 'command.txt'), `sqlmap ${args.map((a) => JSON.stringify(a)).join(' ')}\n`);
  const release = target.signsIn ? holdThrottleOpen(app) : async () => {};
  const started = Date.now();
  const sqlmap = spawn('sqlmap', args, {
    env: { ...process.env, TERM: 'dumb' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  sqlmap.stdout.on('data', (chunk) => {
    output += chunk;
  });
  sqlmap.stderr.on('data', (chunk) => {
    output += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    sqlmap.kill('SIGTERM');
  }, targetMs);
  const status = await new Promise<number | null>((done) => sqlmap.once('close', done));
  clearTimeout(timer);
  await release();
  writeFileSync(join(dir, 'sqlmap.txt'), output);
  const seconds = Math.round((Date.now() - started) / 1000);
  // The last log lines may still be on their way through the pipe.
  await new Promise((done) => setTimeout(done, 200));
  const { api, pages, serverErrors } = app.takeTraffic();
  const requests = target.page ? pages : api;
  const judged = judge(output);
  const result = {
    name: target.name,
    points: target.points,
    baseline,
    seconds,
    requests,
    serverErrors,
    ...judged,
  };
  if (judged.verdict === 'injectable') return result;
  if (timedOut)
    return { ...result, verdict: 'incomplete', notes: [`stopped after ${options['target-minutes']} min`] };
  if (status !== 0 && judged.verdict === 'clean') {
    return { ...result, verdict: 'incomplete', notes: [`sqlmap exited with status ${status}`] };
  }
  return result;
}

function selected(target: Target): boolean {
  const name = target.name.toLowerCase();
  return filters.length === 0 || filters.some((f) => name.includes(f));
}

function describe(result: TargetResult, index: number, total: number): string {
  const head = `[${index}/${total}] ${result.verdict.padEnd(10)} ${String(result.seconds).padStart(4)} s ${String(result.requests).padStart(6)} req  ${result.name}`;
  const lines = [head, `      points: ${result.points.join(', ')}; without payload: ${result.baseline}`];
  if (result.errorAnswers.length > 0) lines.push(`      answers: ${result.errorAnswers.join('; ')}`);
  for (const error of [...new Set(result.serverErrors)].slice(0, 5))
    lines.push(`      server error: ${error}`);
  for (const note of result.notes) lines.push(`      note: ${note}`);
  return lines.join('\n');
}

type ScanSummary = { kind: DatabaseKind; results: TargetResult[] };

async function scan(kind: DatabaseKind, runDir: string): Promise<ScanSummary> {
  const outDir = join(runDir, kind);
  mkdirSync(outDir, { recursive: true });
  // The databases are scanned at the same time; each line says which one it is about.
  const say = (text: string) => console.log(text.replace(/^/gm, `[${kind}] `));
  say('starting a throwaway Klynge');
  const app = await startKlynge(kind, outDir);
  try {
    const doc = await getJson<OpenApiDocument>(app.origin, '/api/openapi.json');
    const known = await knownValues(app.origin, await signIn(app));
    const targets = [
      ...operationTargets(doc, app.origin, known),
      ...pageTargets(doc, app.origin, known),
      ...identityTargets(app.origin),
    ].filter(selected);
    if (targets.length === 0) throw new Error(`no target's name contains ${filters.join(' or ')}`);
    const points = targets.reduce((n, t) => n + t.points.length, 0);
    say(`${targets.length} targets, ${points} injection points`);
    say(`sqlmap ${SQLMAP_BASE.join(' ')}, API ${depth(false).join(' ')}, pages ${depth(true).join(' ')}`);
    const results: TargetResult[] = [];
    for (const [i, target] of targets.entries()) {
      if (options.list) {
        say(`${target.name}\n      points: ${target.points.join(', ')}`);
        continue;
      }
      const result = await runTarget(target, app, outDir);
      results.push(result);
      say(describe(result, i + 1, targets.length));
    }
    writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    return { kind, results };
  } finally {
    await app.stop();
  }
}

const started = Date.now();
const runDir = join(ROOT, '.security-scan', new Date().toISOString().replace(/[:.]/g, '-'));
const settled = await Promise.allSettled(databases.map((kind) => scan(kind, runDir)));
const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason] : []));
for (const failure of failures) console.error(failure instanceof Error ? failure.message : failure);
if (failures.length > 0) process.exit(2);
if (options.list) process.exit(0);
const summaries = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));

const results = summaries.flatMap((s) => s.results.map((r) => ({ ...r, name: `${s.kind}: ${r.name}` })));
const count = (verdict: Verdict) => results.filter((r) => r.verdict === verdict).length;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log('');
for (const { kind, results: own } of summaries) {
  const requests = own.reduce((n, r) => n + r.requests, 0);
  const errors = own.reduce((n, r) => n + r.serverErrors.length, 0);
  const by = (verdict: Verdict) => own.filter((r) => r.verdict === verdict).length;
  console.log(
    `${kind}: ${own.length} targets, ${requests} requests: ${by('clean')} clean, ${by('injectable')} injectable, ` +
      `${by('incomplete')} incomplete; ${errors} answered with a server error`,
  );
}
console.log(`${results.length} targets in ${minutes} min. Output in ${runDir}`);
if (count('injectable') > 0) {
  console.log('VERDICT: sqlmap found an injectable parameter:');
  for (const r of results.filter((r) => r.verdict === 'injectable')) console.log(`  ${r.name}`);
  process.exit(1);
}
if (count('incomplete') > 0) {
  console.log('VERDICT: no injection found, but these targets did not finish:');
  for (const r of results.filter((r) => r.verdict === 'incomplete'))
    console.log(`  ${r.name}: ${r.notes[0]}`);
  process.exit(2);
}
const erring = results.filter((r) => r.serverErrors.length > 0);
if (erring.length > 0) {
  // Not an injection, but a payload that makes the app fail is a bug to look at in klynge.log.
  console.log('VERDICT: no injection found, but the app answered with server errors during these targets:');
  for (const r of erring) console.log(`  ${r.name}: ${[...new Set(r.serverErrors)].join(', ')}`);
  process.exit(3);
}
console.log('VERDICT: no injectable parameter found.');
