import { lazyPage } from '../../../web/kit/page';
import { PROGRAMME_SET_UP_PATH } from './api';

export const pages = [
  lazyPage({
    id: 'programme_setup',
    path: PROGRAMME_SET_UP_PATH,
    module: () => import('./programme-setup-page'),
  }),
];
