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
import { AuditPage, type AuditPageData, loadAuditPage } from '../features/audit/ui/audit-page';
import {
  type ClusterPageData,
  ClusterProfilePage,
  loadClusterPage,
} from '../features/clusters/ui/cluster-page';
import {
  type EditClusterData,
  EditClusterPage,
  loadEditCluster,
} from '../features/clusters/ui/edit-cluster-page';
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
import { loadPeoplePage, PeoplePage, type PeoplePageData } from '../features/personal-data/ui/people-page';
import { loadPersonPage, PersonPage, type PersonPageData } from '../features/personal-data/ui/person-page';
import { type ApiClient, ApiError } from './api-client';
import type { Translate } from './i18n';
import { ErrorPage, ForbiddenPage, NotFoundPage, SignInRequiredPage } from './pages/status-pages';

/** What a page shows; `status` is the HTTP status the server answers with. */
export type PageState =
  | { page: 'registry'; data: RegistryData }
  | { page: 'cluster'; data: ClusterPageData }
  | { page: 'edit_cluster'; data: EditClusterData }
  | { page: 'organisation'; data: OrganisationPageData }
  | { page: 'organisations'; data: OrganisationSearchData }
  | { page: 'login'; data: LoginPageData }
  | { page: 'account'; data: AccountPageData }
  | { page: 'invitations'; data: InvitationsPageData }
  | { page: 'accept_invitation'; data: AcceptInvitationData }
  | { page: 'request_reset' }
  | { page: 'complete_reset'; data: CompleteResetData }
  | { page: 'outbox'; data: OutboxPageData }
  | { page: 'audit'; data: AuditPageData }
  | { page: 'people'; data: PeoplePageData }
  | { page: 'person'; data: PersonPageData }
  | { page: 'sign_in_required'; next: string }
  | { page: 'forbidden' }
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
    pattern: /^\/clusters\/([^/]+)\/edit$/,
    load: async (api, _url, [slug]) => ({ page: 'edit_cluster', data: await loadEditCluster(api, slug!) }),
  },
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
  {
    pattern: /^\/account$/,
    load: async (api, url) => ({ page: 'account', data: await loadAccountPage(api, url) }),
  },
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
  // Audit trail and personal data: for signed-in roles only; the API decides who sees what.
  {
    pattern: /^\/audit$/,
    load: async (api, url) => ({ page: 'audit', data: await loadAuditPage(api, url) }),
  },
  {
    pattern: /^\/people$/,
    load: async (api, url) => ({ page: 'people', data: await loadPeoplePage(api, url) }),
  },
  {
    pattern: /^\/people\/([^/]+)$/,
    load: async (api, _url, [id]) => ({ page: 'person', data: await loadPersonPage(api, id!) }),
  },
];

export function isPagePath(pathname: string): boolean {
  return ROUTES.some((route) => route.pattern.test(pathname));
}

/**
 * Loads what a URL shows. A resource the API does not know (404, or a malformed key: 422) is a
 * missing page; a page the API will not show without signing in (401) or to these roles (403)
 * says so.
 */
export async function loadPage(api: ApiClient, url: URL): Promise<PageState> {
  for (const route of ROUTES) {
    const match = route.pattern.exec(url.pathname);
    if (!match) continue;
    try {
      return await route.load(api, url, match.slice(1).map(decodeURIComponent));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 422))
        return { page: 'not_found' };
      if (error instanceof ApiError && error.status === 401)
        return { page: 'sign_in_required', next: `${url.pathname}${url.search}` };
      if (error instanceof ApiError && error.status === 403) return { page: 'forbidden' };
      throw error;
    }
  }
  return { page: 'not_found' };
}

export function pageStatus(state: PageState): number {
  if (state.page === 'not_found') return 404;
  if (state.page === 'sign_in_required') return 401;
  if (state.page === 'forbidden') return 403;
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
    case 'edit_cluster':
      return `${t('editCluster.title')}: ${state.data.cluster.name} – ${suffix}`;
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
    case 'audit':
      return `${t('audit.title')} – ${suffix}`;
    case 'people':
      return `${t('people.title')} – ${suffix}`;
    case 'person':
      return `${state.data.person.erasedAt ? t('people.erased') : state.data.person.name} – ${suffix}`;
    case 'sign_in_required':
      return `${t('access.signInTitle')} – ${suffix}`;
    case 'forbidden':
      return `${t('access.forbiddenTitle')} – ${suffix}`;
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
    case 'edit_cluster':
      return <EditClusterPage data={state.data} />;
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
    case 'audit':
      return <AuditPage data={state.data} url={url} />;
    case 'people':
      return <PeoplePage data={state.data} url={url} />;
    case 'person':
      return <PersonPage data={state.data} />;
    case 'sign_in_required':
      return <SignInRequiredPage next={state.next} />;
    case 'forbidden':
      return <ForbiddenPage />;
    case 'not_found':
      return <NotFoundPage />;
    case 'error':
      return <ErrorPage />;
  }
}
