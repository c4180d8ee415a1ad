import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../testing/harness';

const t = setupTestApp();
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

type Problem = {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
};

/**
 * Warnings of the recommended rules that stay, each for a reason. Anything else, error or warning,
 * fails: a route added later meets the same standard.
 */
const EXPECTED_WARNINGS: Record<string, string> = {
  // Single sign-on answers with redirects only: the browser goes on to the provider or back.
  'operation-2xx-response #/paths/~1api~1auth~1oidc~1start/get/responses': 'redirects only',
  'operation-2xx-response #/paths/~1api~1auth~1oidc~1callback/get/responses': 'redirects only',
  // Who is calling, and how one may sign in, have an answer for everyone.
  'operation-4xx-response #/paths/~1api~1auth~1me/get/responses': 'answers everyone',
  'operation-4xx-response #/paths/~1api~1auth~1methods/get/responses': 'answers everyone',
};

describe('the OpenAPI document', () => {
  it('passes the recommended rules of a standard OpenAPI linter (Redocly)', async () => {
    const { body } = await t.get('/api/openapi.json');
    const file = join(mkdtempSync(join(tmpdir(), 'klynge-openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(body));
    const run = spawnSync(
      process.execPath,
      [redocly, 'lint', file, '--extends', 'recommended', '--format', 'json'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { problems: Problem[] };
    const found = report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer ?? ''}`);
    expect(
      report.problems
        .filter(
          (p) => !(p.severity === 'warn' && `${p.ruleId} ${p.location[0]?.pointer}` in EXPECTED_WARNINGS),
        )
        .map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`),
    ).toEqual([]);
    expect(run.status).toBe(0);
    // The reasons above still apply: a warning that went away leaves its entry, which should go too.
    expect(Object.keys(EXPECTED_WARNINGS).filter((key) => !found.includes(key))).toEqual([]);
  }, 60_000);

  it('names every operation, once', async () => {
    const { body } = await t.get('/api/openapi.json');
    const ids = Object.values(body.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      (methods) => Object.values(methods).map((operation) => operation.operationId),
    );
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
