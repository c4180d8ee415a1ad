import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type {
  getOrganisationRoute,
  listOrganisationsRoute,
  setActorTypeRoute,
  updateContactRoute,
} from '../organisations.routes';

export const getOrganisation = endpoint<typeof getOrganisationRoute>('get', '/api/organisations/{orgnr}');
export const listOrganisations = endpoint<typeof listOrganisationsRoute>('get', '/api/organisations');
export const setActorType = endpoint<typeof setActorTypeRoute>(
  'put',
  '/api/organisations/{orgnr}/actor-type',
);
export const updateContact = endpoint<typeof updateContactRoute>(
  'patch',
  '/api/organisations/{orgnr}/contact',
);

export type OrganisationPage = AnswerOf<typeof listOrganisations>;
