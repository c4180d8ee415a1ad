import {
  type AcceptInvitationData,
  AcceptInvitationPage,
  loadAcceptInvitation,
} from '../features/accounts/ui/accept-invitation-page';
import { AccountPage, type AccountPageData, loadAccountPage } from '../features/accounts/ui/account-page';
import {
  InvitationsPage,
  type InvitationsPageData,
  loadInvitationsPage,
} from '../features/accounts/ui/invitations-page';
import { LoginPage, type LoginPageData, loadLoginPage } from '../features/accounts/ui/login-page';
import {
  type CompleteResetData,
  CompleteResetPage,
  RequestResetPage,
} from '../features/accounts/ui/reset-password-pages';
import {
  type ClusterPageData,
  ClusterProfilePage,
  loadClusterPage,
} from '../features/clusters/ui/cluster-page';
import { loadRegistry, type RegistryData, RegistryPage } from '../features/clusters/ui/registry-page';
import { loadOutbox, OutboxPage, type OutboxPageData } from '../features/mail/ui/outbox-page';
import {
  loadOrganisationPage,
  OrganisationPage,
  type OrganisationPageData,
} from '../features/organisations/ui/organisation-page';
import {
  loadOrganisationSearch,
  type OrganisationSearchData,
  OrganisationSearchPage,
} from '../features/organisations/ui/organisation-search-page';
import { type ApiClient, ApiError } from './api-client';
import type { Translate } from './i18n';
import { ErrorPage, NotFoundPage, SignInRequiredPage } from './pages/status-pages';

/** What a page shows; `status` is the HTTP status the server answers with. */
export type PageState =
  | { page: 'registry'; data: RegistryData }
  | { page: 'cluster'; data: ClusterPageData }
  | { page: 'organisation'; data: OrganisationPageData }
  | { page: 'organisations'; data: OrganisationSearchData }
  | { page: 'login'; data: LoginPageData }
  | { page: 'account'; data: AccountPageData }
  | { page: 'invitations'; data: InvitationsPageData }
  | { page: 'accept_invitation'; data: AcceptInvitationData }
  | { page: 'request_reset' }
  | { page: 'complete_reset'; data: CompleteResetData }
  | { page: 'outbox'; data: OutboxPageData }
  | { page: 'sign_in_required' }
  | { page: 'not_found' }
  | { page: 'error' };

type Route = {
  pattern: RegExp;
  load(api: ApiClient, url: URL, params: string[]): Promise<PageState>;
};

/** The public pages, each with a stable URL that also works without JavaScript. */
const ROUTES: Route[] = [
  { pattern: /^\/$/, load: async (api, url) => ({ page: 'registry', data: await loadRegistry(api, url) }) },
  {
    pattern: /^\/clusters\/([^/]+)$/,
    load: async (api, url, [slug]) => ({ page: 'cluster', data: await loadClusterPage(api, url, slug!) }),
  },
  {
    pattern: /^\/login$/,
    load: async (api, url) => ({ page: 'login', data: await loadLoginPage(api, url) }),
  },
  {
    pattern: /^\/organisations$/,
    load: async (api, url) => ({ page: 'organisations', data: await loadOrganisationSearch(api, url) }),
  },
  {
    pattern: /^\/organisations\/([^/]+)$/,
    load: async (api, _url, [orgnr]) => ({
      page: 'organisation',
      data: await loadOrganisationPage(api, orgnr!),
    }),
  },
  { pattern: /^\/account$/, load: async (api) => ({ page: 'account', data: await loadAccountPage(api) }) },
  {
    pattern: /^\/invitations$/,
    load: async (api, url) => ({ page: 'invitations', data: await loadInvitationsPage(api, url) }),
  },
  {
    pattern: /^\/invitations\/([A-Za-z0-9_-]{43})$/,
    load: async (api, _url, [token]) => ({
      page: 'accept_invitation',
      data: await loadAcceptInvitation(api, token!),
    }),
  },
  { pattern: /^\/reset-password$/, load: async () => ({ page: 'request_reset' }) },
  {
    pattern: /^\/reset-password\/([A-Za-z0-9_-]{43})$/,
    load: async (_api, _url, [token]) => ({ page: 'complete_reset', data: { token: token! } }),
  },
  { pattern: /^\/outbox$/, load: async (api, url) => ({ page: 'outbox', data: await loadOutbox(api, url) }) },
];

