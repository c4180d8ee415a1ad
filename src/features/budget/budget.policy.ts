import { AppError } from '../../server/http/app-error';
import { type Actor, asReader, hasProgrammePermission } from '../../shared/access';

/** Programme staff and operators read the ledger, the scenarios and every cluster's commitments. */
export function canReadBudget(actor: Actor): boolean {
  return hasProgrammePermission(asReader(actor), 'budget.read');
}

/** The yearly frames, their split per level and the price index are the operators' to set. */
export function canSetFrames(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'budget.frames');
}

/** Programme staff record what has been paid out. */
export function canRecordPayments(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'budget.payments');
}

export function requireReadBudget(actor: Actor): void {
  if (!canReadBudget(actor)) throw new AppError('forbidden', 'Only programme staff read the budget.');
}

export function requireSetFrames(actor: Actor): void {
  if (!canSetFrames(actor))
    throw new AppError('forbidden', 'Only operator admins set the frames and the price index.');
}

export function requireRecordPayments(actor: Actor): void {
  if (!canRecordPayments(actor)) throw new AppError('forbidden', 'Only programme staff record payments.');
}
