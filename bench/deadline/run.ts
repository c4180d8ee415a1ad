/**
 * The deadline benchmark: many applications submitted at once in the last minute before a call's
 * deadline, each with an attachment uploaded just before, against the real app over HTTP, on
 * PGlite and on PostgreSQL. Then a few more submissions just after the deadline, which must all be
 * refused. Checks afterwards, in the database, that every submission answered 200 is stored as
 * submitted before the deadline with its attachment, and that nothing else is.
 *
 *   npm run bench:deadline -- [--db pglite|postgres|both] [--applications 300] [--late 20]
 *                             [--megabytes 1] [--lead 50] [--spread 0]
 *
 * `--spread S` spreads the on-time submissions evenly over S seconds from the start (the last
 * minute before the deadline, as applicants really arrive) instead of sending them all at once;
 * `--lead` must then be longer than the spread.
 *
 * Writes bench/.results/deadline-<db>-<timestamp>.json and prints a markdown table. See bench/README.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAccount } from '../../src/features/accounts/accounts.service';
import { completeSections, createApplication } from '../../src/features/applications/applications.seed';
import { createCall } from '../../src/features/calls/calls.seed';
import { createCluster } from '../../src/features/clusters/clusters.seed';
import { createOrganisation } from '../../src/features/organisations/organisations.seed';
import { createProgramme } from '../../src/features/programme/programme.seed';
import { createApp } from '../../src/server/app';
import { systemClock } from '../../src/server/clock';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client';
import { migrateDatabase } from '../../src/server/db/migrate';
import { createDiskFileStore } from '../../src/server/files/disk-file-store';
import { csrfTokenFor } from '../../src/server/http/csrf';
import { createLogger } from '../../src/server/logger';
import { systemContext } from '../../src/server/service-context';
import { runStatement, startPostgresServer } from '../../src/testing/postgres-server';
import { samplePdf } from '../../src/testing/sample-files';
import { listen } from '../listen';

type DbName = 'pglite' | 'postgres';
const RESULTS_DIR = fileURLToPath(new URL('../.results', import.meta.url));
const PASSWORD = 'benk-for-fristen-2026';

function parseOptions() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      applications: { type: 'string', default: '300' },
      late: { type: 'string', default: '20' },
      megabytes: { type: 'string', default: '1' },
      lead: { type: 'string', default: '50' },
      spread: { type: 'string', default: '0' },
    },
  });
  const db = values.db as DbName | 'both';
  if (!['pglite', 'postgres', 'both'].includes(db)) throw new Error('--db is pglite, postgres or both');
  if (!(Number(values.spread) >= 0 && Number(values.spread) < Number(values.lead)))
    throw new Error('--spread is at least 0 and shorter than --lead');
  return {
    dbs: db === 'both' ? (['postgres', 'pglite'] as DbName[]) : [db],
    applications: Number(values.applications),
    late: Number(values.late),
    bytes: Math.round(Number(values.megabytes) * 1_000_000),
    leadSeconds: Number(values.lead),
    spreadSeconds: Number(values.spread),
  };
}

const log = (message: string) => console.error(`[deadline] ${message}`);

async function freshDatabase(db: DbName): Promise<{ handle: DatabaseHandle; dispose(): Promise<void> }> {
  if (db === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'klynge-bench-deadline-'));
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
  await runStatement(server.url('postgres'), 'create database klynge_bench');
  const handle = await openDatabase({ kind: 'postgres', url: server.url('klynge_bench'), poolSize: 10 });
  return {
    handle,
    async dispose() {
      await handle.close();
      await server.stop();
    },
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;
function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

type Applicant = { applicationId: string; cookie: string; csrf: string };
type Outcome = { upload: number; uploadMs: number; submit: number; submitMs: number; submitDetail?: string };

/**
 * One applicant: the attachment, then the submission. A late applicant only submits: an upload
 * after the deadline is refused before its file is read, and would only cost the bytes it sends.
 */
