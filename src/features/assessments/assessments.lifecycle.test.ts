import { describe, expect, it } from 'vitest';
import { requireAction } from '../../server/lifecycle';
import type { Actor } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUSES,
  type AssessmentAction,
  type AssessmentStatus,
  assessmentLifecycle,
  availableAssessmentActions,
  panelLifecycle,
} from './assessments.lifecycle';

const own = actorAs('assessor');
const ACTORS: Record<string, Actor> = {
  assessor: own,
  other: { ...actorAs('assessor'), accountId: 'someone-else' } as Actor,
  staff: actorAs('programme_staff'),
  anonymous: { kind: 'anonymous' },
};
const assessorAccountId = (own as { accountId: string }).accountId;

/** What each action does from each state for the assigned assessor; everyone else is forbidden. */
const FOR_ASSESSOR: Record<AssessmentAction, Record<AssessmentStatus, string>> = {
  declare_no_conflict: {
    assigned: 'scoring',
    conflict: 'invalid_state',
    scoring: 'invalid_state',
    completed: 'invalid_state',
  },
  declare_conflict: {
    assigned: 'conflict',
    conflict: 'invalid_state',
    scoring: 'conflict',
    completed: 'invalid_state',
  },
  complete: {
    assigned: 'invalid_state',
    conflict: 'invalid_state',
    scoring: 'completed',
    completed: 'invalid_state',
  },
  reopen: {
    assigned: 'invalid_state',
    conflict: 'invalid_state',
    scoring: 'invalid_state',
    completed: 'scoring',
  },
};

function outcome(action: AssessmentAction, actor: Actor, status: AssessmentStatus): string {
  try {
    return requireAction(assessmentLifecycle, action, actor, { status, assessorAccountId });
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('the assessment lifecycle', () => {
  for (const action of ASSESSMENT_ACTIONS) {
    for (const status of ASSESSMENT_STATUSES) {
      it(`${action} on an ${status} assessment gives ${FOR_ASSESSOR[action][status]} for its assessor, and is forbidden for anyone else`, () => {
        expect(outcome(action, ACTORS.assessor!, status)).toBe(FOR_ASSESSOR[action][status]);
        for (const who of ['other', 'staff', 'anonymous'])
          expect(outcome(action, ACTORS[who]!, status), who).toBe('forbidden');
      });
    }
  }

  it('offers nothing once the panel is closed, and the lifecycle’s actions while it is open', () => {
    const state = { status: 'completed' as const, assessorAccountId };
    expect(availableAssessmentActions(own, state, 'open')).toEqual(['reopen']);
    expect(availableAssessmentActions(own, state, 'closed')).toEqual([]);
    expect(availableAssessmentActions(own, { status: 'assigned', assessorAccountId }, 'open')).toEqual([
      'declare_no_conflict',
      'declare_conflict',
    ]);
  });

  it('forbids an assessor whose API token lacks the permission to score', () => {
    expect(outcome('complete', withToken(own, []), 'scoring')).toBe('forbidden');
  });
});

describe('the panel lifecycle', () => {
  it('lets programme staff close an open panel once, and nobody else', () => {
    expect(requireAction(panelLifecycle, 'close', ACTORS.staff!, { status: 'open' })).toBe('closed');
    expect(panelLifecycle.refusal('close', ACTORS.staff!, { status: 'closed' })?.code).toBe('invalid_state');
    expect(panelLifecycle.refusal('close', ACTORS.assessor!, { status: 'open' })?.code).toBe('forbidden');
    expect(panelLifecycle.refusal('close', actorAs('operator_admin'), { status: 'open' })).toBeUndefined();
  });
});
