import { defineAccessRows, EVERYONE } from '../../testing/access-matrix';
import { nextOrgnr } from '../organisations/organisations.seed';

export const membershipsAccess = defineAccessRows({
  rows: (m) => ({
    'get /api/clusters/{slug}/members': {
      success: 200,
      in: {
        on: "any cluster's partners (public)",
        allow: EVERYONE,
        request: () => ({ params: { slug: m.clusterB.slug } }),
      },
    },
    // ── A cluster's partner list: its managers their own, programme staff any ───────────────────
    'post /api/clusters/{slug}/members': {
      success: 201,
      in: {
        on: 'cluster A, with a new organisation',
        allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
        request: () => ({
          params: { slug: m.clusterA.slug },
          body: { orgnr: nextOrgnr(), name: 'Ny Partner AS' },
        }),
      },
      out: {
        on: 'cluster B, with a new organisation',
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({
          params: { slug: m.clusterB.slug },
          body: { orgnr: nextOrgnr(), name: 'Ny Partner AS' },
        }),
      },
    },
    'patch /api/clusters/{slug}/members/{orgnr}': {
      success: 200,
      in: {
        on: "organisation A's partnership in cluster A",
        allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
        request: () => ({
          params: { slug: m.clusterA.slug, orgnr: m.organisationA.orgnr },
          body: { agreementSignedOn: '2020-01-01' },
        }),
      },
      out: {
        on: "organisation B's partnership in cluster B",
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({
          params: { slug: m.clusterB.slug, orgnr: m.organisationB.orgnr },
          body: { agreementSignedOn: '2020-01-01' },
        }),
      },
    },
  }),
});
