import { type AnswerOf, endpoint } from '../../../web/kit/api';
import type { erasePersonRoute, getPersonRoute, listPersonsRoute } from '../personal-data.routes';

export const listPersons = endpoint<typeof listPersonsRoute>('get', '/api/persons');
export const getPerson = endpoint<typeof getPersonRoute>('get', '/api/persons/{id}');
// The erasure's answer is built from every feature's personal-data declaration, so its route is made per app.
export const erasePerson = endpoint<ReturnType<typeof erasePersonRoute>>('post', '/api/persons/{id}/erase');

export type PersonPage = AnswerOf<typeof listPersons>;
