import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Vite's `.vite/manifest.json`: for each source module built, its script and the scripts it imports. */
export type Manifest = Record<
  string,
  { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
>;

/** Where Vite's root is (index.html): manifest keys are paths relative to it. */
export const SHELL_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A script and every script it imports statically, in the order a browser would need them. */
export function scriptsOf(manifest: Manifest, key: string): string[] {
  const files: string[] = [];
  const visit = (current: string) => {
    const chunk = manifest[current];
    if (!chunk || files.includes(chunk.file)) return;
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  return files;
}

/** The manifest key of the app's entry, the script every page loads. */
export function entryKey(manifest: Manifest): string | undefined {
  return Object.keys(manifest).find((key) => manifest[key]?.isEntry);
}

/** The manifest key of a page's module, from its `import.meta.url` on the server. */
export function moduleKey(source: string): string | undefined {
  return source.startsWith('file:') ? relative(SHELL_DIR, fileURLToPath(source)) : undefined;
}

/**
 * The scripts a page needs beyond the entry's, which the HTML template names already: the page's
 * own script and those it imports. Empty without a manifest (tests and development).
 */
export function pageScripts(manifest: Manifest | undefined, source: string): string[] {
  const key = moduleKey(source);
  const entry = manifest && entryKey(manifest);
  if (!manifest || !key || !entry) return [];
  const loaded = new Set(scriptsOf(manifest, entry));
  return scriptsOf(manifest, key).filter((file) => !loaded.has(file));
}
