import type { PageEntry } from '../kit/page';
import type { SlotFill } from '../kit/slots';

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

/** Every feature's parts for other features' slots (`ui/slots.ts`), found the same way. */
const fills = import.meta.glob<readonly SlotFill[]>(
  ['../../features/*/ui/slots.ts', '../../features/*/ui/slots.tsx'],
  {
    eager: true,
    import: 'slots',
  },
);

export const SLOT_FILLS: readonly SlotFill[] = Object.values(fills).flat();
