import { defineAccessRows, EVERYONE } from '../../testing/access-matrix';

export const clustersAccess = defineAccessRows({
  rows: (m) => ({
    // ── The cluster registry: public reads ──────────────────────────────────────────────────────
    'get /api/clusters': {
      success: 200,
      in: { on: 'the registry (public)', allow: EVERYONE, request: () => ({}) },
    },
    'get /api/clusters/{slug}': {
      success: 200,
      in: {
        on: 'any cluster (public)',
        allow: EVERYONE,
        request: () => ({ params: { slug: m.clusterB.slug } }),
      },
    },

    // ── Editing a cluster: its managers their own, programme staff any ──────────────────────────
    // The writes send values the cluster already holds: the gate and the policy answer the same,
    // and no case changes what the next one sees.
    'patch /api/clusters/{slug}': {
      success: 200,
      in: {
        on: 'cluster A',
        allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
        request: () => ({ params: { slug: m.clusterA.slug }, body: { foundedYear: 2015 } }),
      },
      out: {
        on: 'cluster B',
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({ params: { slug: m.clusterB.slug }, body: { foundedYear: 2015 } }),
      },
      also: [
        {
          on: "cluster A's name, which only the programme changes",
          allow: ['operator_admin', 'programme_staff'],
          request: () => ({ params: { slug: m.clusterA.slug }, body: { name: m.clusterA.name } }),
        },
      ],
    },
  }),
});
