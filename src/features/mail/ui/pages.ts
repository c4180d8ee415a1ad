import { lazyPage } from '../../../web/kit/page';

export const mailPages = [lazyPage({ id: 'outbox', path: '/outbox', module: () => import('./outbox-page') })];
