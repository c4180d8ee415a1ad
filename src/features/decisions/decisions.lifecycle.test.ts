import { describe, expect, it } from 'vitest';
import { requireAction } from '../../server/lifecycle';
import type { Actor } from '../../shared/access';
import { actorAs } from '../../testing/actors';
import { DECISION_ACTIONS, DECISION_STATUSES, decisionLifecycle } from './decisions.lifecycle';
import { canDraftDecisions, canOverrideDecisions, canPublishDecisions } from './decisions.policy';
import { grantsByYear, periodEnd } from './decisions.service';

const ACTORS: Record<string, Actor> = {
  operator: actorAs('operator_admin'),
  staff: actorAs('programme_staff'),
  assessor: actorAs('assessor'),
  manager: actorAs('cluster_manager', { clusterId: 'cluster' }),
  anonymous: { kind: 'anonymous' },
};

function outcome(
  action: (typeof DECISION_ACTIONS)[number],
  actor: Actor,
  status: (typeof DECISION_STATUSES)[number],
) {
  try {
    return requireAction(decisionLifecycle, action, actor, { status });
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('the decision lifecycle', () => {
  it('lets programme staff draft again and publish a draft, and nothing change a published decision', () => {
    for (const who of ['operator', 'staff']) {
      expect(outcome('redraft', ACTORS[who]!, 'draft')).toBe('draft');
      expect(outcome('publish', ACTORS[who]!, 'draft')).toBe('published');
      expect(outcome('redraft', ACTORS[who]!, 'published')).toBe('invalid_state');
      expect(outcome('publish', ACTORS[who]!, 'published')).toBe('invalid_state');
    }
  });

  it('refuses everyone else every action', () => {
    for (const who of ['assessor', 'manager', 'anonymous']) {
      for (const action of DECISION_ACTIONS) {
        for (const status of DECISION_STATUSES)
          expect(outcome(action, ACTORS[who]!, status)).toBe('forbidden');
      }
    }
  });
});

describe('who decides', () => {
  it('gives drafting and publishing to programme staff and operator admins, the override to operator admins only', () => {
    const table = Object.fromEntries(
      Object.entries(ACTORS).map(([who, actor]) => [
        who,
        [canDraftDecisions(actor), canPublishDecisions(actor), canOverrideDecisions(actor)],
      ]),
    );
    expect(table).toEqual({
      operator: [true, true, true],
      staff: [true, true, false],
      assessor: [false, false, false],
      manager: [false, false, false],
      anonymous: [false, false, false],
    });
  });
});

describe('periods and grants', () => {
  it('ends a period of whole years the day before the same date', () => {
    expect(periodEnd('2027-01-01', 3)).toBe('2029-12-31');
    expect(periodEnd('2027-07-01', 2)).toBe('2029-06-30');
    expect(periodEnd('2028-02-29', 1)).toBe('2029-02-28');
  });

  it('puts each year of the grant in the calendar year that year of the period begins in', () => {
    expect(grantsByYear('2027-07-01', [5, 6])).toEqual([
      { year: 2027, amountNok: 5 },
      { year: 2028, amountNok: 6 },
    ]);
    expect(grantsByYear(null, [5])).toEqual([]);
  });
});
