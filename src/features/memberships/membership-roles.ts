// The pages of clusters and memberships import the roles from here; the refactor of the pages
// points them at src/shared/membership-roles.ts, and then this file goes.
export { MEMBERSHIP_ROLES, type MembershipRole } from '../../shared/membership-roles';
