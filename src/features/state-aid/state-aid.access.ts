import { defineAccessRows } from '../../testing/access-matrix';

export const stateAidAccess = defineAccessRows({
  rows: (m) => ({
    // ── The state-aid clock: programme staff read any cluster's; a cluster's own people do not ──
    'get /api/clusters/{slug}/state-aid': {
      success: 200,
      in: {
        on: "cluster A's clock, which even its own managers do not read",
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({ params: { slug: m.clusterA.slug } }),
      },
      out: {
        on: "cluster B's clock",
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({ params: { slug: m.clusterB.slug } }),
      },
    },
  }),
});
