import { describe, expect, it } from 'vitest';
import { osloInstant, osloWallTime } from './oslo-time';

const utc = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).toISOString());

describe('Norwegian wall time', () => {
  it('is an hour ahead of UTC in winter and two in summer', () => {
    expect(osloInstant('2026-01-15T12:00')).toBe('2026-01-15T12:00:00+01:00');
    expect(osloInstant('2026-09-01T12:00')).toBe('2026-09-01T12:00:00+02:00');
    expect(osloWallTime('2026-01-15T11:00:00Z')).toBe('2026-01-15T12:00');
    expect(osloWallTime('2026-09-01T10:00:00Z')).toBe('2026-09-01T12:00');
  });

  it('follows the change to summer time on 29 March 2026, reading the skipped hour an hour later', () => {
    expect(utc(osloInstant('2026-03-29T01:59'))).toBe('2026-03-29T00:59:00.000Z');
    expect(osloInstant('2026-03-29T02:30')).toBe('2026-03-29T03:30:00+02:00');
    expect(utc(osloInstant('2026-03-29T03:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(osloWallTime('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00');
  });

  it('follows the change back on 25 October 2026, taking the first of the repeated hour', () => {
    expect(utc(osloInstant('2026-10-25T01:30'))).toBe('2026-10-24T23:30:00.000Z');
    expect(osloInstant('2026-10-25T02:30')).toBe('2026-10-25T02:30:00+02:00');
    expect(utc(osloInstant('2026-10-25T03:00'))).toBe('2026-10-25T02:00:00.000Z');
    expect(osloWallTime('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30');
  });

  it('keeps seconds when given, and refuses what is not a wall time', () => {
    expect(osloInstant('2026-09-01T23:59:59')).toBe('2026-09-01T23:59:59+02:00');
    expect(osloInstant('2026-02-30T12:00')).toBeUndefined();
    expect(osloInstant('1. september')).toBeUndefined();
    expect(osloInstant('')).toBeUndefined();
  });

  it('turns the wall time back into the same wall time, every hour of the year', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
      const wall = osloWallTime(new Date(ms));
      expect(osloWallTime(osloInstant(wall)!)).toBe(wall);
    }
  });
});
