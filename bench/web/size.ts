/**
 * How much JavaScript each page makes the browser load: the app's entry script, the page's own
 * script, and every script those import statically, read from the Vite manifest of a build.
 *
 *   npx vite build && npm run bench:web [-- --dist dist/web]
 *
 * Builds nothing itself. Exits non-zero when any page loads more than 150 KB gzip in all.
 * KB here are 1,000 bytes, as Vite reports them; gzip at level 9. See bench/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { FEATURES } from '../../src/server/features';
import type { PageEntry } from '../../src/web/kit/page';
import { entryKey, type Manifest, moduleKey, scriptsOf } from '../../src/web/shell/server/page-scripts';

/** Every page of every feature, from the feature list: a new feature's pages are measured too. */
const ENTRIES = FEATURES.flatMap((feature): readonly PageEntry[] =>
  'pages' in feature ? feature.pages : [],
);

/**
 * The budget holds for every page. Public pages (registry, profiles, calls) are the ones it is for;
 * the others load the same entry and kit, and stay within it anyway.
 */
const BUDGET = 150_000;

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist/web' } } });
const dist = values.dist;
const manifestFile = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestFile)) {
  console.error(`No ${manifestFile}: build the app first (npx vite build).`);
  process.exit(1);
}
const manifest: Manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
const entry = entryKey(manifest);
if (!entry) {
  console.error(`${manifestFile} names no entry script.`);
  process.exit(1);
}

type Sized = { file: string; raw: number; gzip: number };
const sizes = new Map<string, Sized>();
function sized(file: string): Sized {
  const known = sizes.get(file);
  if (known) return known;
  const content = readFileSync(join(dist, file));
  const result = { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  sizes.set(file, result);
  return result;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const entryScripts = scriptsOf(manifest, entry);
let overBudget = false;
const summary: string[] = [];

for (const page of ENTRIES) {
  const { page: module } = await page.module();
  const key = moduleKey(module.source);
  const own = key && manifest[key] ? scriptsOf(manifest, key) : [];
  const files = [...new Set([...entryScripts, ...own])].map(sized);
  const raw = files.reduce((sum, file) => sum + file.raw, 0);
  const gzip = files.reduce((sum, file) => sum + file.gzip, 0);
  const over = gzip > BUDGET;
  overBudget ||= over;

  console.log(`\n${page.path}  (page "${page.id}")`);
  for (const file of files) {
    const role = entryScripts.includes(file.file) ? 'entry' : 'page';
    console.log(
      `  ${file.file.padEnd(52)} ${role.padEnd(5)} ${kb(file.raw).padStart(10)} ${kb(file.gzip).padStart(10)} gzip`,
    );
  }
  console.log(
    `  ${'total'.padEnd(58)} ${kb(raw).padStart(10)} ${kb(gzip).padStart(10)} gzip${over ? '  OVER BUDGET' : ''}`,
  );
  summary.push(`| \`${page.path}\` | ${page.id} | ${files.length} | ${kb(raw)} | ${kb(gzip)} |`);
}

console.log('\n| page | id | scripts | raw | gzip |\n|---|---|---:|---:|---:|');
console.log(summary.join('\n'));
if (overBudget) {
  console.error(`\nA page loads more than ${kb(BUDGET)} of JavaScript (gzip).`);
  process.exit(1);
}