export function isPagePath(pathname: string): boolean {
  return ROUTES.some((route) => route.pattern.test(pathname));
}

/** Loads what a URL shows. A resource the API does not know (404, or a malformed key: 422) is a missing page. */
export async function loadPage(api: ApiClient, url: URL): Promise<PageState> {
  for (const route of ROUTES) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    try {
      return await route.load(api, url, match.slice(1).map(decodeURIComponent));
    } catch (error) {
      // A page the visitor may not see is missing, as the API's answer for it is.
      if (error instanceof ApiError && [403, 404, 422].includes(error.status)) return { page: 'not_found' };
      if (error instanceof ApiError && error.status === 401) return { page: 'sign_in_required' };
      throw error;
    }
  }
  return { page: 'not_found' };
}

export function pageStatus(state: PageState): number {
  if (state.page === 'not_found') return 404;
  if (state.page === 'sign_in_required') return 401;
  if (state.page === 'error') return 500;
  return 200;
}

export function pageTitle(state: PageState, t: Translate): string {
  const suffix = `${t('app.name')}`;
  switch (state.page) {
    case 'registry':
      return `${t('registry.title')} – ${suffix}`;
    case 'cluster':
      return `${state.data.cluster.name} – ${suffix}`;
    case 'organisation':
      return `${state.data.organisation.name} – ${suffix}`;
    case 'organisations':
      return `${t('organisations.title')} – ${suffix}`;
    case 'login':
      return `${t('account.title')} – ${suffix}`;
    case 'account':
      return `${t('myAccount.title')} – ${suffix}`;
    case 'invitations':
      return `${t('invitations.title')} – ${suffix}`;
    case 'accept_invitation':
      return `${t('accept.title')} – ${suffix}`;
    case 'request_reset':
      return `${t('reset.title')} – ${suffix}`;
    case 'complete_reset':
      return `${t('reset.newTitle')} – ${suffix}`;
    case 'outbox':
      return `${t('outbox.title')} – ${suffix}`;
    case 'sign_in_required':
      return `${t('signInRequired.title')} – ${suffix}`;
    case 'not_found':
      return `${t('error.notFoundTitle')} – ${suffix}`;
    case 'error':
      return `${t('error.title')} – ${suffix}`;
  }
}

export function PageView({ state, url }: { state: PageState; url: URL }) {
  switch (state.page) {
    case 'registry':
      return <RegistryPage data={state.data} url={url} />;
    case 'cluster':
      return <ClusterProfilePage data={state.data} url={url} />;
    case 'organisation':
      return <OrganisationPage data={state.data} />;
    case 'organisations':
      return <OrganisationSearchPage data={state.data} url={url} />;
    case 'login':
      return <LoginPage data={state.data} />;
    case 'account':
      return <AccountPage data={state.data} />;
    case 'invitations':
      return <InvitationsPage data={state.data} url={url} />;
    case 'accept_invitation':
      return <AcceptInvitationPage data={state.data} />;
    case 'request_reset':
      return <RequestResetPage />;
    case 'complete_reset':
      return <CompleteResetPage data={state.data} />;
    case 'outbox':
      return <OutboxPage data={state.data} url={url} />;
    case 'sign_in_required':
      return <SignInRequiredPage url={url} />;
    case 'not_found':
      return <NotFoundPage />;
    case 'error':
      return <ErrorPage />;
  }
}