async function submitOne(
  base: string,
  applicant: Applicant,
  file?: Uint8Array<ArrayBuffer>,
): Promise<Outcome> {
  const headers = { cookie: applicant.cookie, 'x-csrf-token': applicant.csrf, origin: base };
  let started = performance.now();
  let upload = 0;
  if (file) {
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'application/pdf' }), 'budsjett.pdf');
    const uploaded = await fetch(`${base}/api/applications/${applicant.applicationId}/attachments`, {
      method: 'POST',
      headers,
      body: form,
    });
    await uploaded.arrayBuffer();
    upload = uploaded.status;
  }
  const uploadMs = performance.now() - started;
  started = performance.now();
  const submitted = await fetch(`${base}/api/applications/${applicant.applicationId}/submit`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ language: 'nb' }),
  });
  const body = (await submitted.json()) as { detail?: string };
  return {
    upload,
    uploadMs,
    submit: submitted.status,
    submitMs: performance.now() - started,
    submitDetail: submitted.ok ? undefined : body.detail,
  };
}

async function runOn(db: DbName, options: ReturnType<typeof parseOptions>) {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const database = await freshDatabase(db);
    cleanups.push(database.dispose);
    const { handle } = database;
    await migrateDatabase(handle);
    const filesDir = mkdtempSync(join(tmpdir(), 'klynge-bench-deadline-files-'));
    cleanups.push(async () => rmSync(filesDir, { recursive: true, force: true }));
    const app = createApp({
      database: handle,
      clock: systemClock,
      publicUrl: 'http://localhost',
      files: createDiskFileStore(filesDir),
      logger: createLogger('silent'),
    });
    const server = await listen(app.fetch);
    cleanups.push(server.close);

    // The programme, one host, a call whose deadline is set once everything is ready.
    const total = options.applications + options.late;
    log(`${db}: preparing ${total} clusters, managers and complete drafts`);
    const programme = await createProgramme(handle.db);
    const host = await createOrganisation(handle.db, { name: 'Vertskapet AS' });
    const call = await createCall(handle.db, {
      status: 'open',
      opensAt: new Date(Date.now() - 86_400_000),
      deadlineAt: new Date(Date.now() + 86_400_000),
      plannedDecisionAt: new Date(Date.now() + 90 * 86_400_000),
    });
    const year = new Date().getFullYear();
    const applicants: Applicant[] = [];
    for (let i = 0; i < total; i++) {
      const cluster = await createCluster(handle.db, programme, {
        name: `Fristklynge ${i + 1}`,
        hostOrgnr: host.orgnr,
      });
      const email = `leder-${i + 1}@bench.example`;
      await createAccount(systemContext(handle.db, systemClock), {
        name: `Leder ${i + 1}`,
        email,
        password: PASSWORD,
        grants: [{ role: 'cluster_manager', clusterId: cluster.id, organisationId: null }],
      });
      const application = await createApplication(handle.db, {
        callId: call.id,
        clusterId: cluster.id,
        contactEmail: email,
        sections: completeSections({
          level: 'arena',
          ownerOrgnr: host.orgnr,
          partners: [{ orgnr: host.orgnr }],
          firstYear: year,
        }),
      });
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      if (login.status !== 200)
        throw new Error(`Sign-in ${i + 1} failed: ${login.status} ${await login.text()}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      applicants.push({
        applicationId: application.id,
        cookie,
        csrf: csrfTokenFor(cookie.slice(cookie.indexOf('=') + 1)),
      });
    }

    // The deadline, to the second, a little ahead; the burst starts `lead` seconds before it.
    const deadline = new Date(Math.ceil((Date.now() + (options.leadSeconds + 5) * 1000) / 1000) * 1000);
    await handle.pool.query('update calls set deadline_at = $1 where id = $2', [
      deadline.toISOString(),
      call.id,
    ]);
    const file = new Uint8Array(
      Buffer.concat([samplePdf(), Buffer.alloc(options.bytes - samplePdf().length, 0x20)]),
    );
    const onTime = applicants.slice(0, options.applications);
    const late = applicants.slice(options.applications);
    await new Promise((done) =>
      setTimeout(done, deadline.getTime() - options.leadSeconds * 1000 - Date.now()),
    );

    log(
      `${db}: ${onTime.length} applicants upload ${options.bytes} bytes and submit ${options.spreadSeconds > 0 ? `over ${options.spreadSeconds} s` : 'at once'}, from ${options.leadSeconds} s before the deadline`,
    );
    const burstStart = performance.now();
    const gapMs = (options.spreadSeconds * 1000) / Math.max(1, onTime.length);
    const outcomes = await Promise.all(
      onTime.map(async (applicant, i) => {
        if (gapMs > 0) await new Promise((done) => setTimeout(done, i * gapMs));
        return submitOne(server.url, applicant, file);
      }),
    );
    const burstSeconds = (performance.now() - burstStart) / 1000;
    const finishedBeforeDeadline = Date.now() < deadline.getTime();

    // Just after the deadline: every one of these must be refused.
    await new Promise((done) => setTimeout(done, Math.max(0, deadline.getTime() + 1000 - Date.now())));
    const lateOutcomes = await Promise.all(late.map((applicant) => submitOne(server.url, applicant)));

    // What the database holds.
    const held = await handle.pool.query<{
      id: string;
      status: string;
      submitted_at: Date | null;
      attachments: number;
    }>(
      `select a.id, a.status, a.submitted_at,
              (select count(*)::int from application_attachments f where f.application_id = a.id) as attachments
         from applications a where a.call_id = $1`,
      [call.id],
    );
    const byId = new Map(held.rows.map((row) => [row.id, row]));
    const accepted = onTime.filter((_, i) => outcomes[i]!.submit === 200);
    const lost = accepted.filter((a) => byId.get(a.applicationId)?.status !== 'submitted').length;
    const submittedRows = held.rows.filter((row) => row.status === 'submitted');
    const afterDeadline = submittedRows.filter(
      (row) => row.submitted_at!.getTime() >= deadline.getTime(),
    ).length;
    const withoutFile = accepted.filter((a) => (byId.get(a.applicationId)?.attachments ?? 0) < 1).length;
    const lateAccepted = lateOutcomes.filter((o) => o.submit === 200).length;
    const result = {
      db,
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, loadavg: loadavg().map((l) => round(l)) },
      applications: onTime.length,
      bytes: options.bytes,
      leadSeconds: options.leadSeconds,
      spreadSeconds: options.spreadSeconds,
      burstSeconds: round(burstSeconds),
      finishedBeforeDeadline,
      uploads: {
        ok: outcomes.filter((o) => o.upload === 201).length,
        ...summary(outcomes.map((o) => o.uploadMs)),
      },
      submits: { ok: accepted.length, ...summary(outcomes.map((o) => o.submitMs)) },
      uploadAndSubmit: summary(outcomes.map((o) => o.uploadMs + o.submitMs)),
      refusedOnTime: outcomes
        .filter((o) => o.submit !== 200)
        .map((o) => `${o.submit} ${o.submitDetail ?? ''}`)
        .slice(0, 5),
      late: {
        sent: late.length,
        accepted: lateAccepted,
        statuses: [...new Set(lateOutcomes.map((o) => o.submit))],
      },
      checks: { lost, submittedInDatabase: submittedRows.length, afterDeadline, withoutFile },
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      join(RESULTS_DIR, `deadline-${db}-${result.at.replace(/[:.]/g, '-')}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    const ok =
      lost === 0 &&
      afterDeadline === 0 &&
      lateAccepted === 0 &&
      withoutFile === 0 &&
      submittedRows.length === accepted.length;
    return { ...result, ok };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

const options = parseOptions();
const results = [];
for (const db of options.dbs) results.push(await runOn(db, options));
console.log(
  '| database | submitted | upload p50 / p99 (ms) | submit p50 / p99 (ms) | both p50 / p99 (ms) | burst (s) | late refused | lost | after deadline |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.db} | ${r.submits.ok}/${r.applications} | ${r.uploads.p50} / ${r.uploads.p99} | ${r.submits.p50} / ${r.submits.p99} | ${r.uploadAndSubmit.p50} / ${r.uploadAndSubmit.p99} | ${r.burstSeconds} | ${r.late.sent - r.late.accepted}/${r.late.sent} | ${r.checks.lost} | ${r.checks.afterDeadline} |`,
  );
}
if (results.some((r) => !r.ok)) {
  console.error(JSON.stringify(results, null, 2));
  process.exit(1);
}
process.exit(0);
