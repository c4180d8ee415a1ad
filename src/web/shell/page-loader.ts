import type { Actor } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import { type Api, ApiError } from '../kit/api';
import { translator } from '../kit/i18n';
import { kitMessages } from '../kit/messages';
import type { AnyPage, NavSpec, PageEntry, PageInput } from '../kit/page';
import { loadSlot, type SlotFill } from '../kit/slots';

/**
 * What a URL shows, as the server embeds it in the HTML: a feature's page, named by its id, with
 * its data, or one of the status pages.
 */
export type PageState =
  | { kind: 'page'; id: string; data: unknown }
  | { kind: 'sign_in_required'; next: string }
  | { kind: 'forbidden' | 'not_found' | 'error' };

/** A page state with the module that draws it; the module is loaded before anything renders. */
export type PageView = (Extract<PageState, { kind: 'page' }> & { page: AnyPage }) | StatusState;

type StatusState = Exclude<PageState, { kind: 'page' }>;

type Matcher = { entry: PageEntry; pattern: RegExp; names: string[] };

function matcherOf(entry: PageEntry): Matcher {
  const names: string[] = [];
  const source = entry.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { entry, pattern: new RegExp(`^${source}$`), names };
}

/**
 * Each segment of a pattern as 0 (literal) or 1 (a parameter). Among patterns that fit one path
 * (so have as many segments), the one with a literal where the other has a parameter sorts first:
 * `/clusters/register` is found before `/clusters/{slug}`. The browser and the server get the
 * pages in different orders (by file name, by the features' order) and must find the same page.
 */
function specificity(matcher: Matcher): string {
  return matcher.entry.path
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '1' : '0'))
    .join('');
}

/**
 * Finding and loading pages among a list of them: every feature's `ui/pages.ts`, which the
 * browser's bundle finds by name (`pages.ts` beside this file) and the server is given by the
 * feature list (`src/server/features.ts`).
 */
export function pageLoader(pages: readonly PageEntry[], slotFills: readonly SlotFill[] = []) {
  const matchers = pages
    .map(matcherOf)
    .sort((a, b) => (specificity(a) < specificity(b) ? -1 : specificity(a) > specificity(b) ? 1 : 0));
  const nav = navLinks(pages);

  /** The page at a path, with its parameters as they stand in the path (still percent-encoded). */
  function findPage(pathname: string): { entry: PageEntry; params: Record<string, string> } | undefined {
    for (const { entry, pattern, names } of matchers) {
      const found = pattern.exec(pathname);
      if (!found) continue;
      const params = Object.fromEntries(names.map((name, index) => [name, found[index + 1] ?? '']));
      const fits = Object.entries(entry.match ?? {}).every(
        ([name, rule]) => !rule || rule.test(params[name] ?? ''),
      );
      if (fits) return { entry, params };
    }
    return undefined;
  }

  return {
    /** The header links the features declare. */
    nav,

    /** Every feature's parts for other features' slots, for the shell to give the pages. */
    slotFills,

    isPagePath: (pathname: string): boolean => findPage(pathname) !== undefined,

    /** The declaration of the page at a path, if there is one. */
    pageEntryAt: (pathname: string): PageEntry | undefined => findPage(pathname)?.entry,

    /**
     * Loads what a URL shows: the page's module first, then its data. A resource the API does not
     * know (404, or a malformed key: 422) is a missing page; a page the API will not show without
     * signing in (401) or to these roles (403) says so.
     */
    async loadPage(api: Api, url: URL): Promise<PageView> {
      const found = findPage(url.pathname);
      if (!found) return { kind: 'not_found' };
      const { page } = await found.entry.module();
      try {
        const slot: PageInput<string>['slot'] = (name, props) => loadSlot(slotFills, api, name, props);
        const params = Object.fromEntries(
          Object.entries(found.params).map(([name, value]) => [name, decodeURIComponent(value)]),
        );
        return { kind: 'page', id: found.entry.id, data: await page.load(api, { params, url, slot }), page };
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 422))
          return { kind: 'not_found' };
        if (error instanceof ApiError && error.status === 401)
          return { kind: 'sign_in_required', next: `${url.pathname}${url.search}` };
        if (error instanceof ApiError && error.status === 403) return { kind: 'forbidden' };
        throw error;
      }
    },

    /** The view of a state the server embedded: the page's module is loaded, its data is as sent. */
    async restorePage(state: PageState): Promise<PageView> {
      if (state.kind !== 'page') return state;
      const entry = pages.find((candidate) => candidate.id === state.id);
      if (!entry) return { kind: 'error' };
      const { page } = await entry.module();
      return { ...state, page };
    },
  };
}

export type PageLoader = ReturnType<typeof pageLoader>;

/** A link a feature declares for one of its pages, in the header or the account menu. */
export type NavLink = NavSpec & { path: string };

/**
 * The links the features declare, by rank and then by path: the browser finds the pages in
 * another order than the server, and both must render the same header.
 */
export function navLinks(pages: readonly PageEntry[]): NavLink[] {
  return pages
    .flatMap((entry) => (entry.nav ? [{ ...entry.nav, path: entry.path }] : []))
    .sort((a, b) => (a.rank ?? 50) - (b.rank ?? 50) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The links of one place that this viewer is offered. */
export function linksFor(nav: readonly NavLink[], place: 'header' | 'account', viewer: Actor): NavLink[] {
  return nav.filter(
    (link) => (link.place ?? 'header') === place && (!link.visibleTo || link.visibleTo(viewer)),
  );
}

/** The view without its module, for embedding in the HTML. */
export function pageState(view: PageView): PageState {
  return view.kind === 'page' ? { kind: 'page', id: view.id, data: view.data } : view;
}

export function pageStatus(view: PageView): number {
  if (view.kind === 'not_found') return 404;
  if (view.kind === 'sign_in_required') return 401;
  if (view.kind === 'forbidden') return 403;
  if (view.kind === 'error') return 500;
  return 200;
}

export function pageTitle(view: PageView, locale: Locale): string {
  const t = translator(locale, kitMessages);
  const suffix = t('app.name');
  switch (view.kind) {
    case 'page':
      return `${view.page.title(view.data, locale)} – ${suffix}`;
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
