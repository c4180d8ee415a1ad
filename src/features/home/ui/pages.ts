import { lazyPage } from '../../../web/kit/page';

export const pages = [lazyPage({ id: 'home', path: '/home', module: () => import('./home-page') })];
