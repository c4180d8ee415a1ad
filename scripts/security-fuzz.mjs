// npm run security:fuzz: the fuzz test of src/server/fuzz.routes.test.ts at a larger size, from a
// new seed each run, on both databases at once.
//
//   npm run security:fuzz -- [--requests 20000] [--seed N] [--database both|embedded|postgres]
//
// --requests is per database (default 20,000); --seed replays an earlier run, which the test
// prints at its end and in any failure. `npm test` runs the same test at a smaller size from a
// fixed seed. Exit status is vitest's: 0 when no request got a server error.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    database: { type: 'string', default: 'both' },
  },
});
const projects = {
  both: ['routes-pglite', 'routes-postgres'],
  embedded: ['routes-pglite'],
  postgres: ['routes-postgres'],
}[values.database];
if (!projects || !/^\d+$/.test(values.requests) || (values.seed && !/^\d+$/.test(values.seed))) {
  console.error(
    'Usage: npm run security:fuzz -- [--requests N] [--seed N] [--database both|embedded|postgres]',
  );
  process.exit(2);
}
const seed = values.seed ?? String(randomInt(1, 2 ** 31));
console.log(`Fuzzing with ${values.requests} requests per database, seed ${seed}.`);
const run = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    'src/server/fuzz.routes.test.ts',
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, KLYNGE_FUZZ_REQUESTS: values.requests, KLYNGE_FUZZ_SEED: seed },
  },
);
console.log(
  `Seed ${seed}: replay with npm run security:fuzz -- --requests ${values.requests} --seed ${seed}`,
);
process.exit(run.status ?? 1);
