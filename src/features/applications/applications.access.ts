import { defineAccessRows, hasItem, SIGNED_IN, type Who } from '../../testing/access-matrix';
import { samplePdf } from '../../testing/sample-files';
import { createCall } from '../calls/calls.seed';
import { insertAttachment } from './applications.queries';
import { completeSections, createApplication } from './applications.seed';

const WRITERS = ['cluster_manager', 'cluster_staff'] as const satisfies readonly Who[];
const STAFF = ['operator_admin', 'programme_staff'] as const satisfies readonly Who[];
const READERS = [...WRITERS, ...STAFF];
const OUTSIDERS = ['assessor', 'partner_contact'] as const satisfies readonly Who[];

/** An open call, and an application of cluster A and one of cluster B in it, made once. */
const made = {} as { call: string; a: string; b: string; attachmentA: string; attachmentB: string };

let networks = 0;

export const applicationsAccess = defineAccessRows({
  setup: async (m) => {
    made.call = (await createCall(m.t.db, { status: 'open' })).id;
    made.a = (await createApplication(m.t.db, { callId: made.call, clusterId: m.clusterA.id })).id;
    made.b = (await createApplication(m.t.db, { callId: made.call, clusterId: m.clusterB.id })).id;
    const { hash, size } = await m.t.files.put(samplePdf(), { maxBytes: 1_000_000 });
    const attach = async (applicationId: string) =>
      (
        await insertAttachment(m.t.db, {
          applicationId,
          fileName: 'vedlegg.pdf',
          mediaType: 'application/pdf',
          sizeBytes: size,
          sha256: hash,
          uploadedByName: 'Matrisen',
        })
      ).id;
    made.attachmentA = await attach(made.a);
    made.attachmentB = await attach(made.b);
  },
  rows: (m) => {
    /** A draft of cluster A (or B) for each caller, so no case changes what the next one sees. */
    const freshDraft = async (cluster: 'A' | 'B', complete = false) => {
      const call = await createCall(m.t.db, { status: 'open' });
      const clusterId = cluster === 'A' ? m.clusterA.id : m.clusterB.id;
      const sections = complete
        ? completeSections({
            level: 'arena',
            ownerOrgnr: m.organisationA.orgnr,
            partners: [{ orgnr: m.organisationA.orgnr }],
            firstYear: 2026,
          })
        : {};
      return (await createApplication(m.t.db, { callId: call.id, clusterId, sections })).id;
    };
    const freshSubmitted = async () => {
      const call = await createCall(m.t.db, { status: 'open' });
      return (
        await createApplication(m.t.db, { callId: call.id, clusterId: m.clusterA.id, status: 'submitted' })
      ).id;
    };
    return {
      'post /api/calls/{id}/applications': {
        success: 201,
        in: {
          on: "an open call, for the caller's own cluster (a call of its own for each caller)",
          allow: WRITERS,
          request: async () => ({
            params: { id: (await createCall(m.t.db, { status: 'open' })).id },
            body: { level: 'arena', clusterSlug: m.clusterA.slug },
          }),
        },
        out: {
          on: "an open call, for someone else's cluster",
          allow: [],
          request: async () => ({
            params: { id: (await createCall(m.t.db, { status: 'open' })).id },
            body: { level: 'arena', clusterSlug: m.clusterB.slug },
          }),
        },
        also: [
          {
            // A session of its own: the caller becomes the network's manager, which must not
            // change what the shared sessions may do in the rows after this one.
            on: 'an open call, for a forming network registered in the same step',
            allow: SIGNED_IN,
            request: async ({ who }) => ({
              cookie: await m.freshSession(who),
              params: { id: made.call },
              body: {
                level: 'arena',
                formingNetwork: {
                  name: `Søkernettverk ${process.pid} ${++networks}`,
                  counties: ['18'],
                  sectors: ['C'],
                  hostOrgnr: m.organisationA.orgnr,
                },
              },
            }),
          },
        ],
      },
      'get /api/calls/{id}/applying-clusters': {
        success: 200,
        in: {
          on: "an open call, with the caller's own cluster",
          allow: WRITERS,
          withheld: ['operator_admin', 'programme_staff', 'assessor', 'partner_contact'],
          holds: (response) =>
            response.body.items.some(
              (item: { slug: string; applications: { id: string }[] }) =>
                item.slug === m.clusterA.slug && item.applications.some((a) => a.id === made.a),
            ),
          request: () => ({ params: { id: made.call } }),
        },
        out: {
          on: "an open call, with someone else's cluster",
          allow: [],
          withheld: SIGNED_IN,
          holds: (response) =>
            response.body.items.some((item: { slug: string }) => item.slug === m.clusterB.slug),
          request: () => ({ params: { id: made.call } }),
        },
      },
      'get /api/applications': {
        success: 200,
        in: {
          on: "an application of the caller's cluster",
          allow: READERS,
          withheld: OUTSIDERS,
          holds: hasItem(() => made.a),
          request: () => ({ query: `call=${made.call}&pageSize=100` }),
        },
        out: {
          on: "someone else's cluster's application",
          allow: STAFF,
          withheld: [...WRITERS, ...OUTSIDERS],
          holds: hasItem(() => made.b),
          request: () => ({ query: `call=${made.call}&pageSize=100` }),
        },
      },
      'get /api/applications/{id}': {
        success: 200,
        in: {
          on: "the caller's cluster's application",
          allow: READERS,
          hidden: OUTSIDERS,
          request: () => ({ params: { id: made.a } }),
        },
        out: {
          on: "someone else's cluster's application",
          allow: STAFF,
          hidden: [...WRITERS, ...OUTSIDERS],
          request: () => ({ params: { id: made.b } }),
        },
      },
      // Each writer saves a draft of their own from its first version.
      'patch /api/applications/{id}': {
        success: 200,
        in: {
          on: "a draft of the caller's cluster",
          allow: WRITERS,
          request: async () => ({
            params: { id: await freshDraft('A') },
            body: { sections: { background: { body: { text: 'Matrisen skriver.' }, version: 0 } } },
          }),
        },
        out: {
          on: "a draft of someone else's cluster",
          allow: [],
          hidden: WRITERS,
          request: async () => ({
            params: { id: await freshDraft('B') },
            body: { sections: { background: { body: { text: 'Matrisen skriver.' }, version: 0 } } },
          }),
        },
      },
      'post /api/applications/{id}/check': {
        success: 200,
        in: {
          on: "the caller's cluster's application",
          allow: READERS,
          hidden: OUTSIDERS,
          request: () => ({ params: { id: made.a } }),
        },
        out: {
          on: "someone else's cluster's application",
          allow: STAFF,
          hidden: [...WRITERS, ...OUTSIDERS],
          request: () => ({ params: { id: made.b } }),
        },
      },
      'post /api/applications/{id}/submit': {
        success: 200,
        in: {
          on: "a complete draft of the caller's cluster, one for each caller",
          allow: WRITERS,
          request: async () => ({ params: { id: await freshDraft('A', true) }, body: {} }),
        },
        out: {
          on: "a complete draft of someone else's cluster",
          allow: [],
          hidden: WRITERS,
          request: async () => ({ params: { id: await freshDraft('B', true) }, body: {} }),
        },
      },
      'post /api/applications/{id}/withdraw': {
        success: 200,
        in: {
          on: "a draft of the caller's cluster, one for each caller",
          allow: WRITERS,
          request: async () => ({ params: { id: await freshDraft('A') } }),
        },
        out: {
          on: "a draft of someone else's cluster",
          allow: [],
          hidden: WRITERS,
          request: async () => ({ params: { id: await freshDraft('B') } }),
        },
      },
      'post /api/applications/{id}/request-information': {
        success: 200,
        in: {
          on: 'a submitted application, one for each caller',
          allow: STAFF,
          request: async () => ({
            params: { id: await freshSubmitted() },
            body: {
              sections: ['budget'],
              until: '2026-07-01T12:00:00+02:00',
              message: 'Hvem finansierer det tredje året?',
            },
          }),
        },
      },
      'get /api/applications/{id}/attachments': {
        success: 200,
        in: {
          on: "the caller's cluster's application",
          allow: READERS,
          hidden: OUTSIDERS,
          request: () => ({ params: { id: made.a } }),
        },
        out: {
          on: "someone else's cluster's application",
          allow: STAFF,
          hidden: [...WRITERS, ...OUTSIDERS],
          request: () => ({ params: { id: made.b } }),
        },
      },
      // The matrix sends JSON, which is no file: a caller who gets as far as the content is refused
      // for it (422), after the gate and the policy have let them through. Uploads that succeed are
      // in applications.routes.test.ts.
      'post /api/applications/{id}/attachments': {
        success: 422,
        in: {
          on: "a draft of the caller's cluster, sent something that is not a file",
          allow: WRITERS,
          request: () => ({ params: { id: made.a }, body: { file: 'not a file' } }),
        },
        out: {
          on: "a draft of someone else's cluster",
          allow: [],
          hidden: WRITERS,
          request: () => ({ params: { id: made.b }, body: { file: 'not a file' } }),
        },
      },
      'get /api/applications/{id}/attachments/{attachmentId}': {
        success: 200,
        in: {
          on: "a file of the caller's cluster's application",
          allow: READERS,
          hidden: OUTSIDERS,
          request: () => ({ params: { id: made.a, attachmentId: made.attachmentA } }),
        },
        out: {
          on: "a file of someone else's cluster's application",
          allow: STAFF,
          hidden: [...WRITERS, ...OUTSIDERS],
          request: () => ({ params: { id: made.b, attachmentId: made.attachmentB } }),
        },
      },
    };
  },
});
