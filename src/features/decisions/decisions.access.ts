import { defineAccessRows, EVERYONE, type MatrixFixture, type Who } from '../../testing/access-matrix';
import { createApplication } from '../applications/applications.seed';
import { createCall } from '../calls/calls.seed';
import { createCluster } from '../clusters/clusters.seed';

const STAFF = ['operator_admin', 'programme_staff'] as const satisfies readonly Who[];
const WRITERS = ['cluster_manager', 'cluster_staff'] as const satisfies readonly Who[];
const OUTSIDERS = ['assessor', 'partner_contact'] as const satisfies readonly Who[];

/** A round published once, with an application of cluster A and one of cluster B; and a draft of A's. */
const made = {} as { call: string; a: string; b: string; draftA: string };

/** A closed call with a submitted application of each of these clusters. */
async function closedCallWith(m: MatrixFixture, clusterIds: string[]) {
  const call = await createCall(m.t.db, { status: 'open', deadlineAt: new Date('2026-06-01T10:00:00Z') });
  const ids: string[] = [];
  for (const clusterId of clusterIds) {
    ids.push((await createApplication(m.t.db, { callId: call.id, clusterId, status: 'submitted' })).id);
  }
  return { callId: call.id, applicationIds: ids };
}

/** Drafts a rejection of the application as the matrix's operator admin. */
async function reject(m: MatrixFixture, applicationId: string) {
  const response = await m.t.send(
    'PUT',
    `/api/applications/${applicationId}/decision`,
    { outcome: 'reject' },
    { cookie: m.cookies.operator_admin },
  );
  if (response.status !== 200) throw new Error(`Drafting failed: ${JSON.stringify(response.body)}`);
}

/**
 * A cluster of its own admitted to Arena from the start of 2026 by a published round of its own,
 * as the API makes it: the engagement its level's extension rule lets staff extend.
 */
async function clusterAtArena(m: MatrixFixture) {
  const programme = { id: m.clusterA.programmeId, levelIds: new Map(), brandIds: new Map() };
  const cluster = await createCluster(m.t.db, programme);
  const call = await createCall(m.t.db, {
    status: 'open',
    deadlineAt: new Date('2026-06-01T10:00:00Z'),
    levels: [{ level: 'arena', moneyNok: 1_000_000 }],
  });
  const application = await createApplication(m.t.db, {
    callId: call.id,
    clusterId: cluster.id,
    status: 'submitted',
  });
  const cookie = m.cookies.operator_admin;
  await m.t.send(
    'PUT',
    `/api/applications/${application.id}/decision`,
    { outcome: 'admit', startsOn: '2026-01-01', yearlyGrantsNok: [0, 0, 0] },
    { cookie },
  );
  await m.t.send('POST', `/api/calls/${call.id}/publish-decisions`, {}, { cookie });
  const decision = await m.t.get(`/api/applications/${application.id}/decision`, { headers: { cookie } });
  if (!decision.body.engagementId) throw new Error(`No engagement: ${JSON.stringify(decision.body)}`);
  return { slug: cluster.slug, engagementId: decision.body.engagementId as string };
}

export const decisionsAccess = defineAccessRows({
  setup: async (m) => {
    const round = await closedCallWith(m, [m.clusterA.id, m.clusterB.id]);
    made.call = round.callId;
    [made.a, made.b] = round.applicationIds as [string, string];
    for (const id of round.applicationIds) await reject(m, id);
    const published = await m.t.send(
      'POST',
      `/api/calls/${round.callId}/publish-decisions`,
      {},
      { cookie: m.cookies.operator_admin },
    );
    if (published.status !== 200) throw new Error(`Publishing failed: ${JSON.stringify(published.body)}`);
    const open = await closedCallWith(m, [m.clusterA.id]);
    made.draftA = open.applicationIds[0]!;
  },
  rows: (m) => ({
    'get /api/calls/{id}/decisions': {
      success: 200,
      in: { on: "a closed call's round", allow: STAFF, request: () => ({ params: { id: made.call } }) },
    },
    'put /api/applications/{id}/decision': {
      success: 200,
      in: {
        on: 'a submitted application of a closed call',
        allow: STAFF,
        request: () => ({ params: { id: made.draftA }, body: { outcome: 'reject' } }),
      },
    },
    'get /api/applications/{id}/decision': {
      success: 200,
      in: {
        on: "the published decision on the caller's cluster's application",
        allow: [...WRITERS, ...STAFF],
        hidden: OUTSIDERS,
        request: () => ({ params: { id: made.a } }),
      },
      out: {
        on: "the published decision on someone else's cluster's application",
        allow: STAFF,
        hidden: [...WRITERS, ...OUTSIDERS],
        request: () => ({ params: { id: made.b } }),
      },
    },
    'post /api/calls/{id}/publish-decisions': {
      success: 200,
      in: {
        on: 'a closed call with one drafted rejection, one for each caller',
        allow: STAFF,
        request: async () => {
          const round = await closedCallWith(m, [m.clusterB.id]);
          await reject(m, round.applicationIds[0]!);
          return { params: { id: round.callId }, body: {} };
        },
      },
    },
    'get /api/clusters/{slug}/engagements': {
      success: 200,
      in: {
        on: "a cluster's engagements",
        allow: STAFF,
        request: () => ({ params: { slug: m.clusterA.slug } }),
      },
    },
    'post /api/clusters/{slug}/engagements/{id}/extend': {
      success: 201,
      in: {
        on: 'a running Arena period, one for each caller',
        allow: STAFF,
        request: async () => {
          const { slug, engagementId } = await clusterAtArena(m);
          return { params: { slug, id: engagementId }, body: { years: 1, yearlyGrantsNok: [100_000] } };
        },
      },
    },
    'get /api/calls/{id}/announcement': {
      success: 200,
      in: {
        on: "a published round's announcement",
        allow: EVERYONE,
        request: () => ({ params: { id: made.call } }),
      },
    },
  }),
});
