/** One field of an audit event as it was before and after the change; null where it had no value. */
export type FieldChange = { field: string; before: string | null; after: string | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The fields an event changed, for reading: every top-level field whose value differs between
 * before and after (all of them for a creation or a deletion), in the order the after value
 * names them. Values that are not objects count as one unnamed field.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const from = before ?? {};
  const to = after ?? {};
  if (!isRecord(from) || !isRecord(to)) {
    const change = { field: '', before: show(before), after: show(after) };
    return change.before === change.after ? [] : [change];
  }
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  return fields
    .map((field) => ({ field, before: show(from[field]), after: show(to[field]) }))
    .filter((change) => change.before !== change.after);
}
