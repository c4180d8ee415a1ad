import { hasPermission } from '../../../shared/access';
import { lazyPage } from '../../../web/kit/page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The assessor's queue and assessment; programme staff's assignment and panel pages for a call. */
export const pages = [
  lazyPage({
    id: 'assessments',
    path: '/assessments',
    module: () => import('./queue-page'),
    // Everyone who may score has a queue, even an empty one.
    nav: {
      label: { nb: 'Mine vurderinger', en: 'My assessments' },
      visibleTo: (viewer) => hasPermission(viewer, 'assessments.score'),
      place: 'account',
      rank: 30,
    },
  }),
  lazyPage({
    id: 'assessment',
    path: '/assessments/{id}',
    match: { id: UUID },
    module: () => import('./assessment-page'),
  }),
  lazyPage({
    id: 'assign_assessors',
    path: '/calls/{id}/assessors',
    match: { id: UUID },
    module: () => import('./assign-page'),
  }),
  lazyPage({
    id: 'panel',
    path: '/calls/{id}/panel',
    match: { id: UUID },
    module: () => import('./panel-page'),
  }),
];
