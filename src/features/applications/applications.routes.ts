import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../server/http/app-error';
import type { AppEnv } from '../../server/http/context';
import { PROBLEM_CONTENT_TYPE, problemBody, problemResponses } from '../../server/http/problem';
import { defineRoute } from '../../server/http/route';
import { createRouter } from '../../server/http/router';
import { siteOrigin } from '../../server/http/site';
import { negotiateLocale } from '../../shared/localized';
import { CallIdParamSchema } from '../calls/calls.contract';
import {
  ApplicationIdParamSchema,
  ApplicationPageSchema,
  ApplicationSchema,
  ApplyingClusterListSchema,
  AttachmentListSchema,
  AttachmentParamSchema,
  AttachmentSchema,
  CheckResultSchema,
  ListApplicationsQuerySchema,
  RequestInformationBodySchema,
  SectionConflictSchema,
  type SectionView,
  StartApplicationBodySchema,
  SubmitApplicationBodySchema,
  UpdateApplicationBodySchema,
} from './applications.contract';
import {
  addAttachment,
  checkApplicationNow,
  getApplication,
  listApplications,
  listApplyingClusters,
  listAttachments,
  openAttachment,
  requestInformation,
  saveApplicationSections,
  startApplication,
  submitApplication,
  withdrawApplication,
} from './applications.service';
import { streamedUpload } from './streamed-upload';

const applicationResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ApplicationSchema } },
});

/** The language the caller reads: mail about the application is written in it. */
function readerLanguage(c: Context<AppEnv>) {
  return negotiateLocale({ cookie: getCookie(c, 'lang'), acceptLanguage: c.req.header('accept-language') });
}

