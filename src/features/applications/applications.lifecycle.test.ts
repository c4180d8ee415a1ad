import { describe, expect, it } from 'vitest';
import { requireAction } from '../../server/lifecycle';
import type { Actor } from '../../shared/access';
import { actorAs } from '../../testing/actors';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  applicationLifecycle,
  availableActions,
  refusalByTime,
  sectionsOf,
  type TimedApplication,
  writableSections,
} from './applications.lifecycle';

const ACTORS: Record<string, Actor> = {
  manager: actorAs('cluster_manager', { clusterId: 'own' }),
  staff: actorAs('cluster_staff', { clusterId: 'own' }),
  otherManager: actorAs('cluster_manager', { clusterId: 'other' }),
  programme: actorAs('programme_staff'),
  assessor: actorAs('assessor'),
  anonymous: { kind: 'anonymous' },
};

const writers = (to: string) => ({
  manager: to,
  staff: to,
  otherManager: 'forbidden',
  programme: 'forbidden',
  assessor: 'forbidden',
  anonymous: 'forbidden',
});
const reviewers = (to: string) => ({
  manager: 'forbidden',
  staff: 'forbidden',
  otherManager: 'forbidden',
  programme: to,
  assessor: 'forbidden',
  anonymous: 'forbidden',
});

// Every action from every state, as each role that matters: the state it leads to, or why not.
const EXPECTED: Record<ApplicationAction, Record<ApplicationStatus, Record<string, string>>> = {
  submit: {
    draft: writers('submitted'),
    submitted: writers('invalid_state'),
    information_requested: writers('submitted'),
    withdrawn: writers('invalid_state'),
  },
  withdraw: {
    draft: writers('withdrawn'),
    submitted: writers('withdrawn'),
    information_requested: writers('withdrawn'),
    withdrawn: writers('invalid_state'),
  },
  request_information: {
    draft: reviewers('invalid_state'),
    submitted: reviewers('information_requested'),
    information_requested: reviewers('information_requested'),
    withdrawn: reviewers('invalid_state'),
  },
};

function outcome(action: ApplicationAction, actor: Actor, status: ApplicationStatus): string {
  try {
    return requireAction(applicationLifecycle, action, actor, { status, clusterId: 'own' });
  } catch (error) {
    return (error as { code: string }).code;
  }
}

const DEADLINE = new Date('2026-09-01T10:00:00Z');
const BEFORE = new Date('2026-09-01T09:59:59Z');
const timed = (status: ApplicationStatus, reopened: TimedApplication['reopenedSections'] = []) => ({
  status,
  clusterId: 'own',
  level: 'arena' as const,
  deadlineAt: DEADLINE,
  reopenedSections: reopened,
});

describe('the application lifecycle', () => {
  for (const action of APPLICATION_ACTIONS) {
    for (const status of APPLICATION_STATUSES) {
      it(`${action} on a ${status.replace('_', ' ')} application goes where the table says for each role`, () => {
        const actual = Object.fromEntries(
          Object.entries(ACTORS).map(([who, actor]) => [who, outcome(action, actor, status)]),
        );
        expect(actual).toEqual(EXPECTED[action][status]);
      });
    }
  }

  it('refuses submitting a draft and withdrawing from the second of the deadline on, not a second before', () => {
    expect(refusalByTime('submit', timed('draft'), BEFORE)).toBeUndefined();
    expect(refusalByTime('submit', timed('draft'), DEADLINE)).toBe('deadline_passed');
    expect(refusalByTime('withdraw', timed('submitted'), BEFORE)).toBeUndefined();
    expect(refusalByTime('withdraw', timed('submitted'), DEADLINE)).toBe('deadline_passed');
    // An answer to a request for information keeps to the request's date, not the call's.
    expect(refusalByTime('submit', timed('information_requested'), DEADLINE)).toBeUndefined();
  });

  it('offers the page the lifecycle’s actions less those the clock forbids', () => {
    expect(availableActions(ACTORS.manager!, timed('draft'), BEFORE)).toEqual(['submit', 'withdraw']);
    expect(availableActions(ACTORS.manager!, timed('draft'), DEADLINE)).toEqual([]);
    expect(availableActions(ACTORS.programme!, timed('submitted'), DEADLINE)).toEqual([
      'request_information',
    ]);
  });

  it('opens every section of a draft until the deadline, the reopened ones on request, and none when submitted', () => {
    expect(writableSections(ACTORS.staff!, timed('draft'), BEFORE)).toEqual(sectionsOf('arena'));
    expect(writableSections(ACTORS.staff!, timed('draft'), DEADLINE)).toEqual([]);
    expect(writableSections(ACTORS.manager!, timed('information_requested', ['budget']), DEADLINE)).toEqual([
      'budget',
    ]);
    expect(writableSections(ACTORS.manager!, timed('submitted'), BEFORE)).toEqual([]);
    expect(writableSections(ACTORS.programme!, timed('draft'), BEFORE)).toEqual([]);
  });

  it('gives a pre-project its funder and a hub-node its hub, and no other level either', () => {
    expect(sectionsOf('pre_project')).toContain('pre_project');
    expect(sectionsOf('pre_project')).not.toContain('hub');
    expect(sectionsOf('hub_node')).toContain('hub');
    expect(sectionsOf('arena_pro')).not.toContain('hub');
    expect(sectionsOf('arena_pro')).toHaveLength(7);
  });
});
