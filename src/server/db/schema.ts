// The one place drizzle-kit and the db client see every feature's tables.

export * from '../../features/accounts/accounts.table';
export * from '../../features/audit/audit.table';
export * from '../../features/clusters/clusters.table';
export * from '../../features/mail/mail.table';
export * from '../../features/memberships/memberships.table';
export * from '../../features/organisations/organisations.table';
export * from '../../features/programme/programme.table';
export * from '../../features/reference/reference.table';
