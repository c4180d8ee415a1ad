import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/access';
import { actorAs } from '../../testing/actors';
import { canManageAssessments, canScore, canSeeAssessment, isAssessorOf } from './assessments.policy';

const assessor = actorAs('assessor');
const accountId = (assessor as { accountId: string }).accountId;
const mine = (status: string) => ({ id: 'a', assessorAccountId: accountId, status });
const theirs = { id: 'b', assessorAccountId: 'someone-else', status: 'scoring' };

describe('who sees and acts on an assessment', () => {
  it('lets its assessor see it until they declare a conflict, and never someone else’s', () => {
    for (const status of ['assigned', 'scoring', 'completed'])
      expect(canSeeAssessment(assessor, mine(status))).toBe(true);
    expect(canSeeAssessment(assessor, mine('conflict'))).toBe(false);
    expect(canSeeAssessment(assessor, theirs)).toBe(false);
    expect(isAssessorOf(assessor, theirs)).toBe(false);
  });

  it('lets programme staff and operators see every assessment, conflicts included, and manage the panel', () => {
    for (const role of ['programme_staff', 'operator_admin'] as const) {
      const staff = actorAs(role);
      expect(canSeeAssessment(staff, mine('conflict'))).toBe(true);
      expect(canManageAssessments(staff)).toBe(true);
      expect(canScore(staff)).toBe(false);
    }
  });

  it('gives the cluster roles, partner contacts and the anonymous nothing', () => {
    const others: Actor[] = [
      actorAs('cluster_manager', { clusterId: 'c' }),
      actorAs('cluster_staff', { clusterId: 'c' }),
      actorAs('partner_contact', { organisationId: 'o' }),
      { kind: 'anonymous' },
    ];
    for (const actor of others) {
      expect(canSeeAssessment(actor, mine('scoring'))).toBe(false);
      expect(canManageAssessments(actor)).toBe(false);
      expect(canScore(actor)).toBe(false);
    }
    expect(canManageAssessments(assessor)).toBe(false);
  });
});
