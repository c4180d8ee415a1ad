import { lazyPage } from '../../../web/kit/page';

export const pages = [
  lazyPage({
    id: 'organisations',
    path: '/organisations',
    module: () => import('./organisation-search-page'),
  }),
  lazyPage({
    id: 'organisation',
    path: '/organisations/{orgnr}',
    module: () => import('./organisation-page'),
  }),
];
