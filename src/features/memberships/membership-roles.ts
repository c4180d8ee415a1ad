/** A partner's role in a cluster. Pure, so the browser can use it too. */
export const MEMBERSHIP_ROLES = ['core_partner', 'partner', 'associate'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
