import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import type { ListApplicationsQuery } from './applications.contract';
import type { SectionKey } from './applications.lifecycle';
import {
  applicationAttachments,
  applicationSections,
  applicationStatusAt,
  applications,
} from './applications.table';

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationInsert = typeof applications.$inferInsert;
export type SectionRow = typeof applicationSections.$inferSelect;
export type AttachmentRow = typeof applicationAttachments.$inferSelect;

/**
 * A page of applications with their effective status at `now`. `clusterIds` is 'all' for programme
 * staff and otherwise the clusters whose applications the caller writes: the rest are left out in
 * SQL, not after.
 */
export async function listApplicationsPage(
  db: Db,
  query: Omit<ListApplicationsQuery, 'cluster'> & { clusterId?: string },
  options: { now: Date; clusterIds: 'all' | string[]; submittedOnly?: boolean },
) {
  if (options.clusterIds !== 'all' && options.clusterIds.length === 0) return { rows: [], total: 0 };
  const status = applicationStatusAt(options.now);
  const where = and(
    options.clusterIds === 'all' ? undefined : inArray(applications.clusterId, options.clusterIds),
    query.clusterId ? eq(applications.clusterId, query.clusterId) : undefined,
    query.call ? eq(applications.callId, query.call) : undefined,
    query.level ? eq(applications.levelCode, query.level) : undefined,
    query.status ? eq(status, query.status) : undefined,
    options.submittedOnly ? inArray(applications.status, ['submitted', 'information_requested']) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: applications.id,
        callId: applications.callId,
        clusterId: applications.clusterId,
        levelCode: applications.levelCode,
        status,
        moneyAskedNok: applications.moneyAskedNok,
        submittedAt: applications.submittedAt,
        updatedAt: applications.updatedAt,
      })
      .from(applications)
      .where(where)
      .orderBy(desc(applications.createdAt), asc(applications.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(applications).where(where),
  ]);
  return { rows, total: count?.total ?? 0 };
}

export async function findApplication(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).limit(1);
  return row;
}

/**
 * The application, locked until the transaction ends. Every write to an application or its
 * sections takes this lock first, so saves, submission and withdrawal happen one after the other.
 */
export async function findApplicationForUpdate(db: Db, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id)).for('update');
  return row;
}

export async function insertApplication(db: Db, values: ApplicationInsert): Promise<ApplicationRow> {
  const [row] = await db.insert(applications).values(values).returning();
  return row!;
}

export async function updateApplicationColumns(
  db: Db,
  id: string,
  columns: Partial<Omit<ApplicationInsert, 'id' | 'createdAt' | 'callId' | 'clusterId' | 'levelCode'>>,
): Promise<void> {
  await db.update(applications).set(columns).where(eq(applications.id, id));
}

export async function insertSections(
  db: Db,
  applicationId: string,
  sections: { key: SectionKey; body: unknown; version?: number }[],
  now: Date,
): Promise<void> {
  await db
    .insert(applicationSections)
    .values(sections.map((section) => ({ applicationId, version: 0, ...section, updatedAt: now })));
}

/** The application's sections; their order is the caller's to give. */
export function listSectionsOf(db: Db, applicationId: string): Promise<SectionRow[]> {
  return db.select().from(applicationSections).where(eq(applicationSections.applicationId, applicationId));
}

/** Writes a section's new text as the next version. Run under the application's lock. */
export async function saveSection(
  db: Db,
  values: {
    applicationId: string;
    key: SectionKey;
    body: unknown;
    version: number;
    updatedAt: Date;
    updatedByAccountId: string | null;
    updatedByName: string | null;
  },
): Promise<void> {
  await db
    .update(applicationSections)
    .set({
      body: values.body,
      version: values.version,
      updatedAt: values.updatedAt,
      updatedByAccountId: values.updatedByAccountId,
      updatedByName: values.updatedByName,
    })
    .where(
      and(
        eq(applicationSections.applicationId, values.applicationId),
        eq(applicationSections.key, values.key),
      ),
    );
}

/** The contacts of a call's applications that are not withdrawn: who hears that its deadline moved. */
export function listContactsOfCall(db: Db, callId: string) {
  return db
    .selectDistinct({
      contactName: applications.contactName,
      contactEmail: applications.contactEmail,
      language: applications.language,
    })
    .from(applications)
    .where(and(eq(applications.callId, callId), ne(applications.status, 'withdrawn')))
    .orderBy(asc(applications.contactEmail), asc(applications.language), asc(applications.contactName));
}

// ── Attachments ──────────────────────────────────────────────────────────────────────────────────

