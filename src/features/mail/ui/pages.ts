import { lazyPage } from '../../../web/kit/page';

export const pages = [lazyPage({ id: 'outbox', path: '/outbox', module: () => import('./outbox-page') })];
