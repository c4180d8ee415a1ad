import { defineAccessRows, EVERYONE, SIGNED_IN } from '../../testing/access-matrix';

export const organisationsAccess = defineAccessRows({
  rows: (m) => ({
    // ── Public register reads; classifying; an organisation's own contact details ───────────────
    'get /api/organisations': {
      success: 200,
      in: { on: 'the register copy (public)', allow: EVERYONE, request: () => ({}) },
    },
    'get /api/organisations/{orgnr}': {
      success: 200,
      in: {
        on: 'any organisation (public; its contact details for signed-in readers only)',
        allow: SIGNED_IN,
        withheld: ['anonymous'],
        holds: (response) => response.body.contact !== null,
        request: () => ({ params: { orgnr: m.organisationB.orgnr } }),
      },
    },
    'put /api/organisations/{orgnr}/actor-type': {
      success: 200,
      in: {
        on: 'organisation A, a partner in cluster A',
        allow: ['operator_admin', 'programme_staff', 'cluster_manager'],
        request: () => ({ params: { orgnr: m.organisationA.orgnr }, body: { actorType: 'sme' } }),
      },
      out: {
        on: 'organisation B, a partner in cluster B only',
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({ params: { orgnr: m.organisationB.orgnr }, body: { actorType: 'sme' } }),
      },
    },
    'patch /api/organisations/{orgnr}/contact': {
      success: 200,
      in: {
        on: 'organisation A',
        allow: ['operator_admin', 'programme_staff', 'partner_contact'],
        request: () => ({ params: { orgnr: m.organisationA.orgnr }, body: { phone: '+47 22 00 00 01' } }),
      },
      out: {
        on: 'organisation B',
        allow: ['operator_admin', 'programme_staff'],
        request: () => ({ params: { orgnr: m.organisationB.orgnr }, body: { phone: '+47 22 00 00 02' } }),
      },
    },
  }),
});