export function listAttachmentsOf(db: Db, applicationId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(asc(applicationAttachments.uploadedAt), asc(applicationAttachments.id));
}

export async function countAttachmentsOf(db: Db, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId));
  return row?.count ?? 0;
}

export async function findAttachment(db: Db, applicationId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(applicationAttachments)
    .where(
      and(
        eq(applicationAttachments.applicationId, applicationId),
        eq(applicationAttachments.id, attachmentId),
      ),
    )
    .limit(1);
  return row;
}

export async function insertAttachment(
  db: Db,
  values: typeof applicationAttachments.$inferInsert,
): Promise<AttachmentRow> {
  const [row] = await db.insert(applicationAttachments).values(values).returning();
  return row!;
}

// ── A person's part (personal data) ──────────────────────────────────────────────────────────────

/** The applications a person started, submitted or is the contact of. */
export function listApplicationsOfPerson(db: Db, accountId: string | null, addresses: readonly string[]) {
  const lower = addresses.map((address) => address.toLowerCase());
  return db
    .select({
      id: applications.id,
      callId: applications.callId,
      clusterId: applications.clusterId,
      level: applications.levelCode,
      status: applications.status,
      contactName: applications.contactName,
      contactEmail: applications.contactEmail,
      startedByThem: accountId
        ? sql<boolean>`${applications.startedByAccountId} = ${accountId}`
        : sql<boolean>`false`,
      submittedByThem: accountId
        ? sql<boolean>`coalesce(${applications.submittedByAccountId} = ${accountId}, false)`
        : sql<boolean>`false`,
      createdAt: applications.createdAt,
      submittedAt: applications.submittedAt,
    })
    .from(applications)
    .where(personsApplications(accountId, lower))
    .orderBy(asc(applications.createdAt));
}

function personsApplications(accountId: string | null, lowerAddresses: string[]) {
  const byAddress =
    lowerAddresses.length > 0 ? inArray(sql`lower(${applications.contactEmail})`, lowerAddresses) : undefined;
  if (!accountId) return byAddress ?? sql`false`;
  return sql`(${applications.startedByAccountId} = ${accountId} or ${applications.submittedByAccountId} = ${accountId}${
    byAddress ? sql` or ${byAddress}` : sql``
  })`;
}

/** The sections a person saved last, without their text: what they wrote is the applicant's. */
export function listSectionsSavedBy(db: Db, accountId: string) {
  return db
    .select({
      applicationId: applicationSections.applicationId,
      key: applicationSections.key,
      version: applicationSections.version,
      updatedAt: applicationSections.updatedAt,
    })
    .from(applicationSections)
    .where(eq(applicationSections.updatedByAccountId, accountId))
    .orderBy(asc(applicationSections.updatedAt));
}

export function listAttachmentsUploadedBy(db: Db, accountId: string) {
  return db
    .select({
      applicationId: applicationAttachments.applicationId,
      fileName: applicationAttachments.fileName,
      mediaType: applicationAttachments.mediaType,
      sizeBytes: applicationAttachments.sizeBytes,
      uploadedAt: applicationAttachments.uploadedAt,
    })
    .from(applicationAttachments)
    .where(eq(applicationAttachments.uploadedByAccountId, accountId))
    .orderBy(asc(applicationAttachments.uploadedAt));
}

/**
 * Erasure: the person's name and address where they are an application's contact, and their name
 * where they saved a section or uploaded a file, give way to the labels. The rows stay: the
 * application is the cluster's, not the person's.
 */
export async function eraseApplicationPerson(
  db: Db,
  person: { accountId: string | null; addresses: readonly string[] },
  labels: { name: string; email: string },
): Promise<{ contacts: number; sections: number; attachments: number }> {
  const lower = person.addresses.map((address) => address.toLowerCase());
  const contacts =
    lower.length === 0
      ? []
      : await db
          .update(applications)
          .set({ contactName: labels.name, contactEmail: labels.email })
          .where(inArray(sql`lower(${applications.contactEmail})`, lower))
          .returning({ id: applications.id });
  if (!person.accountId) return { contacts: contacts.length, sections: 0, attachments: 0 };
  const sections = await db
    .update(applicationSections)
    .set({ updatedByName: labels.name })
    .where(eq(applicationSections.updatedByAccountId, person.accountId))
    .returning({ id: applicationSections.applicationId });
  const attachments = await db
    .update(applicationAttachments)
    .set({ uploadedByName: labels.name })
    .where(eq(applicationAttachments.uploadedByAccountId, person.accountId))
    .returning({ id: applicationAttachments.id });
  return { contacts: contacts.length, sections: sections.length, attachments: attachments.length };
}
