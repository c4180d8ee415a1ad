import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type {
  completePasswordResetRoute,
  endAllSessionsRoute,
  endSessionRoute,
  listSessionsRoute,
  loginRoute,
  logoutRoute,
  meRoute,
  myRolesRoute,
  requestPasswordResetRoute,
} from '../accounts.routes';
import type {
  addAffiliationRoute,
  listMyAffiliationsRoute,
  removeAffiliationRoute,
} from '../affiliations.routes';
import type { createApiTokenRoute, listApiTokensRoute, revokeApiTokenRoute } from '../api-tokens.routes';
import type {
  acceptInvitationRoute,
  createInvitationRoute,
  listInvitationsRoute,
  previewInvitationRoute,
  revokeInvitationRoute,
} from '../invitations.routes';
import type { completeSignUpRoute, previewSignUpRoute, requestSignUpRoute } from '../sign-up.routes';
import type { authMethodsRoute } from '../single-sign-on.routes';

export const me = endpoint<typeof meRoute>('get', '/api/auth/me');
export const login = endpoint<typeof loginRoute>('post', '/api/auth/login');
export const logout = endpoint<typeof logoutRoute>('post', '/api/auth/logout');
export const myRoles = endpoint<typeof myRolesRoute>('get', '/api/auth/roles');
export const authMethods = endpoint<typeof authMethodsRoute>('get', '/api/auth/methods');
export const listSessions = endpoint<typeof listSessionsRoute>('get', '/api/auth/sessions');
export const endSession = endpoint<typeof endSessionRoute>('delete', '/api/auth/sessions/{id}');
export const endAllSessions = endpoint<typeof endAllSessionsRoute>('delete', '/api/auth/sessions');
export const listApiTokens = endpoint<typeof listApiTokensRoute>('get', '/api/auth/tokens');
export const createApiToken = endpoint<typeof createApiTokenRoute>('post', '/api/auth/tokens');
export const revokeApiToken = endpoint<typeof revokeApiTokenRoute>('delete', '/api/auth/tokens/{id}');
export const requestPasswordReset = endpoint<typeof requestPasswordResetRoute>(
  'post',
  '/api/auth/password-reset',
);
export const completePasswordReset = endpoint<typeof completePasswordResetRoute>(
  'post',
  '/api/auth/password-reset/complete',
);
export const listInvitations = endpoint<typeof listInvitationsRoute>('get', '/api/invitations');
export const createInvitation = endpoint<typeof createInvitationRoute>('post', '/api/invitations');
export const revokeInvitation = endpoint<typeof revokeInvitationRoute>(
  'post',
  '/api/invitations/{id}/revoke',
);
export const previewInvitation = endpoint<typeof previewInvitationRoute>(
  'get',
  '/api/invitation-links/{token}',
);
export const acceptInvitation = endpoint<typeof acceptInvitationRoute>('post', '/api/invitations/accept');

export const requestSignUp = endpoint<typeof requestSignUpRoute>('post', '/api/auth/sign-up');
export const previewSignUp = endpoint<typeof previewSignUpRoute>('get', '/api/auth/sign-up-links/{token}');
export const completeSignUp = endpoint<typeof completeSignUpRoute>('post', '/api/auth/sign-up/complete');
export const listMyAffiliations = endpoint<typeof listMyAffiliationsRoute>('get', '/api/auth/affiliations');
export const addAffiliation = endpoint<typeof addAffiliationRoute>('post', '/api/auth/affiliations');
export const removeAffiliation = endpoint<typeof removeAffiliationRoute>(
  'delete',
  '/api/auth/affiliations/{orgnr}',
);

export type SessionList = AnswerOf<typeof listSessions>;
export type ApiTokenList = AnswerOf<typeof listApiTokens>;
export type InvitationPage = AnswerOf<typeof listInvitations>;
export type AffiliationList = AnswerOf<typeof listMyAffiliations>;
