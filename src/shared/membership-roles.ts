/**
 * A partner's role in a cluster. Organisations list their partnerships by it, clusters count
 * their partners by it and memberships set it, so it sits below all three.
 */
export const MEMBERSHIP_ROLES = ['core_partner', 'partner', 'associate'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
