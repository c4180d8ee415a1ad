import { z } from '@hono/zod-openapi';
import { definePersonalData } from '../../server/personal-data';
import { eraseAssessor, listAssessmentsOfAccount } from './assessments.queries';
import { assessmentScores, assessments } from './assessments.table';

/**
 * An assessment is about a person: who assessed, what they declared about their own ties and why,
 * and their comments. The scores stay on erasure as the panel's record; the assessor's name gives
 * way to the label, and their own words (the declaration's reason and their comments) go.
 */
export const assessmentsPersonalData = definePersonalData({
  tables: [assessments, assessmentScores],
  export: {
    shape: {
      assessments: z.array(
        z
          .object({
            id: z.string(),
            applicationId: z.string(),
            callId: z.string(),
            status: z.string(),
            conflict: z.boolean().nullable(),
            declarationReason: z.string(),
            declaredAt: z.string().nullable(),
            assignedAt: z.string(),
            completedAt: z.string().nullable(),
            comments: z.array(z.object({ criterionId: z.string(), comment: z.string() })),
          })
          .openapi({
            description: 'Applications they were assigned to assess, with their declarations and comments',
          }),
      ),
    },
    read: async (tx, { accountId }) => ({
      assessments: accountId ? await listAssessmentsOfAccount(tx, accountId) : [],
    }),
  },
  erase: {
    removed: { assessorNames: z.number().int(), assessmentComments: z.number().int() },
    run: async (tx, _ctx, person, labels) => {
      if (!person.accountId) return { assessorNames: 0, assessmentComments: 0 };
      const erased = await eraseAssessor(tx, person.accountId, labels);
      return { assessorNames: erased.assessments, assessmentComments: erased.comments };
    },
  },
});
