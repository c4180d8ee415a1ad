import { ANONYMOUS } from '../../shared/access';
import { defineAccessRows } from '../../testing/access-matrix';
import { recordAudit } from './record-audit';

/** The entity id of an audit event the setup records in cluster A or B, to look for in the trail. */
const eventIn = (cluster: 'a' | 'b') => `matrix-change-in-${cluster}`;

export const auditAccess = defineAccessRows({
  async setup(m) {
    for (const [entityId, cluster] of [
      [eventIn('a'), m.clusterA],
      [eventIn('b'), m.clusterB],
    ] as const) {
      await recordAudit(
        m.t.db,
        { actor: ANONYMOUS, clock: m.t.clock },
        { action: 'cluster.updated', entityType: 'cluster', entityId, clusterId: cluster.id },
      );
    }
  },
  // ── The audit trail: programme roles all of it, cluster managers their own cluster's ─────────
  rows: () => ({
    'get /api/audit-actions': {
      success: 200,
      in: {
        on: 'the actions recorded in the part of the trail the caller reads',
        allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
        holds: (response) => response.body.items.includes('cluster.updated'),
        request: () => ({}),
      },
    },
    'get /api/audit-events': {
      success: 200,
      in: {
        on: 'a change in cluster A',
        allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
        holds: (response) =>
          response.body.items.some((e: { entityId: string }) => e.entityId === eventIn('a')),
        request: () => ({ query: `entityId=${eventIn('a')}` }),
      },
      out: {
        on: 'a change in cluster B',
        allow: ['operator_admin', 'programme_staff'],
        withheld: ['cluster_manager'],
        holds: (response) =>
          response.body.items.some((e: { entityId: string }) => e.entityId === eventIn('b')),
        request: () => ({ query: `entityId=${eventIn('b')}` }),
      },
    },
    'get /api/audit-events.csv': {
      success: 200,
      in: {
        on: 'a change in cluster A',
        allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
        holds: (response) => String(response.body).includes(eventIn('a')),
        request: () => ({ query: `entityId=${eventIn('a')}` }),
      },
      out: {
        on: 'a change in cluster B',
        allow: ['operator_admin', 'programme_staff'],
        withheld: ['cluster_manager'],
        holds: (response) => String(response.body).includes(eventIn('b')),
        request: () => ({ query: `entityId=${eventIn('b')}` }),
      },
    },
  }),
});
