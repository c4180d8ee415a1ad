import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { getApplicationRoute } from '../../applications/applications.routes';
import type { getCallRoute } from '../../calls/calls.routes';
import type { getProgrammeRoute } from '../../programme/programme.routes';
import type {
  draftDecisionRoute,
  extendEngagementRoute,
  getAnnouncementRoute,
  getApplicationDecisionRoute,
  getRoundRoute,
  listClusterEngagementsRoute,
  publishRoundRoute,
} from '../decisions.routes';

export const getRound = endpoint<typeof getRoundRoute>('get', '/api/calls/{id}/decisions');
export const draftDecision = endpoint<typeof draftDecisionRoute>('put', '/api/applications/{id}/decision');
export const getApplicationDecision = endpoint<typeof getApplicationDecisionRoute>(
  'get',
  '/api/applications/{id}/decision',
);
export const publishDecisions = endpoint<typeof publishRoundRoute>(
  'post',
  '/api/calls/{id}/publish-decisions',
);
export const getAnnouncement = endpoint<typeof getAnnouncementRoute>('get', '/api/calls/{id}/announcement');
/** A cluster's engagements with their ids, and the extension of one. */
export const listClusterEngagements = endpoint<typeof listClusterEngagementsRoute>(
  'get',
  '/api/clusters/{slug}/engagements',
);
export const extendEngagement = endpoint<typeof extendEngagementRoute>(
  'post',
  '/api/clusters/{slug}/engagements/{id}/extend',
);
/** The application and its call, to know whether a published decision can exist. */
export const getApplication = endpoint<typeof getApplicationRoute>('get', '/api/applications/{id}');
export const getCall = endpoint<typeof getCallRoute>('get', '/api/calls/{id}');
/** The programme's levels, for their names and durations. */
export const getProgramme = endpoint<typeof getProgrammeRoute>('get', '/api/programme');

export type RoundView = AnswerOf<typeof getRound>;
export type DecisionView = AnswerOf<typeof getApplicationDecision>;
export type AnnouncementView = AnswerOf<typeof getAnnouncement>;
export type ProgrammeView = AnswerOf<typeof getProgramme>;
export type ClusterEngagementsView = AnswerOf<typeof listClusterEngagements>;
