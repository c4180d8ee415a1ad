import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS } from '../shared/access';
import { defineLifecycle } from '../shared/lifecycle';
import { AppError } from './http/app-error';
import { requireAction } from './lifecycle';

type Draft = { status: 'draft' | 'submitted' | 'withdrawn'; ownerId: string };

const owner: Actor = {
  kind: 'account',
  accountId: 'a1',
  personId: 'p1',
  name: 'Eier',
  email: 'eier@example.test',
  grants: [],
};
const isOwner = (actor: Actor, draft: Draft) => actor.kind === 'account' && actor.accountId === draft.ownerId;

const lifecycle = defineLifecycle({
  name: 'application',
  states: ['draft', 'submitted', 'withdrawn'],
  initial: 'draft',
  actions: {
    submit: { from: ['draft'], to: 'submitted', may: isOwner },
    withdraw: { from: ['draft', 'submitted'], to: 'withdrawn', may: isOwner },
  },
});

describe('a lifecycle', () => {
  it('offers the actions the actor may take in the current state', () => {
    expect(lifecycle.available(owner, { status: 'draft', ownerId: 'a1' })).toEqual(['submit', 'withdraw']);
    expect(lifecycle.available(owner, { status: 'submitted', ownerId: 'a1' })).toEqual(['withdraw']);
    expect(lifecycle.available(owner, { status: 'withdrawn', ownerId: 'a1' })).toEqual([]);
    expect(lifecycle.available(ANONYMOUS, { status: 'draft', ownerId: 'a1' })).toEqual([]);
  });

  it('says why an action is refused: who may act first, then the state', () => {
    expect(lifecycle.refusal('submit', ANONYMOUS, { status: 'submitted', ownerId: 'a1' })).toEqual({
      code: 'forbidden',
      message: 'You may not submit this application.',
    });
    expect(lifecycle.refusal('submit', owner, { status: 'submitted', ownerId: 'a1' })).toEqual({
      code: 'invalid_state',
      message: 'The application is submitted; submit needs it to be draft.',
    });
  });

  it('gives the service the next state, or an AppError with the refusal', () => {
    expect(requireAction(lifecycle, 'withdraw', owner, { status: 'submitted', ownerId: 'a1' })).toBe(
      'withdrawn',
    );
    const refused = (() => {
      try {
        requireAction(lifecycle, 'withdraw', owner, { status: 'withdrawn', ownerId: 'a1' });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'invalid_state', status: 409 });
  });

  it('refuses to be defined with a state it does not list', () => {
    expect(() =>
      defineLifecycle({
        name: 'call',
        states: ['draft', 'open'],
        initial: 'draft',
        actions: { close: { from: ['open'], to: 'closed' as 'open', may: () => true } },
      }),
    ).toThrow(/action close names the unknown state closed/);
  });
});
