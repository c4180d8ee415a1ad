import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import type { Locale } from '../../shared/localized';
import { accounts } from '../accounts/accounts.table';
import { calls } from '../calls/calls.table';
import { clusters } from '../clusters/clusters.table';
import type { LevelCode } from '../programme/levels';
import type { ApplicationStatus, SectionKey } from './applications.lifecycle';

const instant = (name: string) => timestamp(name, { withTimezone: true });

/**
 * A cluster's (or forming network's) request for one level in one call. Its content is in
 * `application_sections`; this row holds who it is from, where it stands and what it asks for.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    clusterId: uuid('cluster_id')
      .notNull()
      .references(() => clusters.id),
    levelCode: text('level_code').$type<LevelCode>().notNull(),
    /** The stored status; read it through `effectiveApplicationStatus` or `applicationStatusAt`. */
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    /** The person the programme writes to about the application: who started it. */
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    /** The language the applicant reads their mail in: the one they started or last submitted in. */
    language: text('language').$type<Locale>().notNull().default('nb'),
    /** Null when the system wrote it (the demo). */
    startedByAccountId: uuid('started_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** The budget's money asked from the programme, kept with every save of the budget for lists. */
    moneyAskedNok: bigint('money_asked_nok', { mode: 'number' }).notNull().default(0),
    submittedAt: instant('submitted_at'),
    submittedByAccountId: uuid('submitted_by_account_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    withdrawnAt: instant('withdrawn_at'),
    /** A request for more information: the sections reopened, until when, and what staff asked. */
    reopenedSections: text('reopened_sections')
      .array()
      .$type<SectionKey[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    informationRequestedAt: instant('information_requested_at'),
    informationRequestedUntil: instant('information_requested_until'),
    informationRequestMessage: text('information_request_message'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // One application per cluster, call and level; a withdrawn one leaves room to start again.
    uniqueIndex('applications_one_per_level_key')
      .on(t.callId, t.clusterId, t.levelCode)
      .where(sql`${t.status} <> 'withdrawn'`),
    index('applications_call_idx').on(t.callId, t.createdAt),
    index('applications_cluster_idx').on(t.clusterId, t.createdAt),
    check(
      'applications_status_check',
      sql`${t.status} in ('draft', 'submitted', 'information_requested', 'withdrawn')`,
    ),
    check('applications_language_check', sql`${t.language} in ('nb', 'en')`),
    check('applications_money_check', sql`${t.moneyAskedNok} >= 0`),
    check(
      'applications_information_request_check',
      sql`${t.status} <> 'information_requested' or ${t.informationRequestedUntil} is not null`,
    ),
  ],
);

/**
 * One section of an application, with a version that grows by one with every save: a save names
 * the version it was written from, and one from an older version is refused, never applied over
 * someone else's text.
 */
export const applicationSections = pgTable(
  'application_sections',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    key: text('key').$type<SectionKey>().notNull(),
    body: jsonb('body').notNull(),
    version: integer('version').notNull().default(0),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    updatedByAccountId: uuid('updated_by_account_id').references(() => accounts.id, { onDelete: 'set null' }),
    /** Who saved it last, as a writer who meets their text in a conflict is told. */
    updatedByName: text('updated_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.key] }),
    check('application_sections_version_check', sql`${t.version} >= 0`),
  ],
);

/** A file attached to an application. The bytes are in the file store under `sha256` (decision 018). */
export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** The name the uploader's computer gave it: shown and offered on download, never trusted. */
    fileName: text('file_name').notNull(),
    /** What the content is, recognised from the bytes. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedByAccountId: uuid('uploaded_by_account_id').references(() => accounts.id, {
      onDelete: 'set null',
    }),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: instant('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    index('application_attachments_application_idx').on(t.applicationId, t.uploadedAt),
    index('application_attachments_hash_idx').on(t.sha256),
    check('application_attachments_size_check', sql`${t.sizeBytes} > 0`),
    check('application_attachments_hash_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * The effective status in SQL, for filters: a request for information reads `submitted` again from
 * the second its date comes. `now` is the service's clock, never the database's.
 */
export function applicationStatusAt(now: Date): SQL<ApplicationStatus> {
  return sql<ApplicationStatus>`(case when ${applications.status} = 'information_requested' and ${applications.informationRequestedUntil} <= ${now.toISOString()}::timestamptz then 'submitted' else ${applications.status} end)`;
}

/** The effective status in TypeScript: the same rule as `applicationStatusAt`, for one application. */
export function effectiveApplicationStatus(
  application: { status: ApplicationStatus; informationRequestedUntil: Date | null },
  now: Date,
): ApplicationStatus {
  const until = application.informationRequestedUntil;
  return application.status === 'information_requested' && until !== null && until.getTime() <= now.getTime()
    ? 'submitted'
    : application.status;
}
