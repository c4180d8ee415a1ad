import { AppError } from '../../server/http/app-error';
import { type Actor, hasPermission } from '../../shared/access';

/** Finding, exporting and erasing people answers data-protection requests: operators only. */
export function canManagePersons(actor: Actor): boolean {
  return hasPermission(actor, 'persons.manage');
}

/** An operator may erase anyone but themselves: another operator has to do that. */
export function canErasePerson(actor: Actor, person: { id: string }): boolean {
  return canManagePersons(actor) && !(actor.kind === 'account' && actor.personId === person.id);
}

export function requirePersonsManager(actor: Actor): void {
  if (!canManagePersons(actor)) throw new AppError('forbidden', 'Only operators may manage personal data.');
}

/** Erasing oneself is refused as a state of affairs, not a lack of rights: it says who can do it. */
export function requireErasePerson(actor: Actor, person: { id: string }): void {
  requirePersonsManager(actor);
  if (!canErasePerson(actor, person)) {
    throw new AppError('invalid_state', 'You cannot erase yourself. Ask another operator to do it.');
  }
}
