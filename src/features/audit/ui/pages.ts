import { lazyPage } from '../../../web/kit/page';
import { canReadAuditTrail } from '../audit.policy';

/** The trail is for signed-in roles only; the API decides who sees which events. */
export const pages = [
  lazyPage({
    id: 'audit',
    path: '/audit',
    module: () => import('./audit-page'),
    nav: { label: { nb: 'Revisjonslogg', en: 'Audit log' }, visibleTo: canReadAuditTrail, rank: 80 },
  }),
];
