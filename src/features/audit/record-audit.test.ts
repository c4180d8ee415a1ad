import { describe, expect, it } from 'vitest';
import { changedFields } from './record-audit';

describe('changedFields', () => {
  it('keeps only the fields whose value changes, with their old and new values', () => {
    const result = changedFields(
      { name: 'Arena', counties: ['18', '55'], website: null as string | null },
      { name: 'Arena', counties: ['18', '56'], website: 'https://example.no' },
    );
    expect(result).toEqual({
      before: { counties: ['18', '55'], website: null },
      after: { counties: ['18', '56'], website: 'https://example.no' },
      changed: true,
    });
  });

  it('treats a field left undefined as unchanged, and null as a change to empty', () => {
    const result = changedFields({ email: 'a@b.no', phone: '123' as string | null }, { phone: null });
    expect(result).toEqual({ before: { phone: '123' }, after: { phone: null }, changed: true });
  });

  it('says nothing changed when every value is the same by content', () => {
    const result = changedFields({ focusAreas: ['hav', 'energi'] }, { focusAreas: ['hav', 'energi'] });
    expect(result).toEqual({ before: {}, after: {}, changed: false });
  });
});
