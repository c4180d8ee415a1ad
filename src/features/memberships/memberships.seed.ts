import type { Db } from '../../server/db/client';
import { memberships } from './memberships.table';

export type MembershipInsert = typeof memberships.$inferInsert;

export function buildMembership(
  required: Pick<MembershipInsert, 'clusterId' | 'organisationId'>,
  overrides: Partial<MembershipInsert> = {},
): MembershipInsert {
  return {
    role: 'partner',
    joinedOn: '2020-01-01',
    agreementSignedOn: '2020-01-01',
    ...required,
    ...overrides,
  };
}

export async function createMembership(
  db: Db,
  required: Pick<MembershipInsert, 'clusterId' | 'organisationId'>,
  overrides: Partial<MembershipInsert> = {},
) {
  const [row] = await db.insert(memberships).values(buildMembership(required, overrides)).returning();
  return row!;
}
