import type { Db } from '../../server/db/client';
import {
  countActiveMemberships,
  hasMembershipInClusters,
  listOrganisationIdsWithMemberships,
  partnershipsOf,
} from './partnership-facts.queries';

// What features before memberships need to know about partnerships, handed to them by
// src/server/features.ts: the programme's count (`ProgrammeCounts`), and the organisations'
// `PartnershipFacts`. Each takes the database or the caller's transaction.

/** Partnerships today, and the organisations in them; forming networks' count nowhere. */
export function partnershipsToday(
  db: Db,
  today: string,
): Promise<{ memberships: number; organisations: number }> {
  return countActiveMemberships(db, today);
}

/** Whether the organisation is or was a partner in any of these clusters. */
export function isPartnerInAnyCluster(
  db: Db,
  organisationId: string,
  clusterIds: string[],
): Promise<boolean> {
  return hasMembershipInClusters(db, organisationId, clusterIds);
}

/** The organisations among these that are or ever were a partner of some cluster. */
export function organisationIdsWithPartnerships(db: Db, organisationIds: string[]): Promise<string[]> {
  return listOrganisationIdsWithMemberships(db, organisationIds);
}

/** The organisation's partnerships, as a part of the organisation page's own statement. */
export const partnershipsOfOrganisation = partnershipsOf;
