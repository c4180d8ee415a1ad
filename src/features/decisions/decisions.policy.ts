import { AppError } from '../../server/http/app-error';
import { type Actor, hasProgrammePermission } from '../../shared/access';

/** Programme staff draft the round's decisions and read them before publication. */
export function canDraftDecisions(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'decisions.draft');
}

/** Programme staff publish a round, and make an extension. */
export function canPublishDecisions(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'decisions.publish');
}

/** Only an operator admin takes a round past a year's frame or a cluster past the state-aid cap. */
export function canOverrideDecisions(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'decisions.override');
}

export function requireDraftDecisions(actor: Actor): void {
  if (!canDraftDecisions(actor)) {
    throw new AppError('forbidden', 'Only programme staff draft decisions.');
  }
}

export function requirePublishDecisions(actor: Actor): void {
  if (!canPublishDecisions(actor)) {
    throw new AppError('forbidden', 'Only programme staff publish decisions.');
  }
}

export function requireOverrideDecisions(actor: Actor): void {
  if (!canOverrideDecisions(actor)) {
    throw new AppError(
      'forbidden',
      'Only an operator admin may publish past a frame or the state-aid cap, with a reason.',
    );
  }
}
