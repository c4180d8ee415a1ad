import { defineAccessRows, hasItem, type MatrixFixture, type Who } from '../../testing/access-matrix';
import { createTestAccount } from '../accounts/accounts.seed';
import { createApplication } from '../applications/applications.seed';
import { createCall } from '../calls/calls.seed';
import type { AssessmentStatus } from './assessments.lifecycle';
import { createAssessment } from './assessments.seed';

const STAFF = ['operator_admin', 'programme_staff'] as const satisfies readonly Who[];
/** Signed in, but neither assessing nor running the programme: an assessment does not exist for them. */
const OTHERS = ['cluster_manager', 'cluster_staff', 'partner_contact'] as const satisfies readonly Who[];

/** A call closed before the matrix's day, with a submitted application of cluster A, made once; and another assessor. */
const made = {} as { call: string; application: string; mine: string; theirs: string; other: string };

/** A closed call with a submitted application of cluster A, and its criteria's ids. */
async function closedApplication(m: MatrixFixture) {
  const call = await createCall(m.t.db, { status: 'open', deadlineAt: new Date('2026-06-01T10:00:00Z') });
  const application = await createApplication(m.t.db, {
    callId: call.id,
    clusterId: m.clusterA.id,
    status: 'submitted',
  });
  const criteria: string[] = (await m.t.get(`/api/calls/${call.id}`)).body.criteria.map(
    (c: { id: string }) => c.id,
  );
  return { callId: call.id, applicationId: application.id, criteria };
}

export const assessmentsAccess = defineAccessRows({
  setup: async (m) => {
    const { callId, applicationId } = await closedApplication(m);
    made.call = callId;
    made.application = applicationId;
    made.other = (await createTestAccount(m.t.db, 'assessor', {}, { name: 'Annen Assessor' })).account.id;
    made.mine = (
      await createAssessment(m.t.db, {
        applicationId,
        callId,
        assessorAccountId: m.accounts.assessor.account.id,
        assessorName: 'Matrisens assessor',
      })
    ).id;
    made.theirs = (
      await createAssessment(m.t.db, {
        applicationId,
        callId,
        assessorAccountId: made.other,
        assessorName: 'Annen Assessor',
      })
    ).id;
  },
  rows: (m) => {
    /** An assessment of its own for each caller, in the state the action starts from, every criterion scored. */
    const fresh = async (whose: 'mine' | 'theirs', status: AssessmentStatus) => {
      const { callId, applicationId, criteria } = await closedApplication(m);
      const assessment = await createAssessment(m.t.db, {
        applicationId,
        callId,
        assessorAccountId: whose === 'mine' ? m.accounts.assessor.account.id : made.other,
        assessorName: 'Matrisens assessor',
        status,
        scores: status === 'assigned' ? {} : Object.fromEntries(criteria.map((id) => [id, 2])),
      });
      return { id: assessment.id, criteria };
    };
    const action = (status: AssessmentStatus, body?: (criteria: string[]) => unknown) => ({
      success: 200,
      in: {
        on: "the caller's own assessment, one for each caller",
        allow: ['assessor'] as const,
        request: async () => {
          const { id, criteria } = await fresh('mine', status);
          return { params: { id }, body: body?.(criteria) };
        },
      },
      out: {
        on: "another assessor's assessment",
        allow: [],
        hidden: ['assessor'] as const,
        request: async () => {
          const { id, criteria } = await fresh('theirs', status);
          return { params: { id }, body: body?.(criteria) };
        },
      },
    });
    return {
      'get /api/assessments': {
        success: 200,
        in: {
          on: "the assessor's own queue",
          allow: ['assessor'],
          holds: hasItem(() => made.mine),
          request: () => ({ query: `call=${made.call}&pageSize=100` }),
        },
      },
      'get /api/assessments/{id}': {
        success: 200,
        in: {
          on: "the caller's own assessment",
          allow: ['assessor', ...STAFF],
          hidden: OTHERS,
          request: () => ({ params: { id: made.mine } }),
        },
        out: {
          on: "another assessor's assessment",
          allow: STAFF,
          hidden: ['assessor', ...OTHERS],
          request: () => ({ params: { id: made.theirs } }),
        },
      },
      'post /api/assessments/{id}/declaration': action('assigned', () => ({
        conflict: false,
        reason: 'Ingen binding.',
      })),
      'put /api/assessments/{id}/scores': action('scoring', (criteria) => ({
        scores: [{ criterionId: criteria[0], score: 3 }],
      })),
      'post /api/assessments/{id}/complete': action('scoring'),
      'post /api/assessments/{id}/reopen': action('completed'),
      'get /api/assessors': {
        success: 200,
        in: { on: 'the accounts with the assessor role', allow: STAFF, request: () => ({}) },
      },
      'post /api/applications/{id}/assessments': {
        success: 201,
        in: {
          on: 'a submitted application of a closed call, one for each caller',
          allow: STAFF,
          request: async () => ({
            params: { id: (await closedApplication(m)).applicationId },
            body: { assessorAccountId: made.other },
          }),
        },
      },
      'post /api/calls/{id}/assessments/spread': {
        success: 200,
        in: {
          on: 'a closed call with one submitted application, one for each caller',
          allow: STAFF,
          request: async () => ({
            params: { id: (await closedApplication(m)).callId },
            body: { assessorAccountIds: [made.other], perApplication: 1, maxPerAssessor: 5 },
          }),
        },
      },
      'get /api/calls/{id}/panel': {
        success: 200,
        in: { on: "a closed call's panel", allow: STAFF, request: () => ({ params: { id: made.call } }) },
      },
      'get /api/calls/{id}/panel.csv': {
        success: 200,
        in: { on: "a closed call's panel", allow: STAFF, request: () => ({ params: { id: made.call } }) },
      },
      'post /api/calls/{id}/panel/close': {
        success: 200,
        in: {
          on: 'an open panel, one for each caller',
          allow: STAFF,
          request: async () => ({ params: { id: (await closedApplication(m)).callId } }),
        },
      },
      'put /api/applications/{id}/recommendation': {
        success: 200,
        in: {
          on: 'a submitted application of a closed call',
          allow: STAFF,
          request: () => ({
            params: { id: made.application },
            body: { recommendation: 'admit', reason: 'Sterk søknad.' },
          }),
        },
      },
      'put /api/applications/{id}/interview-notes': {
        success: 200,
        in: {
          on: 'a submitted application of a closed call',
          allow: STAFF,
          request: () => ({ params: { id: made.application }, body: { notes: 'Godt intervju.' } }),
        },
      },
    };
  },
});
