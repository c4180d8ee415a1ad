import { defineAccessRows, SIGNED_IN } from '../../testing/access-matrix';

let registered = 0;

export const formingNetworksAccess = defineAccessRows({
  rows: (m) => ({
    // ── Registering a forming network: anyone with an account, who becomes its manager ─────────
    'post /api/clusters': {
      success: 201,
      in: {
        on: 'a new forming network, with a name of its own',
        allow: SIGNED_IN,
        request: () => ({
          body: {
            name: `Matrisenettverk ${process.pid} ${++registered}`,
            counties: ['18'],
            sectors: ['C'],
            hostOrgnr: m.organisationA.orgnr,
          },
        }),
      },
    },
  }),
});
