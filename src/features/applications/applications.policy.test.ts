import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../shared/access';
import { actorAs, withToken } from '../../testing/actors';
import {
  applicationsSeenBy,
  canListApplications,
  canReviewApplications,
  canSeeApplication,
  canWriteApplication,
} from './applications.policy';

const own = { clusterId: 'own' };

describe('who may do what with an application', () => {
  it("lets the cluster's manager and staff write it, and nobody else", () => {
    expect(canWriteApplication(actorAs('cluster_manager', { clusterId: 'own' }), own)).toBe(true);
    expect(canWriteApplication(actorAs('cluster_staff', { clusterId: 'own' }), own)).toBe(true);
    expect(canWriteApplication(actorAs('cluster_manager', { clusterId: 'other' }), own)).toBe(false);
    expect(canWriteApplication(actorAs('programme_staff'), own)).toBe(false);
    expect(canWriteApplication(actorAs('operator_admin'), own)).toBe(false);
    expect(canWriteApplication(actorAs('partner_contact', { organisationId: 'org' }), own)).toBe(false);
    expect(canWriteApplication(ANONYMOUS, own)).toBe(false);
  });

  it('shows it to its writers and to programme staff, and hides it from assessors and other clusters', () => {
    expect(canSeeApplication(actorAs('programme_staff'), own)).toBe(true);
    expect(canSeeApplication(actorAs('operator_admin'), own)).toBe(true);
    expect(canSeeApplication(actorAs('cluster_staff', { clusterId: 'own' }), own)).toBe(true);
    expect(canSeeApplication(actorAs('assessor'), own)).toBe(false);
    expect(canSeeApplication(actorAs('cluster_manager', { clusterId: 'other' }), own)).toBe(false);
  });

  it('lets programme staff ask for more information', () => {
    expect(canReviewApplications(actorAs('programme_staff'))).toBe(true);
    expect(canReviewApplications(actorAs('cluster_manager', { clusterId: 'own' }))).toBe(false);
  });

  it('scopes the list to the clusters the caller writes for, or all for programme staff', () => {
    expect(applicationsSeenBy(actorAs('programme_staff'))).toBe('all');
    expect(applicationsSeenBy(actorAs('cluster_manager', { clusterId: 'own' }))).toEqual(['own']);
    expect(applicationsSeenBy(actorAs('assessor'))).toEqual([]);
    expect(canListApplications(actorAs('assessor'))).toBe(false);
    expect(canListApplications(actorAs('cluster_staff', { clusterId: 'own' }))).toBe(true);
  });

  it('lets an API token write only when it carries the permission', () => {
    const manager = actorAs('cluster_manager', { clusterId: 'own' });
    expect(canWriteApplication(withToken(manager, []), own)).toBe(false);
    expect(canWriteApplication(withToken(manager, ['applications.write']), own)).toBe(true);
  });
});
