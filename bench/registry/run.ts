/**
 * The registry benchmark: scale data in a fresh database, the real app and a bare Hono "hello"
 * app served from this process, and autocannon against both, on PGlite and on PostgreSQL.
 *
 *   npm run bench:registry -- [--db pglite|postgres|both] [--scale full|small]
 *                             [--duration 10] [--warmup 2] [--connections 10]
 *
 * Each database gets the app twice: with the read cache as configured (READ_CACHE_SECONDS, 30 by
 * default) and with it off, so both are measured against the same hello floor.
 *
 * Writes bench/.results/registry-<db>-<timestamp>.json and prints a markdown table. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { keepAllPartnerFigures } from '../../src/features/memberships/partner-tallies.worker';
import { createApp } from '../../src/server/app';
import { osloDate, systemClock } from '../../src/server/clock';
import { type DatabaseHandle, openDatabase, type SentQuery } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { createDiskFileStore } from '../../src/server/files/disk-file-store';
import { createReadCache, DEFAULT_READ_CACHE } from '../../src/server/http/read-cache';
import { createLogger } from '../../src/server/logger';
import { seededRandom } from '../../src/shared/random';
import { runStatement, startPostgresServer } from '../../src/testing/postgres-server';
import { listen } from '../listen';
import {
  FUZZY_WORDS,
  type GenerateSummary,
  generateRegistry,
  SCALES,
  type ScaleName,
  SEARCH_WORDS,
} from './generate';

type DbName = 'pglite' | 'postgres';

const RESULTS_DIR = fileURLToPath(new URL('../.results', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Which code was measured: the commit and the files changed on top of it. */
function codeVersion(): { commit: string; changedFiles: string[] } {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', REPO_ROOT, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const changed = git('status', '--porcelain')
      .split('\n')
      .filter((line) => line && !line.slice(3).startsWith('bench/'));
    return { commit: git('rev-parse', 'HEAD'), changedFiles: changed };
  } catch {
    return { commit: process.env.BENCH_COMMIT ?? 'unknown (not a git checkout)', changedFiles: [] };
  }
}

/**
 * The targets, judged on PostgreSQL: with the read cache on, profile and organisation at half the
 * hello floor; with it off, profile, organisation and the partner list at 40 % of the same run's
 * one-lookup row (and the partner list so on the cached app too); search p99 within 20 ms.
 */
const TARGETS = { readRatio: 0.5, uncachedToLookup: 0.4, searchP99Ms: 20 };

type Endpoint = {
  key: string;
  label: string;
  /** Which server: the bare Hono app, the Klynge app, or the Klynge app with its read cache off. */
  server: 'hello' | 'app' | 'uncached';
  paths: string[];
  /** Overrides --connections (the unloaded search latency runs one connection). */
  connections?: number;
};

type Measured = {
  key: string;
  label: string;
  paths: number;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  ratioToHello: number;
  /** Requests per second ÷ the same run's one-lookup row: what a read costs beside one query. */
  ratioToLookup: number;
  loadAverage: number[];
};

