import { lazyPage } from '../../../web/kit/page';
import { canReadOutbox } from '../mail.policy';

export const pages = [
  lazyPage({
    id: 'outbox',
    path: '/outbox',
    module: () => import('./outbox-page'),
    nav: { label: { nb: 'Utboks', en: 'Outbox' }, visibleTo: canReadOutbox, place: 'account', rank: 20 },
  }),
];
