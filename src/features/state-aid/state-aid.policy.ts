import { AppError } from '../../server/http/app-error';
import { type Actor, asReader, hasProgrammePermission } from '../../shared/access';

/**
 * The state-aid clock is the programme's view of a cluster's funding history, read beside the
 * ledger: programme staff and operators, who hold `budget.read` for the whole programme. A
 * cluster's own people are not shown it; the decisions that move it are the programme's.
 */
export function canReadStateAid(actor: Actor): boolean {
  return hasProgrammePermission(asReader(actor), 'budget.read');
}

export function requireReadStateAid(actor: Actor): void {
  if (!canReadStateAid(actor)) {
    throw new AppError('forbidden', "Only programme staff may read a cluster's state-aid clock.");
  }
}