function log(line = ''): void {
  console.log(line);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      scale: { type: 'string', default: 'full' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      plans: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const dbs: DbName[] =
    values.db === 'both'
      ? ['pglite', 'postgres']
      : values.db === 'pglite' || values.db === 'postgres'
        ? [values.db]
        : [];
  if (dbs.length === 0) throw new Error(`--db must be pglite, postgres or both, not "${values.db}".`);
  if (!(values.scale in SCALES)) throw new Error(`--scale must be full or small, not "${values.scale}".`);
  const number = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}.`);
    return n;
  };
  return {
    dbs,
    /** Print every plan, not only its summary (the JSON has them all either way). */
    plans: values.plans ?? false,
    scale: values.scale as ScaleName,
    duration: number('duration', values.duration, 1),
    warmup: number('warmup', values.warmup, 0),
    connections: number('connections', values.connections, 1),
    readCacheSeconds: readCacheSeconds(),
  };
}

/** The read cache of the app rows not marked "read cache off", as the server reads it. */
function readCacheSeconds(): number {
  const seconds = Number(process.env.READ_CACHE_SECONDS || String(DEFAULT_READ_CACHE.ttlMs / 1000));
  if (!Number.isFinite(seconds) || seconds < 0) throw new Error('READ_CACHE_SECONDS must be a number ≥ 0.');
  return seconds;
}

type Options = ReturnType<typeof parseOptions>;

/** A fresh, empty database of the kind, and how to get rid of it. */
async function freshDatabase(db: DbName): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  if (db === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'klynge-bench-pglite-'));
    const handle = await openDatabase({ kind: 'embedded', dataDir });
    return {
      handle,
      async dispose() {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const server = await startPostgresServer();
  try {
    await runStatement(server.url('postgres'), 'create database klynge_bench');
    // The app's default pool size (DATABASE_POOL_SIZE).
    const handle = await openDatabase({ kind: 'postgres', url: server.url('klynge_bench'), poolSize: 10 });
    return {
      handle,
      async dispose() {
        await handle.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Real slugs, member orgnrs and member-list pages, picked the same way on every run. */
async function sampleTargets(handle: DatabaseHandle, today: string) {
  const slugs = await handle.pool.query<{ slug: string }>(
    'select slug from clusters order by md5(slug) limit 200',
  );
  const orgnrs = await handle.pool.query<{ orgnr: string }>(
    `select o.orgnr from organisations o
     where exists (select 1 from memberships m where m.organisation_id = o.id)
     order by md5(o.orgnr) limit 1000`,
  );
  const members = await handle.pool.query<{ slug: string; members: number }>(
    `select c.slug, count(*)::int as members from clusters c join memberships m on m.cluster_id = c.id
     where m.joined_on <= $1::date and (m.left_on is null or m.left_on > $1::date)
     group by c.slug order by md5(c.slug) limit 200`,
    [today],
  );
  const random = seededRandom(7);
  const memberPages = members.rows.map(
    (r) => `/api/clusters/${r.slug}/members?page=${random.int(1, Math.max(1, Math.ceil(r.members / 20)))}`,
  );
  return {
    slugs: slugs.rows.map((r) => r.slug),
    orgnrs: orgnrs.rows.map((r) => r.orgnr),
    memberPages,
  };
}

function endpoints(samples: Awaited<ReturnType<typeof sampleTargets>>): Endpoint[] {
  const search = (words: string[]) => words.map((w) => `/api/clusters?q=${encodeURIComponent(w)}`);
  return [
    { key: 'hello', label: 'hello (bare Hono)', server: 'hello', paths: ['/hello'] },
    {
      key: 'lookup',
      label: 'bare Hono + 1 indexed lookup (pg, no drizzle)',
      server: 'hello',
      paths: samples.orgnrs.map((o) => `/lookup/${o}`),
    },
    {
      key: 'profile',
      label: 'GET /api/clusters/{slug}',
      server: 'app',
      paths: samples.slugs.map((s) => `/api/clusters/${s}`),
    },
    {
      key: 'organisation',
      label: 'GET /api/organisations/{orgnr}',
      server: 'app',
      paths: samples.orgnrs.map((o) => `/api/organisations/${o}`),
    },
    {
      key: 'profile-uncached',
      label: 'GET /api/clusters/{slug}, read cache off',
      server: 'uncached',
      paths: samples.slugs.map((s) => `/api/clusters/${s}`),
    },
    {
      key: 'organisation-uncached',
      label: 'GET /api/organisations/{orgnr}, read cache off',
      server: 'uncached',
      paths: samples.orgnrs.map((o) => `/api/organisations/${o}`),
    },
    {
      key: 'search',
      label: 'GET /api/clusters?q= (words + typos)',
      server: 'app',
      paths: search([...SEARCH_WORDS, ...FUZZY_WORDS]),
    },
    {
      key: 'search-1',
      label: 'GET /api/clusters?q= (words + typos), 1 connection',
      server: 'app',
      paths: search([...SEARCH_WORDS, ...FUZZY_WORDS]),
      connections: 1,
    },
    {
      key: 'search-uncached',
      label: 'GET /api/clusters?q= (words + typos), read cache off',
      server: 'uncached',
      paths: search([...SEARCH_WORDS, ...FUZZY_WORDS]),
    },
    {
      key: 'search-1-uncached',
      label: 'GET /api/clusters?q= (words + typos), 1 connection, read cache off',
      server: 'uncached',
      paths: search([...SEARCH_WORDS, ...FUZZY_WORDS]),
      connections: 1,
    },
    {
      key: 'search-fuzzy',
      label: 'GET /api/clusters?q= (typos only)',
      server: 'app',
      paths: search(FUZZY_WORDS),
    },
    {
      key: 'filter',
      label: 'GET /api/clusters?level=arena&county=18',
      server: 'app',
      paths: ['/api/clusters?level=arena&county=18'],
    },
    {
      key: 'members',
      label: 'GET /api/clusters/{slug}/members?page=N',
      server: 'app',
      paths: samples.memberPages,
    },
    {
      key: 'members-uncached',
      label: 'GET /api/clusters/{slug}/members?page=N, read cache off',
      server: 'uncached',
      paths: samples.memberPages,
    },
    { key: 'hello-end', label: 'hello again, at the end', server: 'hello', paths: ['/hello'] },
  ];
}

/** One request to every path: all must answer 200. Returns how searches matched. */
async function preflight(base: Record<Endpoint['server'], string>, list: Endpoint[]) {
  const failures: string[] = [];
  const searches: { q: string; matched: string; total: number; ms: number }[] = [];
  for (const endpoint of list) {
    for (const path of endpoint.paths) {
      const started = performance.now();
      const response = await fetch(`${base[endpoint.server]}${path}`);
      const ms = performance.now() - started;
      const body = (await response.json()) as { matched?: string; total?: number };
      if (response.status !== 200) failures.push(`${response.status} ${path}`);
      else if (endpoint.key === 'search') {
        const q = decodeURIComponent(path.split('q=')[1] ?? '');
        searches.push({
          q,
          matched: body.matched ?? '?',
          total: body.total ?? 0,
          ms: Math.round(ms * 10) / 10,
        });
      }
    }
  }
  return { failures, searches };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function measure(
  url: string,
  endpoint: Endpoint,
  options: Options,
): Promise<Omit<Measured, 'ratioToHello' | 'ratioToLookup'>> {
  const requests = endpoint.paths.map((path) => ({ method: 'GET', path }));
  const connections = endpoint.connections ?? options.connections;
  if (options.warmup > 0) {
    await autocannon({ url, connections, duration: options.warmup, requests });
  }
  const loadAverage = loadavg().map((n) => round(n));
  // Latencies to the microsecond (autocannon's own histogram keeps whole milliseconds).
  let times = new Float64Array(1 << 16);
  let count = 0;
  const statuses: Record<string, number> = {};
  const instance = autocannon({ url, connections, duration: options.duration, requests });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (count === times.length) {
      const bigger = new Float64Array(times.length * 2);
      bigger.set(times);
      times = bigger;
    }
    times[count++] = responseTime;
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const sorted = times.subarray(0, count).sort();
  return {
    key: endpoint.key,
    label: endpoint.label,
    paths: endpoint.paths.length,
    connections,
    requests: count,
    reqPerSec: Math.round(result.requests.average),
    p50Ms: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    non2xx: result.non2xx,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    loadAverage,
  };
}

type Verdict = { name: string; value: string; target: string; met: boolean };

function verdicts(results: Measured[]): Verdict[] {
  const byKey = new Map(results.map((r) => [r.key, r]));
  const ratio = (key: string): Verdict => {
    const r = byKey.get(key)!;
    return {
      name: `${r.label}: req/s ÷ hello`,
      value: `${(r.ratioToHello * 100).toFixed(1)} %`,
      target: `≥ ${TARGETS.readRatio * 100} %`,
      met: r.ratioToHello >= TARGETS.readRatio,
    };
  };
  const p99 = (key: string): Verdict => {
    const r = byKey.get(key)!;
    return {
      name: `${r.label}: p99`,
      value: `${r.p99Ms} ms`,
      target: `≤ ${TARGETS.searchP99Ms} ms`,
      met: r.p99Ms <= TARGETS.searchP99Ms,
    };
  };
  const toLookup = (key: string): Verdict => {
    const r = byKey.get(key)!;
    return {
      name: `${r.label}: req/s ÷ 1 lookup`,
      value: `${(r.ratioToLookup * 100).toFixed(1)} %`,
      target: `≥ ${TARGETS.uncachedToLookup * 100} %`,
      met: r.ratioToLookup >= TARGETS.uncachedToLookup,
    };
  };
  return [
    ratio('profile'),
    ratio('organisation'),
    p99('search'),
    toLookup('profile-uncached'),
    toLookup('organisation-uncached'),
    toLookup('members-uncached'),
    toLookup('members'),
    p99('search-uncached'),
  ];
}

type Explained = { path: string; statements: number; plans: { sql: string; plan: string[] }[] };

/**
 * What each public read sends to the database, and PostgreSQL's account of it: one path of each
 * read is requested from the app with its read cache off, the statements it sends are caught
 * through the database layer's query hook, and each is run again under
 * `explain (analyze, buffers)` with the same parameters.
 */
async function explainReads(
  handle: DatabaseHandle,
  uncachedUrl: string,
  paths: string[],
): Promise<Explained[]> {
  const explained: Explained[] = [];
  for (const path of paths) {
    const sent: SentQuery[] = [];
    const stop = handle.onQuery((query) => sent.push(query));
    try {
      await (await fetch(`${uncachedUrl}${path}`)).arrayBuffer();
    } finally {
      stop();
    }
    const plans: Explained['plans'] = [];
    for (const query of sent) {
      const result = await handle.pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${query.sql}`,
        query.params,
      );
      plans.push({ sql: query.sql, plan: result.rows.map((row) => row['QUERY PLAN']) });
    }
    explained.push({ path, statements: sent.length, plans });
  }
  return explained;
}

