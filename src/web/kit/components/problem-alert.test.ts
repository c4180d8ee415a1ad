import { describe, expect, it } from 'vitest';
import { fieldLabel } from './problem-alert';

const labels = { website: 'Nettsted', sectors: 'Næringer', cluster: 'Klynge' };

describe('naming a field in an error', () => {
  it('uses the form’s label for the field, or for the list it is an item of, with the item’s number', () => {
    expect(fieldLabel(['body', 'website'], labels)).toBe('Nettsted');
    expect(fieldLabel(['body', 'sectors', 2], labels)).toBe('Næringer (3)');
    expect(fieldLabel(['body', 'grants', 0, 'cluster'], labels)).toBe('Klynge');
  });

  it('never shows the API’s own path: a field with no label has its message alone', () => {
    expect(fieldLabel(['body', 'sectors', 2, 'Industries'], {})).toBeUndefined();
    expect(fieldLabel(['query', 'pageSize'], labels)).toBeUndefined();
  });
});
