import { lazyPage } from '../../../web/kit/page';

/** The trail is for signed-in roles only; the API decides who sees which events. */
export const pages = [lazyPage({ id: 'audit', path: '/audit', module: () => import('./audit-page') })];