/** One line per read: statements, and per statement its execution time and shared buffers. */
function planSummary(explained: Explained[]): string[] {
  return explained.map(({ path, statements, plans }) => {
    const parts = plans.map(({ plan }) => {
      const execution = plan
        .find((line) => line.startsWith('Execution Time'))
        ?.replace('Execution Time: ', '');
      const buffers = /shared hit=(\d+)/.exec(plan.find((line) => line.includes('Buffers')) ?? '')?.[1];
      return `${execution}, ${buffers ?? '?'} buffers`;
    });
    return `  ${path}: ${statements} statement(s): ${parts.join('; ')}`;
  });
}

/** The rows with the read cache off, beside the one-lookup row they are compared with. */
function uncachedMarkdown(results: Measured[]): string {
  const lookup = results.find((r) => r.key === 'lookup')!;
  const rows = [lookup, ...results.filter((r) => r.key.endsWith('-uncached') || r.key === 'members')];
  const lines = [
    '| read, as the database answers it | req/s | ÷ 1 lookup | p50 ms | p99 ms | load avg |',
    '|---|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${r.reqPerSec.toLocaleString('en')} | ${(r.ratioToLookup * 100).toFixed(1)} % | ` +
        `${r.p50Ms} | ${r.p99Ms} | ${r.loadAverage.join(' / ')} |`,
    );
  }
  return lines.join('\n');
}

