/** A link to the same path with some query parameters changed; undefined or '' removes one. */
export function withQuery(url: URL, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams(url.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  const search = next.toString();
  return `${url.pathname}${search ? `?${search}` : ''}`;
}

/** Query parameters as a plain object, the first value of each. */
export function queryObject(search: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of search) if (!(key in result)) result[key] = value;
  return result;
}
