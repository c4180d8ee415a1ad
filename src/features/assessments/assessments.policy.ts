import { AppError, notFound } from '../../server/http/app-error';
import { type Actor, asReader, hasPermission, hasProgrammePermission } from '../../shared/access';

/** What the rules need to know of an assessment: whose it is and whether a conflict was declared. */
export type AssessmentOwner = { id: string; assessorAccountId: string | null; status: string };

/** Programme staff assign assessors, read the panel, write recommendations and close the panel. */
export function canManageAssessments(actor: Actor): boolean {
  return hasProgrammePermission(actor, 'assessments.manage');
}

/** Whether the actor scores applications at all: an assessor's queue is theirs. */
export function canScore(actor: Actor): boolean {
  return hasPermission(actor, 'assessments.score');
}

/** The assessor an assessment is assigned to: the only one who declares and scores in it. */
export function isAssessorOf(actor: Actor, assessment: { assessorAccountId: string | null }): boolean {
  return (
    actor.kind === 'account' &&
    assessment.assessorAccountId !== null &&
    assessment.assessorAccountId === actor.accountId &&
    canScore(actor)
  );
}

/**
 * An assessment is its assessor's and the programme's. Once its assessor has declared a conflict
 * of interest, the application is hidden from them: for them the assessment does not exist.
 */
export function canSeeAssessment(actor: Actor, assessment: AssessmentOwner): boolean {
  const reader = asReader(actor);
  if (canManageAssessments(reader)) return true;
  return isAssessorOf(reader, assessment) && assessment.status !== 'conflict';
}

export function requireSeeAssessment(actor: Actor, assessment: AssessmentOwner): void {
  if (!canSeeAssessment(actor, assessment)) throw notFound(`The assessment ${assessment.id}`);
}

export function requireManageAssessments(actor: Actor): void {
  if (!canManageAssessments(actor)) {
    throw new AppError('forbidden', 'Only programme staff assign assessors and read the panel.');
  }
}
