import { describe, expect, it } from 'vitest';
import { describeDeliveryRound } from './mail-worker';

describe('the mail worker’s log line', () => {
  it('names each outcome with its count, and only those that happened', () => {
    expect(describeDeliveryRound({ sent: 2, kept: 0, retrying: 1, failed: 0 })).toBe(
      'mail: 2 sent, 1 retrying later',
    );
    expect(describeDeliveryRound({ sent: 0, kept: 0, retrying: 0, failed: 3 })).toBe(
      'mail: 3 failed for good',
    );
  });

  it('says mail was kept, not delivered, when there is no SMTP server', () => {
    const line = describeDeliveryRound({ sent: 0, kept: 4, retrying: 0, failed: 0 });
    expect(line).toBe('mail: 4 kept in the outbox (no SMTP server)');
    expect(line).not.toMatch(/deliver|sent/);
  });

  it('has nothing to say about a round that did nothing', () => {
    expect(describeDeliveryRound({ sent: 0, kept: 0, retrying: 0, failed: 0 })).toBeNull();
  });
});
