import { describe, expect, it } from 'vitest';
import { changedFields } from './audit-diff';

describe('reading what an audit event changed', () => {
  it('lists only the fields whose values differ, in the order the new value names them', () => {
    expect(
      changedFields(
        { actorType: 'sme', actorTypeOverride: null, name: 'Mo AS' },
        { actorType: 'research', actorTypeOverride: 'research', name: 'Mo AS' },
      ),
    ).toEqual([
      { field: 'actorType', before: 'sme', after: 'research' },
      { field: 'actorTypeOverride', before: null, after: 'research' },
    ]);
  });

  it('shows every field of a creation as new, and of a deletion as gone', () => {
    expect(changedFields(null, { orgnr: '923609016', role: 'partner' })).toEqual([
      { field: 'orgnr', before: null, after: '923609016' },
      { field: 'role', before: null, after: 'partner' },
    ]);
    expect(changedFields({ role: 'partner' }, null)).toEqual([
      { field: 'role', before: 'partner', after: null },
    ]);
  });

  it('writes nested values as readable text rather than JSON, and treats a plain value as one unnamed field', () => {
    expect(
      changedFields(
        { grants: [], sectors: ['C', 'H'] },
        { grants: [{ role: 'assessor', cluster: null }], sectors: ['C'], open: true },
      ),
    ).toEqual([
      { field: 'grants', before: null, after: '(role: assessor)' },
      { field: 'sectors', before: 'C, H', after: 'C' },
      { field: 'open', before: null, after: 'true' },
    ]);
    expect(changedFields('draft', 'submitted')).toEqual([{ field: '', before: 'draft', after: 'submitted' }]);
    expect(changedFields(null, null)).toEqual([]);
  });
});
