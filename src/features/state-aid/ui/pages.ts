import { lazyPage } from '../../../web/kit/page';

/** For programme staff; the API answers everyone else 401 or 403, and the page shows sign-in or no access. */
export const pages = [
  lazyPage({
    id: 'cluster_state_aid',
    path: '/clusters/{slug}/state-aid',
    module: () => import('./state-aid-page'),
  }),
];
