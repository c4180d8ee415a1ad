import { defineAccessRows, type MatrixFixture, type Who } from '../../testing/access-matrix';
import { createCluster } from '../clusters/clusters.seed';
import { findProgrammeId } from '../programme/programme.service';
import { createCommitments, createFrame } from './budget.seed';
import { listBudgetLevels, listGrantedEngagements } from './budget-parties.read-model';

const STAFF = ['operator_admin', 'programme_staff'] as const satisfies readonly Who[];
/** A year of the matrix's own, far from any other test's. */
const YEAR = 2095;

/** A cluster with an Arena engagement and a commitment for the matrix's year, made once. */
const made = {} as { slug: string; engagementId: string };

async function clusterWithCommitment(m: MatrixFixture) {
  const programmeId = (await findProgrammeId({ db: m.t.db }))!;
  const levels = await listBudgetLevels(m.t.db, programmeId);
  const cluster = await createCluster(
    m.t.db,
    { id: programmeId, levelIds: new Map(levels.map((l) => [l.code, l.id])), brandIds: new Map() },
    {
      engagements: [
        {
          level: 'arena',
          startsOn: `${YEAR}-01-01`,
          plannedEndOn: `${YEAR}-12-31`,
          yearlyGrantNok: 1_000_000,
        },
      ],
    },
  );
  const [engagement] = await listGrantedEngagements(m.t.db, [cluster.id]);
  await createCommitments(m.t.db, [
    {
      clusterId: cluster.id,
      engagementId: engagement!.id,
      levelId: engagement!.levelId,
      year: YEAR,
      amountNok: 1_000_000,
      decisionId: null,
    },
  ]);
  await createFrame(m.t.db, programmeId, YEAR, 100_000_000);
  return { slug: cluster.slug, engagementId: engagement!.id };
}

// The budget is the programme's: no route has a notion of a cluster's own scope, so each row has
// only its programme-wide case. Cluster roles, assessors and the public are refused alike.
export const budgetAccess = defineAccessRows({
  setup: async (m) => {
    Object.assign(made, await clusterWithCommitment(m));
  },
  rows: () => ({
    'get /api/budget': {
      success: 200,
      in: {
        on: 'the ledger (programme-wide)',
        allow: STAFF,
        request: () => ({ query: `from=${YEAR}&to=${YEAR}` }),
      },
    },
    'get /api/budget/years/{year}': {
      success: 200,
      in: {
        on: 'one year of the ledger, cluster by cluster (programme-wide)',
        allow: STAFF,
        request: () => ({ params: { year: String(YEAR) } }),
      },
    },
    // The writes send what the year already holds: no case changes what the next one sees.
    'put /api/budget/frames/{year}': {
      success: 200,
      in: {
        on: "a year's frame (programme-wide)",
        allow: ['operator_admin'],
        request: () => ({ params: { year: String(YEAR) }, body: { frameNok: 100_000_000 } }),
      },
    },
    'get /api/budget/price-index': {
      success: 200,
      in: { on: 'the price index (programme-wide)', allow: STAFF, request: () => ({}) },
    },
    'put /api/budget/price-index/{year}': {
      success: 200,
      in: {
        on: "a year's price index (programme-wide)",
        allow: ['operator_admin'],
        request: () => ({ params: { year: String(YEAR) }, body: { value: 150 } }),
      },
    },
    'get /api/budget/scenarios': {
      success: 200,
      in: {
        on: 'a cut scenario (programme-wide; changes nothing)',
        allow: STAFF,
        request: () => ({ query: `year=${YEAR}&cutPercent=30&untilYear=${YEAR}` }),
      },
    },
    'get /api/clusters/{slug}/commitments': {
      success: 200,
      in: {
        on: "a cluster's commitments (programme-wide)",
        allow: STAFF,
        request: () => ({ params: { slug: made.slug } }),
      },
    },
    // One krone of a million committed per caller: every allowed caller's payment fits.
    'post /api/clusters/{slug}/payments': {
      success: 201,
      in: {
        on: "a payment against a cluster's commitment (programme-wide)",
        allow: STAFF,
        request: () => ({
          params: { slug: made.slug },
          body: { engagementId: made.engagementId, year: YEAR, amountNok: 1, paidOn: `${YEAR}-03-01` },
        }),
      },
    },
  }),
});
