export const APP_STATE_ELEMENT_ID = 'klynge-state';

/** JSON for a <script type="application/json"> element: nothing in it can close the element. */
export function serializeState(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
