import { lazyPage } from '../../../web/kit/page';

/** A cluster's profile page is declared by memberships, which adds the partner list to it. */
export const pages = [
  lazyPage({ id: 'registry', path: '/', module: () => import('./registry-page') }),
  lazyPage({
    id: 'edit_cluster',
    path: '/clusters/{slug}/edit',
    module: () => import('./edit-cluster-page'),
  }),
];