export const startApplicationRoute = defineRoute({
  method: 'post',
  operationId: 'startApplication',
  path: '/api/calls/{id}/applications',
  gate: 'signed_in',
  tags: ['Applications'],
  summary: "Start a cluster's (or a forming network's) application for a level of an open call",
  description:
    "With clusterSlug, a cluster the caller manages or works for applies; with formingNetwork, the network is registered in the same step and the caller becomes its manager. One application per cluster, call and level; the draft's project owner is the cluster's host.",
  request: {
    params: CallIdParamSchema,
    body: { content: { 'application/json': { schema: StartApplicationBodySchema } }, required: true },
  },
  responses: {
    201: applicationResponse('The new draft'),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const listApplyingClustersRoute = defineRoute({
  method: 'get',
  operationId: 'listApplyingClusters',
  path: '/api/calls/{id}/applying-clusters',
  gate: 'signed_in',
  tags: ['Applications'],
  summary:
    'The clusters and forming networks the caller may apply for in a call, with their applications in it',
  request: { params: CallIdParamSchema },
  responses: {
    200: {
      description: 'The clusters the caller manages or works for, by name',
      content: { 'application/json': { schema: ApplyingClusterListSchema } },
    },
    ...problemResponses(401, 404, 422, 500),
  },
});

export const listApplicationsRoute = defineRoute({
  method: 'get',
  operationId: 'listApplications',
  path: '/api/applications',
  gate: 'signed_in',
  tags: ['Applications'],
  summary: "The caller's own applications (their clusters'), or every application for programme staff",
  request: { query: ListApplicationsQuerySchema },
  responses: {
    200: {
      description: 'A page of applications, newest first',
      content: { 'application/json': { schema: ApplicationPageSchema } },
    },
    ...problemResponses(401, 422, 500),
  },
});

export const getApplicationRoute = defineRoute({
  method: 'get',
  operationId: 'getApplication',
  path: '/api/applications/{id}',
  gate: 'signed_in',
  tags: ['Applications'],
  summary: 'An application with its sections, and what the caller may do with it now',
  request: { params: ApplicationIdParamSchema },
  responses: {
    200: applicationResponse('The application'),
    ...problemResponses(401, 404, 422, 500),
  },
});

export const updateApplicationRoute = defineRoute({
  method: 'patch',
  operationId: 'updateApplication',
  path: '/api/applications/{id}',
  gate: 'applications.write',
  tags: ['Applications'],
  summary: 'Save sections, each from the version it was read at; all or none',
  description:
    'When any section was saved by someone else since the version sent, nothing is saved and the answer is 409 with the current text and version of each such section. A section is saved as typed; the check says what a submission needs.',
  request: {
    params: ApplicationIdParamSchema,
    body: { content: { 'application/json': { schema: UpdateApplicationBodySchema } }, required: true },
  },
  responses: {
    200: applicationResponse('Every section sent was saved'),
    409: {
      description:
        'Conflict (code conflict): a section was saved from an older version, nothing was saved and `conflicts` holds the current text; or (code invalid_state) the sections are not open for changes',
      content: { [PROBLEM_CONTENT_TYPE]: { schema: SectionConflictSchema } },
    },
    ...problemResponses(401, 403, 404, 422, 500),
  },
});

export const checkApplicationRoute = defineRoute({
  method: 'post',
  operationId: 'checkApplication',
  path: '/api/applications/{id}/check',
  gate: 'signed_in',
  tags: ['Applications'],
  summary: 'The rules a submission must keep, judged on the application as it is now',
  description:
    'The same rules, and messages, as submitting: the level is open in the call, the content a submission needs, valid and distinct partners, budget years inside the level, and for a hub-node its hub at Arena Pro or higher on the deadline day, five core partners that are companies and a project owner that is not a public body.',
  request: { params: ApplicationIdParamSchema },
  responses: {
    200: {
      description: 'What is wrong, field by field (nothing when ok)',
      content: { 'application/json': { schema: CheckResultSchema } },
    },
    ...problemResponses(401, 404, 422, 500),
  },
});

export const submitApplicationRoute = defineRoute({
  method: 'post',
  operationId: 'submitApplication',
  path: '/api/applications/{id}/submit',
  gate: 'applications.write',
  tags: ['Applications'],
  summary: 'Submit before the deadline (to the second, Europe/Oslo), or send back requested information',
  description:
    "Refused after the call's deadline, and with every broken rule as a field error. A receipt with a copy of what was submitted is mailed to the submitter in their language.",
  request: {
    params: ApplicationIdParamSchema,
    body: { content: { 'application/json': { schema: SubmitApplicationBodySchema } }, required: false },
  },
  responses: {
    200: applicationResponse('The submitted application'),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const withdrawApplicationRoute = defineRoute({
  method: 'post',
  operationId: 'withdrawApplication',
  path: '/api/applications/{id}/withdraw',
  gate: 'applications.write',
  tags: ['Applications'],
  summary: "Withdraw an application before the call's deadline",
  request: { params: ApplicationIdParamSchema },
  responses: {
    200: applicationResponse('The withdrawn application'),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const requestInformationRoute = defineRoute({
  method: 'post',
  operationId: 'requestApplicationInformation',
  path: '/api/applications/{id}/request-information',
  gate: 'applications.review',
  tags: ['Applications'],
  summary: 'Ask the applicant for more information: reopen named sections until a date',
  request: {
    params: ApplicationIdParamSchema,
    body: { content: { 'application/json': { schema: RequestInformationBodySchema } }, required: true },
  },
  responses: {
    200: applicationResponse('The application, reopened'),
    ...problemResponses(401, 403, 404, 409, 422, 500),
  },
});

export const listAttachmentsRoute = defineRoute({
  method: 'get',
  operationId: 'listApplicationAttachments',
  path: '/api/applications/{id}/attachments',
  gate: 'signed_in',
  tags: ['Applications'],
  summary: "The application's attachments, oldest first",
  request: { params: ApplicationIdParamSchema },
  responses: {
    200: {
      description: 'Every attachment (at most 30)',
      content: { 'application/json': { schema: AttachmentListSchema } },
    },
    ...problemResponses(401, 404, 422, 500),
  },
});

export const addAttachmentRoute = defineRoute({
  method: 'post',
  operationId: 'addApplicationAttachment',
  path: '/api/applications/{id}/attachments',
  gate: 'applications.write',
  tags: ['Applications'],
  summary: 'Attach a file: PDF, DOCX, XLSX, PNG or JPEG, recognised by its content, at most 10 MB',
  description:
    'Sent as multipart/form-data with the file in the field `file`, as a browser form and `curl -F file=@budget.pdf` send it. The name the file had is kept for showing; what it is comes from its bytes.',
  request: {
    params: ApplicationIdParamSchema,
    body: {
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', format: 'binary' } },
            required: ['file'],
          },
        },
      },
      required: true,
    },
  },
  responses: {
    201: { description: 'The attachment', content: { 'application/json': { schema: AttachmentSchema } } },
    ...problemResponses(401, 403, 404, 409, 413, 422, 500),
  },
});

export const downloadAttachmentRoute = defineRoute({
  method: 'get',
  operationId: 'downloadApplicationAttachment',
  path: '/api/applications/{id}/attachments/{attachmentId}',
  gate: 'signed_in',
  tags: ['Applications'],
  summary: "An attachment's bytes, under the name it was uploaded with",
  request: { params: AttachmentParamSchema },
  responses: {
    200: {
      description: 'The file, as its content was recognised',
      content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
    },
    ...problemResponses(401, 404, 422, 500),
  },
});

/**
 * A Content-Disposition that keeps the uploader's name: plain ASCII for old clients, and the
 * exact name in UTF-8 (RFC 6266) for the rest.
 */
function dispositionOf(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The 409 of a save from a stale version: a problem with the current text of each stale section. */
function sectionConflict(c: Context<AppEnv>, conflicts: SectionView[]): Response {
  const problem = problemBody(
    new AppError(
      'conflict',
      `Someone else saved ${conflicts.map((s) => s.key).join(', ')} since you read it; nothing was saved.`,
    ),
    new URL(c.req.url).pathname,
    c.var.requestId,
  );
  return new Response(JSON.stringify({ ...problem, conflicts }), {
    status: 409,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
  });
}

export const applicationRoutes = createRouter()
  .openapi(startApplicationRoute, async (c) =>
    c.json(
      await startApplication(c.var, c.req.valid('param').id, c.req.valid('json'), readerLanguage(c)),
      201,
    ),
  )
  .openapi(listApplyingClustersRoute, async (c) =>
    c.json(await listApplyingClusters(c.var, c.req.valid('param').id), 200),
  )
  .openapi(listApplicationsRoute, async (c) =>
    c.json(await listApplications(c.var, c.req.valid('query')), 200),
  )
  .openapi(getApplicationRoute, async (c) =>
    c.json(await getApplication(c.var, c.req.valid('param').id), 200),
  )
  .openapi(updateApplicationRoute, async (c) => {
    const result = await saveApplicationSections(c.var, c.req.valid('param').id, c.req.valid('json'));
    return 'saved' in result ? c.json(result.saved, 200) : (sectionConflict(c, result.conflicts) as never);
  })
  .openapi(checkApplicationRoute, async (c) =>
    c.json(await checkApplicationNow(c.var, c.req.valid('param').id), 200),
  )
  .openapi(submitApplicationRoute, async (c) => {
    const language = c.req.valid('json').language ?? readerLanguage(c);
    const input = { language, siteOrigin: siteOrigin(c) };
    return c.json(await submitApplication(c.var, c.req.valid('param').id, input), 200);
  })
  .openapi(withdrawApplicationRoute, async (c) =>
    c.json(await withdrawApplication(c.var, c.req.valid('param').id), 200),
  )
  .openapi(requestInformationRoute, async (c) =>
    c.json(await requestInformation(c.var, c.req.valid('param').id, c.req.valid('json'), siteOrigin(c)), 200),
  )
  .openapi(listAttachmentsRoute, async (c) =>
    c.json(await listAttachments(c.var, c.req.valid('param').id), 200),
  )
  .openapi(addAttachmentRoute, async (c) => {
    // The file is read only when the service asks for it, after it has settled who may attach;
    // whatever the answer, the rest of the body is read before it is sent.
    const upload = streamedUpload(c.req.raw);
    try {
      return c.json(await addAttachment(c.var, c.req.valid('param').id, upload.read, c.var.files), 201);
    } finally {
      await upload.settle();
    }
  })
  .openapi(downloadAttachmentRoute, async (c) => {
    const { id, attachmentId } = c.req.valid('param');
    const { attachment, content } = await openAttachment(c.var, id, attachmentId, c.var.files);
    return new Response(Readable.toWeb(content) as ReadableStream, {
      headers: {
        'content-type': attachment.mediaType,
        'content-length': String(attachment.sizeBytes),
        'content-disposition': dispositionOf(attachment.fileName),
        'x-content-type-options': 'nosniff',
      },
    }) as never;
  });
