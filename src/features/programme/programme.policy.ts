import { AppError } from '../../server/http/app-error';
import { type Actor, hasProgrammePermission } from '../../shared/access';

/**
 * Operator admins set the programme up: its name, operators with their press contacts, levels,
 * brands and the cap on operating aid. Nobody else changes them, and only they read the press
 * contacts, which are personal data.
 */
export function canManageProgramme(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'programme.manage');
}

export function requireManageProgramme(actor: Actor): void {
  if (!canManageProgramme(actor)) {
    throw new AppError('forbidden', 'Only operator admins may set the programme up.');
  }
}
