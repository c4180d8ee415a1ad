import { describe, expect, it } from 'vitest';
import { effectiveCallStatus } from './calls.table';

const DEADLINE = new Date('2026-09-01T10:00:00Z');
const second = (offset: number) => new Date(DEADLINE.getTime() + offset * 1000);

describe('the effective status of a call', () => {
  it('reads an open call as open until the second before its deadline, and closed from its second', () => {
    expect(effectiveCallStatus({ status: 'open', deadlineAt: DEADLINE }, second(-1))).toBe('open');
    expect(
      effectiveCallStatus({ status: 'open', deadlineAt: DEADLINE }, new Date(DEADLINE.getTime() - 1)),
    ).toBe('open');
    expect(effectiveCallStatus({ status: 'open', deadlineAt: DEADLINE }, second(0))).toBe('closed');
    expect(effectiveCallStatus({ status: 'open', deadlineAt: DEADLINE }, second(3600))).toBe('closed');
  });

  it('leaves drafts and decided calls as they are, whatever the deadline', () => {
    for (const status of ['draft', 'decided'] as const) {
      expect(effectiveCallStatus({ status, deadlineAt: DEADLINE }, second(-1))).toBe(status);
      expect(effectiveCallStatus({ status, deadlineAt: DEADLINE }, second(0))).toBe(status);
    }
  });
});
