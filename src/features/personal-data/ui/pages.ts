import { lazyPage } from '../../../web/kit/page';

/** For operators only; the API decides who may find, export or erase a person. */
export const pages = [
  lazyPage({ id: 'people', path: '/people', module: () => import('./people-page') }),
  lazyPage({ id: 'person', path: '/people/{id}', module: () => import('./person-page') }),
];
