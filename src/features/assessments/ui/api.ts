import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { getProgrammeRoute } from '../../programme/programme.routes';
import type {
  assignAssessorRoute,
  closePanelRoute,
  completeAssessmentRoute,
  declareRoute,
  getAssessmentRoute,
  getPanelRoute,
  listAssessorsRoute,
  listMyAssessmentsRoute,
  reopenAssessmentRoute,
  saveScoresRoute,
  setInterviewNotesRoute,
  setRecommendationRoute,
  spreadAssessorsRoute,
} from '../assessments.routes';

export const listMyAssessments = endpoint<typeof listMyAssessmentsRoute>('get', '/api/assessments');
export const getAssessment = endpoint<typeof getAssessmentRoute>('get', '/api/assessments/{id}');
export const declare = endpoint<typeof declareRoute>('post', '/api/assessments/{id}/declaration');
export const saveScores = endpoint<typeof saveScoresRoute>('put', '/api/assessments/{id}/scores');
export const completeAssessment = endpoint<typeof completeAssessmentRoute>(
  'post',
  '/api/assessments/{id}/complete',
);
export const reopenAssessment = endpoint<typeof reopenAssessmentRoute>(
  'post',
  '/api/assessments/{id}/reopen',
);
export const listAssessors = endpoint<typeof listAssessorsRoute>('get', '/api/assessors');
export const assignAssessor = endpoint<typeof assignAssessorRoute>(
  'post',
  '/api/applications/{id}/assessments',
);
export const spreadAssessors = endpoint<typeof spreadAssessorsRoute>(
  'post',
  '/api/calls/{id}/assessments/spread',
);
export const getPanel = endpoint<typeof getPanelRoute>('get', '/api/calls/{id}/panel');
export const closePanel = endpoint<typeof closePanelRoute>('post', '/api/calls/{id}/panel/close');
export const setRecommendation = endpoint<typeof setRecommendationRoute>(
  'put',
  '/api/applications/{id}/recommendation',
);
export const setInterviewNotes = endpoint<typeof setInterviewNotesRoute>(
  'put',
  '/api/applications/{id}/interview-notes',
);
/** The programme's levels, for their names. */
export const getProgramme = endpoint<typeof getProgrammeRoute>('get', '/api/programme');

export type QueuePage = AnswerOf<typeof listMyAssessments>;
export type AssessmentView = AnswerOf<typeof getAssessment>;
export type PanelView = AnswerOf<typeof getPanel>;
export type AssessorPage = AnswerOf<typeof listAssessors>;
export type ProgrammeView = AnswerOf<typeof getProgramme>;
