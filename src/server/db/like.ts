/**
 * A LIKE/ILIKE pattern that matches the text anywhere, with the text taken literally: `%`, `_`
 * and the escape character itself typed by a user are data, not wildcards.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
