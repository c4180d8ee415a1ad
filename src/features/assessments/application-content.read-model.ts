import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { applicationSections } from '../applications/applications.table';

// What an assessor reads of an application once they have declared no conflict: its sections as
// the applicant submitted them. The applications feature shows an application only to its cluster
// and to programme staff; who may read it here is the assessment's rule, judged by its service.

/** The application's sections, key and body, in the order they were written in the table. */
export function listSectionBodies(db: Db, applicationId: string) {
  return db
    .select({ key: applicationSections.key, body: applicationSections.body })
    .from(applicationSections)
    .where(eq(applicationSections.applicationId, applicationId))
    .orderBy(asc(applicationSections.key));
}
