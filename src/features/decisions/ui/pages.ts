import { lazyPage } from '../../../web/kit/page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Programme staff's round of decisions and a cluster's extension, the applicant's decision, and a published round's announcement. */
export const pages = [
  lazyPage({
    id: 'decisions',
    path: '/calls/{id}/decisions',
    match: { id: UUID },
    module: () => import('./round-page'),
  }),
  lazyPage({
    id: 'decision',
    path: '/applications/{id}/decision',
    match: { id: UUID },
    module: () => import('./decision-page'),
  }),
  lazyPage({
    id: 'extend_engagement',
    path: '/clusters/{slug}/extend',
    module: () => import('./extend-page'),
  }),
  lazyPage({
    id: 'announcement',
    path: '/calls/{id}/announcement',
    match: { id: UUID },
    module: () => import('./announcement-page'),
  }),
];
