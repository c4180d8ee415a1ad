import type { Actor } from './access';

/**
 * A state machine for a resource with a `status`: its states, and the actions that move it from
 * some states to another, each with the rule for who may take it. Isomorphic: the service
 * enforces it (through `requireAction` in `src/server/lifecycle.ts`) and the UI asks it which
 * actions to offer, so a rule is written once. Every state change is one named action — never a
 * PATCH of `status`.
 */
export type Action<S extends string, R> = {
  /** The states the action may start from. */
  from: readonly S[];
  to: S;
  /** Who may take the action on this resource (a policy's `can*`). */
  may: (actor: Actor, resource: R) => boolean;
};

export type Refusal = { code: 'invalid_state' | 'forbidden'; message: string };

export type Lifecycle<S extends string, A extends string, R extends { status: S }> = {
  /** What the resource is called in messages ("call", "application"). */
  name: string;
  states: readonly S[];
  initial: S;
  actions: Record<A, Action<S, R>>;
  /** The actions the actor may take on the resource in its current state: what the UI offers. */
  available(actor: Actor, resource: R): A[];
  /** Why the actor may not take the action now, or undefined when they may. */
  refusal(action: A, actor: Actor, resource: R): Refusal | undefined;
};

const words = (code: string) => code.replaceAll('_', ' ');

export function defineLifecycle<
  const S extends string,
  const A extends string,
  R extends { status: S },
>(definition: {
  name: string;
  states: readonly S[];
  initial: S;
  actions: Record<A, Action<S, R>>;
}): Lifecycle<S, A, R> {
  const { name, actions } = definition;
  for (const [action, { from, to }] of Object.entries<Action<S, R>>(actions)) {
    for (const state of [...from, to]) {
      if (!definition.states.includes(state)) {
        throw new Error(`The ${name} lifecycle's action ${action} names the unknown state ${state}.`);
      }
    }
  }
  // Who may act is judged first: someone who may never take the action hears that, not the state.
  function refusal(action: A, actor: Actor, resource: R): Refusal | undefined {
    const { from, may } = actions[action];
    if (!may(actor, resource)) {
      return { code: 'forbidden', message: `You may not ${words(action)} this ${name}.` };
    }
    if (!from.includes(resource.status)) {
      const allowed = from.map(words).join(' or ');
      return {
        code: 'invalid_state',
        message: `The ${name} is ${words(resource.status)}; ${words(action)} needs it to be ${allowed}.`,
      };
    }
    return undefined;
  }
  return {
    ...definition,
    available: (actor, resource) =>
      (Object.keys(actions) as A[]).filter((action) => refusal(action, actor, resource) === undefined),
    refusal,
  };
}
