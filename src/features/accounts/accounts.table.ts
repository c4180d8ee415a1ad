import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Permission, Role, RoleGrant } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import { clusters } from '../clusters/clusters.table';
import { mailMessages } from '../mail/mail.table';
import { memberships } from '../memberships/memberships.table';
import { organisations } from '../organisations/organisations.table';

/** A person: a contact who may or may not have an account, and may belong to several organisations. */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Set when the person was erased on request: name and contact data are gone, the row stays. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('persons_email_idx').on(sql`lower(${t.email})`)],
);

export type AccountStatus = 'active' | 'disabled';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    /** Stored as typed; compared and kept unique in lower case. */
    email: text('email').notNull(),
    /** argon2id; null for an account that signs in only through single sign-on. */
    passwordHash: text('password_hash'),
    status: text('status').$type<AccountStatus>().notNull().default('active'),
    /** A demo seed account: it cannot sign in when Klynge runs in production. */
    isDemo: boolean('is_demo').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('accounts_person_key').on(t.personId),
    check('accounts_status_check', sql`${t.status} in ('active', 'disabled')`),
  ],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    clusterId: uuid('cluster_id').references(() => clusters.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** The partnership that gave the role, when a cluster gave it: the role ends with it. */
    membershipId: uuid('membership_id').references(() => memberships.id, { onDelete: 'cascade' }),
    /** The first day the role no longer holds (the day its partnership ends); none while it lasts. */
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_grants_account_idx').on(t.accountId),
    index('role_grants_membership_idx').on(t.membershipId),
    // Cluster roles name their cluster, the partner role its organisation, programme roles neither.
    check(
      'role_grants_scope_check',
      sql`case
        when ${t.role} in ('cluster_manager', 'cluster_staff') then ${t.clusterId} is not null and ${t.organisationId} is null
        when ${t.role} = 'partner_contact' then ${t.organisationId} is not null and ${t.clusterId} is null
        else ${t.clusterId} is null and ${t.organisationId} is null end`,
    ),
  ],
);

/** A signed-in browser. The id is a hash of the cookie's token, so a leaked table opens no session. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * Sign-in attempts per key (an account and the address it is tried from, an address, a known
 * browser), in the database so every app process sees the same counts. One row per key, counting
 * the attempts of the current window that did not succeed; past the key's limit, the next attempt
 * is let through only from `next_attempt_at` (throttle.ts).
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  failures: integer('failures').notNull(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A browser that has signed in to an account with its password (a device cookie, after OWASP's
 * guidance): it keeps signing in while strangers' guesses slow down everyone else trying that
 * account from the same address. The cookie's secret is stored only as a hash.
 */
export const loginDevices = pgTable(
  'login_devices',
  {
    id: text('id').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_devices_account_idx').on(t.accountId)],
);

/**
 * An invitation by e-mail: who is invited, with which roles, by whom. The link's token is stored
 * only as a hash; the invitation is used once, and only before it expires.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    grants: jsonb('grants').$type<RoleGrant[]>().notNull(),
    invitedByAccountId: uuid('invited_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The account the invitation made, once accepted. */
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The language the invited person reads: their mail is written in it. */
    language: text('language').$type<Locale>().notNull().default('nb'),
    /** Its message in the outbox, for the state of its delivery; gone when the mail is erased. */
    mailMessageId: uuid('mail_message_id').references(() => mailMessages.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('invitations_email_idx').on(sql`lower(${t.email})`),
    check('invitations_language_check', sql`${t.language} in ('nb', 'en')`),
  ],
);

/** A password-reset link: single use, short-lived, stored as a hash. */
export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_resets_account_idx').on(t.accountId)],
);

/**
 * A token for integrations. Acts as its owner, limited to the permissions it names. Only the
 * hash is stored; the prefix lets a person recognise it in a list.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    permissions: text('permissions').array().$type<Permission[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_account_idx').on(t.accountId)],
);

/** An account's identity at an OpenID Connect provider: issuer and subject name one person there. */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.issuer, t.subject] }),
    index('oidc_identities_account_idx').on(t.accountId),
  ],
);

/**
 * A single sign-on in progress: the state sent to the provider (hashed), with the PKCE verifier
 * and nonce to check the answer against. Kept in the database so any app process can finish it.
 */
export const oidcFlows = pgTable('oidc_flows', {
  stateHash: text('state_hash').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  returnTo: text('return_to').notNull().default('/'),
  /** Set when a signed-in person links the provider's identity to their account instead of signing in. */
  linkAccountId: uuid('link_account_id').references(() => accounts.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

/**
 * A person signing themselves up: the link mailed to the address they gave, single use and
 * stored as a hash. Once used it names the account it made. Links to an address that already has
 * an account are never made: that address is told so instead.
 */
export const signUps = pgTable(
  'sign_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** The language the mail was written in, and the pages the link leads to. */
    language: text('language').$type<Locale>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('sign_ups_email_idx').on(sql`lower(${t.email})`),
    index('sign_ups_expires_idx').on(t.expiresAt),
    check('sign_ups_language_check', sql`${t.language} in ('nb', 'en')`),
  ],
);

/**
 * The organisations a person belongs to, by organisation number, as they state it themselves:
 * their employer, a board they sit on. An assessor's are what conflicts of interest are found
 * from. The organisation need not be in the register copy.
 */
export const affiliations = pgTable(
  'affiliations',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    orgnr: text('orgnr').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.orgnr] }), index('affiliations_orgnr_idx').on(t.orgnr)],
);
