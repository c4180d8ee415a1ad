import { z } from '@hono/zod-openapi';
import { definePersonalData } from '../../server/personal-data';
import {
  eraseApplicationPerson,
  listApplicationsOfPerson,
  listAttachmentsUploadedBy,
  listSectionsSavedBy,
} from './applications.queries';
import { applicationAttachments, applicationSections, applications } from './applications.table';

/**
 * An application is its cluster's, not a person's: what a person wrote in it stays when they are
 * erased. What is theirs is being its contact (name and address), and having started, submitted,
 * saved or uploaded to it: exported, and on erasure their name and address give way to the labels.
 */
export const applicationsPersonalData = definePersonalData({
  tables: [applications, applicationSections, applicationAttachments],
  export: {
    shape: {
      applications: z.array(
        z
          .object({
            id: z.string(),
            callId: z.string(),
            clusterId: z.string(),
            level: z.string(),
            status: z.string(),
            contactName: z.string(),
            contactEmail: z.string(),
            startedByThem: z.boolean(),
            submittedByThem: z.boolean(),
            createdAt: z.string(),
            submittedAt: z.string().nullable(),
          })
          .openapi({ description: 'Applications they started, submitted or are the contact of' }),
      ),
      applicationSectionsSaved: z.array(
        z
          .object({
            applicationId: z.string(),
            key: z.string(),
            version: z.number().int(),
            updatedAt: z.string(),
          })
          .openapi({ description: 'Sections they saved last; the text is the applicant’s and stays out' }),
      ),
      applicationAttachmentsUploaded: z.array(
        z.object({
          applicationId: z.string(),
          fileName: z.string(),
          mediaType: z.string(),
          sizeBytes: z.number().int(),
          uploadedAt: z.string(),
        }),
      ),
    },
    read: async (tx, { accountId, addresses }) => ({
      applications: await listApplicationsOfPerson(tx, accountId, addresses),
      applicationSectionsSaved: accountId ? await listSectionsSavedBy(tx, accountId) : [],
      applicationAttachmentsUploaded: accountId ? await listAttachmentsUploadedBy(tx, accountId) : [],
    }),
  },
  erase: {
    removed: {
      applicationContacts: z.number().int(),
      applicationSectionAuthors: z.number().int(),
      applicationUploaders: z.number().int(),
    },
    run: async (tx, _ctx, person, labels) => {
      const erased = await eraseApplicationPerson(tx, person, labels);
      return {
        applicationContacts: erased.contacts,
        applicationSectionAuthors: erased.sections,
        applicationUploaders: erased.attachments,
      };
    },
  },
});
