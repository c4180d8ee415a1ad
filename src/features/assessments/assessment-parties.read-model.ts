import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { accounts, affiliations, persons, roleGrants } from '../accounts/accounts.table';
import { clusters } from '../clusters/clusters.table';
import { membershipActiveOn, memberships } from '../memberships/memberships.table';
import { organisations } from '../organisations/organisations.table';

// Who may assess, and what Klynge knows that ties an assessor to an applicant: the assessor's own
// organisations (accounts' affiliations), the register's main units (organisations), the applying
// cluster's host (clusters) and its partners (memberships). One answer across four features.

/** Accounts holding the assessor role that may sign in, by name. */
export function listAssessorAccounts(db: Db, limit: number) {
  return db
    .selectDistinct({
      accountId: accounts.id,
      personId: accounts.personId,
      name: persons.name,
      email: accounts.email,
    })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.role, 'assessor')))
    .where(eq(accounts.status, 'active'))
    .orderBy(asc(persons.name), asc(accounts.id))
    .limit(limit);
}

/** These accounts, those of them that hold the assessor role, with their person and name. */
export function findAssessorAccounts(db: Db, accountIds: string[]) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectDistinct({ accountId: accounts.id, personId: accounts.personId, name: persons.name })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.role, 'assessor')))
    .where(inArray(accounts.id, accountIds));
}

/** The organisations of each of these accounts' persons, by orgnr. */
export function listAffiliationsOfAccounts(db: Db, accountIds: string[]) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .select({ accountId: accounts.id, orgnr: affiliations.orgnr })
    .from(affiliations)
    .innerJoin(accounts, eq(accounts.personId, affiliations.personId))
    .where(inArray(accounts.id, accountIds))
    .orderBy(asc(affiliations.createdAt), asc(affiliations.orgnr));
}

/** Name and main unit of these organisations, as the register copy has them; unknown numbers are absent. */
export function listOrganisationFacts(db: Db, orgnrs: string[]) {
  if (orgnrs.length === 0) return Promise.resolve([]);
  return db
    .select({ orgnr: organisations.orgnr, name: organisations.name, parentOrgnr: organisations.parentOrgnr })
    .from(organisations)
    .where(inArray(organisations.orgnr, orgnrs));
}

/** Which of these organisations are partners of the cluster on the day. */
export async function listClusterPartnersAmong(db: Db, clusterId: string, orgnrs: string[], day: string) {
  if (orgnrs.length === 0) return [];
  const rows = await db
    .selectDistinct({ orgnr: organisations.orgnr })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.clusterId, clusterId),
        inArray(organisations.orgnr, orgnrs),
        membershipActiveOn(day),
      ),
    );
  return rows.map((row) => row.orgnr);
}

/** The cluster's name and its host organisation's number. */
export async function findClusterParty(db: Db, clusterId: string) {
  const [row] = await db
    .select({ name: clusters.name, slug: clusters.slug, hostOrgnr: clusters.hostOrgnr })
    .from(clusters)
    .where(eq(clusters.id, clusterId))
    .limit(1);
  return row;
}

/** Names of these clusters by id. */
export function listClusterNames(db: Db, clusterIds: string[]) {
  if (clusterIds.length === 0) return Promise.resolve([]);
  return db
    .select({ id: clusters.id, name: clusters.name, slug: clusters.slug })
    .from(clusters)
    .where(inArray(clusters.id, [...new Set(clusterIds)]));
}

/** How many accounts hold the assessor role (for the list's total). */
export async function countAssessorAccounts(db: Db) {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${accounts.id})::int` })
    .from(accounts)
    .innerJoin(roleGrants, and(eq(roleGrants.accountId, accounts.id), eq(roleGrants.role, 'assessor')))
    .where(eq(accounts.status, 'active'));
  return row?.n ?? 0;
}
