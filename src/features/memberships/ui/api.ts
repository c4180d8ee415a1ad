import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { addMemberRoute, listMembersRoute, updateMemberRoute } from '../memberships.routes';

export const listMembers = endpoint<typeof listMembersRoute>('get', '/api/clusters/{slug}/members');
export const addMember = endpoint<typeof addMemberRoute>('post', '/api/clusters/{slug}/members');
export const updateMember = endpoint<typeof updateMemberRoute>(
  'patch',
  '/api/clusters/{slug}/members/{orgnr}',
);

export type MemberPage = AnswerOf<typeof listMembers>;
