/**
 * URL slugs for cluster names. Norwegian letters are spelled out the way Norwegians write them
 * without the letters (æ→ae, ø→o, å→a), other accents are dropped, and anything else becomes a dash.
 */
const SPELLED: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', ß: 'ss' };

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøåß]/g, (c) => SPELLED[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

export function isSlug(text: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(text) && text.length <= 80;
}
