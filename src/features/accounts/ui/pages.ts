import { lazyPage } from '../../../web/kit/page';
import { canInvite } from '../accounts.policy';

/** The links in invitation, password-reset and sign-up mails carry a token of 43 URL-safe characters. */
const LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const pages = [
  lazyPage({ id: 'login', path: '/login', module: () => import('./login-page') }),
  lazyPage({ id: 'account', path: '/account', module: () => import('./account-page') }),
  lazyPage({
    id: 'invitations',
    path: '/invitations',
    module: () => import('./invitations-page'),
    nav: {
      label: { nb: 'Invitasjoner', en: 'Invitations' },
      visibleTo: canInvite,
      place: 'account',
      rank: 10,
    },
  }),
  lazyPage({
    id: 'accept_invitation',
    path: '/invitations/{token}',
    match: { token: LINK_TOKEN },
    module: () => import('./accept-invitation-page'),
  }),
  lazyPage({ id: 'sign_up', path: '/sign-up', module: () => import('./sign-up-page') }),
  lazyPage({
    id: 'complete_sign_up',
    path: '/sign-up/{token}',
    match: { token: LINK_TOKEN },
    module: () => import('./complete-sign-up-page'),
  }),
  lazyPage({ id: 'request_reset', path: '/reset-password', module: () => import('./request-reset-page') }),
  lazyPage({
    id: 'complete_reset',
    path: '/reset-password/{token}',
    match: { token: LINK_TOKEN },
    module: () => import('./complete-reset-page'),
  }),
];