function markdown(db: DbName, floor: number, cacheSeconds: number, results: Measured[]): string {
  const lines = [
    `| endpoint (${db}) | paths | req/s | ÷ hello | ÷ 1 lookup | p50 ms | p99 ms | non-2xx |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${r.paths} | ${r.reqPerSec.toLocaleString('en')} | ${(r.ratioToHello * 100).toFixed(1)} % | ` +
        `${(r.ratioToLookup * 100).toFixed(1)} % | ${r.p50Ms} | ${r.p99Ms} | ${r.non2xx + r.errors} |`,
    );
  }
  lines.push(
    '',
    `hello floor (mean of the two hello runs): ${floor.toLocaleString('en')} req/s`,
    `read cache: ${cacheSeconds} s on the app rows, off on the rows that say so`,
  );
  return lines.join('\n');
}

async function benchmark(db: DbName, options: Options, cleanups: (() => Promise<void>)[]) {
  const scale = SCALES[options.scale];
  log(`\n━━ ${db}: ${options.scale} scale (${JSON.stringify(scale)}) ━━`);
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[name] = round((performance.now() - started) / 1000, 1);
    return result;
  };

  const database = await timed('open', () => freshDatabase(db));
  cleanups.push(database.dispose);
  const { handle } = database;
  await timed('migrate', () => migrateDatabase(handle));
  log(`database opened in ${timings.open} s, migrated in ${timings.migrate} s`);

  const today = osloDate(systemClock.now());
  log(`generating (today = ${today}):`);
  const generated: GenerateSummary = await generateRegistry(handle, { scale, today, log });
  log(`generated in ${generated.totalSeconds} s: ${JSON.stringify({ ...generated, phases: undefined })}`);

  // What the app's partner-figure worker does when it starts (src/server/main.ts): every
  // cluster's partner figures counted and kept for today.
  const kept = await timed('partner figures', () => keepAllPartnerFigures(handle.db, systemClock));
  log(`partner figures kept for ${kept.toLocaleString('en')} clusters in ${timings['partner figures']} s`);

  const samples = await sampleTargets(handle, today);
  // The registry reads no files; the store is there because every app has one.
  const filesDir = mkdtempSync(join(tmpdir(), 'klynge-bench-files-'));
  cleanups.push(async () => rmSync(filesDir, { recursive: true, force: true }));
  const files = createDiskFileStore(filesDir);
  // The app as production runs it: the read cache on, for READ_CACHE_SECONDS (30 unless set).
  const app = createApp({
    database: handle,
    clock: systemClock,
    files,
    logger: createLogger('silent'),
    publicUrl: 'http://localhost',
    readCache: createReadCache(systemClock, {
      ...DEFAULT_READ_CACHE,
      ttlMs: options.readCacheSeconds * 1000,
    }),
  });
  const appServer = await listen(app.fetch);
  cleanups.push(appServer.close);
  // The same app with the read cache off: what the queries alone manage.
  const uncached = createApp({
    database: handle,
    clock: systemClock,
    files,
    logger: createLogger('silent'),
    publicUrl: 'http://localhost',
    readCache: createReadCache(systemClock, { ...DEFAULT_READ_CACHE, ttlMs: 0 }),
  });
  const uncachedServer = await listen(uncached.fetch);
  cleanups.push(uncachedServer.close);
  const hello = new Hono();
  hello.get('/hello', (c) => c.json({ hello: 'world' }));
  // The ceiling of any endpoint that reads the database once: one indexed lookup, no drizzle.
  hello.get('/lookup/:orgnr', async (c) => {
    const result = await handle.pool.query('select orgnr, name from organisations where orgnr = $1', [
      c.req.param('orgnr'),
    ]);
    return c.json(result.rows[0] ?? null, result.rows[0] ? 200 : 404);
  });
  const helloServer = await listen(hello.fetch);
  cleanups.push(helloServer.close);
  const base = { hello: helloServer.url, app: appServer.url, uncached: uncachedServer.url };

  const list = endpoints(samples);
  const checked = await preflight(base, list);
  log(`preflight: ${list.reduce((n, e) => n + e.paths.length, 0)} paths requested once each`);
  for (const s of checked.searches) log(`  q=${s.q}: ${s.matched}, ${s.total} clusters, ${s.ms} ms`);
  if (checked.failures.length > 0) {
    log(`\n!!!!! ${checked.failures.length} PATHS DID NOT ANSWER 200 !!!!!`);
    for (const f of checked.failures.slice(0, 20)) log(`  ${f}`);
  }

  const explained = await explainReads(handle, base.uncached, [
    `/api/clusters/${samples.slugs[0]}`,
    `/api/organisations/${samples.orgnrs[0]}`,
    samples.memberPages[0]!,
    `/api/clusters?q=${encodeURIComponent(SEARCH_WORDS[0]!)}`,
    `/api/clusters?q=${encodeURIComponent(FUZZY_WORDS[0]!)}`,
  ]);
  log('plans (explain analyze, buffers), read cache off:');
  for (const line of planSummary(explained)) log(line);
  if (options.plans) {
    for (const { path, plans } of explained) {
      for (const { plan } of plans) log(`\n${path}\n${plan.join('\n')}`);
    }
  }

  const measured: Omit<Measured, 'ratioToHello' | 'ratioToLookup'>[] = [];
  for (const endpoint of list) {
    log(`autocannon: ${endpoint.label} (${endpoint.paths.length} paths, ${options.duration} s) …`);
    const result = await measure(base[endpoint.server], endpoint, options);
    log(
      `  ${result.reqPerSec.toLocaleString('en')} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
    if (result.non2xx > 0 || result.errors > 0) {
      log(`\n!!!!! ${endpoint.label}: ${result.non2xx} NON-2XX RESPONSES AND ${result.errors} ERRORS !!!!!`);
      log(
        `!!!!! statuses: ${JSON.stringify(result.statuses)} — the numbers of this endpoint are not valid\n`,
      );
    }
    measured.push(result);
  }
  const helloRuns = measured.filter((r) => r.key.startsWith('hello')).map((r) => r.reqPerSec);
  const floor = Math.round(helloRuns.reduce((a, b) => a + b, 0) / helloRuns.length);
  const lookupRate = measured.find((r) => r.key === 'lookup')!.reqPerSec;
  const results: Measured[] = measured.map((r) => ({
    ...r,
    ratioToHello: round(r.reqPerSec / floor, 4),
    ratioToLookup: round(r.reqPerSec / lookupRate, 4),
  }));
  const judged = verdicts(results);

  log(`\n${markdown(db, floor, options.readCacheSeconds, results)}\n`);
  log(`Read cache off, against the one-lookup row of the same run:\n\n${uncachedMarkdown(results)}\n`);
  log(
    db === 'postgres' ? 'Targets (PostgreSQL):' : 'Targets (they apply to PostgreSQL; shown for comparison):',
  );
  for (const v of judged) log(`  ${v.met ? 'MET   ' : 'MISSED'} ${v.name} = ${v.value} (target ${v.target})`);

  const file = join(RESULTS_DIR, `registry-${db}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        db,
        scale: options.scale,
        sizes: scale,
        today,
        code: codeVersion(),
        options,
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGiB: round(totalmem() / 2 ** 30, 1),
          node: process.version,
          note: 'server, database and load generator share the machine; the servers and autocannon share this process',
        },
        timings,
        generated,
        preflight: checked,
        plans: explained,
        helloFloor: floor,
        results,
        targets: judged,
      },
      null,
      2,
    )}\n`,
  );
  log(`results: ${file}`);

  // Dispose in reverse order: HTTP servers, then the database.
  while (cleanups.length > 0) await cleanups.pop()!();
}

async function main(): Promise<void> {
  const options = parseOptions();
  const cleanups: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    while (cleanups.length > 0) await cleanups.pop()!().catch(() => {});
  };
  process.once('SIGINT', () => {
    log('\ninterrupted: stopping servers and databases');
    cleanUp().finally(() => process.exit(130));
  });
  try {
    for (const db of options.dbs) await benchmark(db, options, cleanups);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
