import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { meRoute } from '../../accounts/accounts.routes';
import type { listClustersRoute } from '../../clusters/clusters.routes';
import type {
  checkApplicationRoute,
  getApplicationRoute,
  listApplicationsRoute,
  listApplyingClustersRoute,
  listAttachmentsRoute,
  requestInformationRoute,
  startApplicationRoute,
  submitApplicationRoute,
  updateApplicationRoute,
  withdrawApplicationRoute,
} from '../applications.routes';

export const listApplications = endpoint<typeof listApplicationsRoute>('get', '/api/applications');
export const getApplication = endpoint<typeof getApplicationRoute>('get', '/api/applications/{id}');
export const updateApplication = endpoint<typeof updateApplicationRoute>('patch', '/api/applications/{id}');
export const checkApplication = endpoint<typeof checkApplicationRoute>(
  'post',
  '/api/applications/{id}/check',
);
export const submitApplication = endpoint<typeof submitApplicationRoute>(
  'post',
  '/api/applications/{id}/submit',
);
export const withdrawApplication = endpoint<typeof withdrawApplicationRoute>(
  'post',
  '/api/applications/{id}/withdraw',
);
export const requestInformation = endpoint<typeof requestInformationRoute>(
  'post',
  '/api/applications/{id}/request-information',
);
export const listAttachments = endpoint<typeof listAttachmentsRoute>(
  'get',
  '/api/applications/{id}/attachments',
);
export const startApplication = endpoint<typeof startApplicationRoute>(
  'post',
  '/api/calls/{id}/applications',
);
export const listApplyingClusters = endpoint<typeof listApplyingClustersRoute>(
  'get',
  '/api/calls/{id}/applying-clusters',
);
/** The registry, for the clusters a hub-node may name as its hub. */
export const listClusters = endpoint<typeof listClustersRoute>('get', '/api/clusters');
export const me = endpoint<typeof meRoute>('get', '/api/auth/me');

export type ApplicationView = AnswerOf<typeof getApplication>;
export type ApplicationPage = AnswerOf<typeof listApplications>;
export type SectionView = ApplicationView['sections'][number];
export type AttachmentList = AnswerOf<typeof listAttachments>;
export type CheckResult = AnswerOf<typeof checkApplication>;
export type CheckProblem = CheckResult['problems'][number];
export type ApplyingClusters = AnswerOf<typeof listApplyingClusters>;

/** The attachments' upload: a multipart form, which the typed call (JSON only) does not send. */
export const attachmentsPath = (id: string) => `/api/applications/${encodeURIComponent(id)}/attachments`;
