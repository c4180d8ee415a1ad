const BASE = 'http://return-path.invalid';

function isRefusedCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return character === '\\' || code < 0x20 || code === 0x7f;
}

/**
 * Where to send someone after they sign in: a path on this site, or `/`. Anything a browser could
 * read as another site is refused: absolute URLs, protocol-relative `//host`, and `/\host`, which
 * browsers treat like `//host`. Control characters are refused because browsers strip them first.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || [...value].some(isRefusedCharacter)) return '/';
  // A path that starts with one slash always parses against a base; the origin check is the last guard.
  const url = new URL(value, BASE);
  return url.origin === BASE ? `${url.pathname}${url.search}${url.hash}` : '/';
}
