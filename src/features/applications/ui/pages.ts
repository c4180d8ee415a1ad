import { lazyPage } from '../../../web/kit/page';
import { canListApplications } from '../applications.policy';

/** A UUID: anything else under /applications/ is no application. */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const pages = [
  lazyPage({
    id: 'applications',
    path: '/applications',
    module: () => import('./applications-page'),
    nav: { label: { nb: 'Søknader', en: 'Applications' }, visibleTo: canListApplications, rank: 20 },
  }),
  lazyPage({
    id: 'application',
    path: '/applications/{id}',
    match: { id: ID },
    module: () => import('./application-page'),
  }),
  lazyPage({
    id: 'start_application',
    path: '/calls/{id}/apply',
    match: { id: ID },
    module: () => import('./start-application-page'),
  }),
];
