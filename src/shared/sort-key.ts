/**
 * A byte-order sort key that puts Norwegian names in Norwegian order (… x y z æ ø å) under the
 * "C" collation. PGlite has no Norwegian collation and a PostgreSQL server may not either, so lists
 * paginated in SQL sort by this key instead of by a database collation.
 */
const AFTER_Z: Record<string, string> = { æ: '{', ä: '{', ø: '|', ö: '|', å: '}' };
const NOT_ASCII = /[\u0080-\uffff]/;

export function norwegianSortKey(name: string): string {
  const lower = name.toLowerCase();
  // Plain ASCII has no letters to move and nothing to decompose; a register import of millions of
  // names mostly takes this path.
  if (!NOT_ASCII.test(lower)) return lower.replace(/\s+/g, ' ').trim();
  return lower
    .replace(/[æäøöå]/g, (c) => AFTER_Z[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export const norwegianCollator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });
