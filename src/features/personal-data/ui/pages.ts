import { lazyPage } from '../../../web/kit/page';
import { canManagePersons } from '../personal-data.policy';

/** For operators only; the API decides who may find, export or erase a person. */
export const pages = [
  lazyPage({
    id: 'people',
    path: '/people',
    module: () => import('./people-page'),
    nav: { label: { nb: 'Personer', en: 'People' }, visibleTo: canManagePersons, rank: 90 },
  }),
  lazyPage({ id: 'person', path: '/people/{id}', module: () => import('./person-page') }),
];
