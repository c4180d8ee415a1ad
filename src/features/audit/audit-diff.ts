/** One field of an audit event as it was before and after the change; null where it had no value. */
export type FieldChange = { field: string; before: string | null; after: string | null };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A recorded value as a person reads it: text as it is, a list as its items separated by commas,
 * an object as "field: value" pairs; never JSON. Empty lists and objects read as no value.
 */
function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const items = value.map(show).filter((item): item is string => item !== null && item !== '');
    return items.length > 0 ? items.join(', ') : null;
  }
  if (isRecord(value)) {
    const pairs = Object.entries(value).flatMap(([key, item]) => {
      const shown = show(item);
      return shown === null ? [] : [`${key}: ${shown}`];
    });
    return pairs.length > 0 ? `(${pairs.join('; ')})` : null;
  }
  return String(value);
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
