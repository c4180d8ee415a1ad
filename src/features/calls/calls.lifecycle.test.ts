import { describe, expect, it } from 'vitest';
import { requireAction } from '../../server/lifecycle';
import type { Actor } from '../../shared/access';
import { actorAs } from '../../testing/actors';
import {
  CALL_ACTIONS,
  CALL_STATUSES,
  type CallAction,
  type CallStatus,
  callLifecycle,
} from './calls.lifecycle';

const ACTORS: Record<string, Actor> = {
  operator: actorAs('operator_admin'),
  staff: actorAs('programme_staff'),
  manager: actorAs('cluster_manager', { clusterId: 'cluster' }),
  anonymous: { kind: 'anonymous' },
};

// Every action from every state, as each role that matters: the state it leads to, or why not.
const EXPECTED: Record<CallAction, Record<CallStatus, Record<keyof typeof ACTORS, string>>> = {
  open: {
    draft: { operator: 'open', staff: 'open', manager: 'forbidden', anonymous: 'forbidden' },
    open: { operator: 'invalid_state', staff: 'invalid_state', manager: 'forbidden', anonymous: 'forbidden' },
    closed: {
      operator: 'invalid_state',
      staff: 'invalid_state',
      manager: 'forbidden',
      anonymous: 'forbidden',
    },
    decided: {
      operator: 'invalid_state',
      staff: 'invalid_state',
      manager: 'forbidden',
      anonymous: 'forbidden',
    },
  },
  extend_deadline: {
    draft: { operator: 'invalid_state', staff: 'forbidden', manager: 'forbidden', anonymous: 'forbidden' },
    open: { operator: 'open', staff: 'forbidden', manager: 'forbidden', anonymous: 'forbidden' },
    closed: { operator: 'open', staff: 'forbidden', manager: 'forbidden', anonymous: 'forbidden' },
    decided: { operator: 'invalid_state', staff: 'forbidden', manager: 'forbidden', anonymous: 'forbidden' },
  },
  decide: {
    draft: {
      operator: 'invalid_state',
      staff: 'invalid_state',
      manager: 'forbidden',
      anonymous: 'forbidden',
    },
    open: { operator: 'invalid_state', staff: 'invalid_state', manager: 'forbidden', anonymous: 'forbidden' },
    closed: { operator: 'decided', staff: 'decided', manager: 'forbidden', anonymous: 'forbidden' },
    decided: {
      operator: 'invalid_state',
      staff: 'invalid_state',
      manager: 'forbidden',
      anonymous: 'forbidden',
    },
  },
};

/** "leads to open for operator and staff; is forbidden for manager and anonymous". */
function sentence(outcomes: Record<string, string>): string {
  const byOutcome = new Map<string, string[]>();
  for (const [who, result] of Object.entries(outcomes))
    byOutcome.set(result, [...(byOutcome.get(result) ?? []), who]);
  return [...byOutcome]
    .map(([result, who]) => {
      const verb = CALL_STATUSES.includes(result as CallStatus)
        ? `leads to ${result}`
        : `is ${result.replace('_', ' ')}`;
      return `${verb} for ${who.join(' and ')}`;
    })
    .join('; ');
}

function outcome(action: CallAction, actor: Actor, status: CallStatus): string {
  try {
    return requireAction(callLifecycle, action, actor, { status });
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('the call lifecycle', () => {
  for (const action of CALL_ACTIONS) {
    for (const status of CALL_STATUSES) {
      it(`${action} on ${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} call ${sentence(EXPECTED[action][status])}`, () => {
        const actual = Object.fromEntries(
          Object.entries(ACTORS).map(([who, actor]) => [who, outcome(action, actor, status)]),
        );
        expect(actual).toEqual(EXPECTED[action][status]);
      });
    }
  }

  it('offers the page exactly the actions the service would take', () => {
    for (const status of CALL_STATUSES) {
      for (const actor of Object.values(ACTORS)) {
        const taken = CALL_ACTIONS.filter((action) =>
          CALL_STATUSES.includes(outcome(action, actor, status) as CallStatus),
        );
        expect(callLifecycle.available(actor, { status })).toEqual(taken);
      }
    }
  });

  it('names the state and what the action needs when it refuses', () => {
    expect(callLifecycle.refusal('open', ACTORS.staff!, { status: 'closed' })).toEqual({
      code: 'invalid_state',
      message: 'The call is closed; open needs it to be draft.',
    });
    expect(callLifecycle.refusal('extend_deadline', ACTORS.operator!, { status: 'decided' })).toEqual({
      code: 'invalid_state',
      message: 'The call is decided; extend deadline needs it to be open or closed.',
    });
  });
});
