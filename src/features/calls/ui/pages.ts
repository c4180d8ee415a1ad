import { lazyPage } from '../../../web/kit/page';

/** A call's id is a UUID; anything else under /calls/ is no call (and `new` is the form). */
const CALL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const pages = [
  lazyPage({
    id: 'calls',
    path: '/calls',
    module: () => import('./calls-page'),
    nav: { label: { nb: 'Utlysninger', en: 'Calls' }, rank: 10 },
  }),
  lazyPage({ id: 'new_call', path: '/calls/new', module: () => import('./new-call-page') }),
  lazyPage({
    id: 'call',
    path: '/calls/{id}',
    match: { id: CALL_ID },
    module: () => import('./call-page'),
  }),
  lazyPage({
    id: 'edit_call',
    path: '/calls/{id}/edit',
    match: { id: CALL_ID },
    module: () => import('./edit-call-page'),
  }),
];
