import { lazyPage } from '../../../web/kit/page';

/** `register` is kept from every cluster's slug, so this page never hides a cluster's profile. */
export const pages = [
  lazyPage({
    id: 'register_network',
    path: '/clusters/register',
    module: () => import('./register-network-page'),
  }),
];
