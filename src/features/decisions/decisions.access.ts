import { eq } from 'drizzle-orm';
import { defineAccessRows, EVERYONE, type MatrixFixture, type Who } from '../../testing/access-matrix';
import { createApplication } from '../applications/applications.seed';
import { createCall } from '../calls/calls.seed';
import { createCluster } from '../clusters/clusters.seed';
import { clusters, engagements } from '../clusters/clusters.table';
import type { LevelCode } from '../programme/levels';
import { levels } from '../programme/programme.table';

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

/** A cluster of its own at Arena since 2025, which its period's extension rule allows to extend. */
async function clusterAtArena(m: MatrixFixture) {
  const [row] = await m.t.db
    .select({ programmeId: clusters.programmeId })
    .from(clusters)
    .where(eq(clusters.id, m.clusterA.id));
  const levelRows = await m.t.db.select({ id: levels.id, code: levels.code }).from(levels);
  const programme = {
    id: row!.programmeId,
    levelIds: new Map(levelRows.map((level) => [level.code as LevelCode, level.id])),
    brandIds: new Map<string, string>(),
  };
  const cluster = await createCluster(m.t.db, programme, {
    engagements: [{ level: 'arena', startsOn: '2025-01-01', plannedEndOn: '2027-12-31' }],
  });
  const [engagement] = await m.t.db
    .select({ id: engagements.id })
    .from(engagements)
    .where(eq(engagements.clusterId, cluster.id));
  return { slug: cluster.slug, engagementId: engagement!.id };
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
