import type { PageEntry } from '../kit/page';

/**
 * Every page, as the browser's bundle finds them: each feature's `ui/pages.ts`, by its name, as a
 * file-based router finds its routes. A new feature's pages need no line here. The server gets the
 * same lists from `src/server/features.ts` (it does not run through the bundler); a test holds the
 * two equal.
 */
const lists = import.meta.glob<readonly PageEntry[]>('../../features/*/ui/pages.ts', {
  eager: true,
  import: 'pages',
});

export const PAGES: readonly PageEntry[] = Object.values(lists).flat();
