import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';

// Each feature's own styles (`ui/styles.css`), found by name as its pages are, after the shell's.
import.meta.glob('../../features/*/ui/styles.css', { eager: true });

import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { me } from '../../features/accounts/ui/api';
import { ANONYMOUS } from '../../shared/access';
import { isLocale, negotiateLocale } from '../../shared/localized';
import { browserApi } from '../kit/browser-api';
import { onNavigateRequest, onRefreshRequest } from '../kit/navigation';
import { App } from './app';
import { type PageView, pageLoader, pageTitle } from './page-loader';
import { PAGES, SLOT_FILLS } from './pages';
import { APP_STATE_ELEMENT_ID, type AppState, type AppView } from './state';

const { isPagePath, loadPage, restorePage, nav, slotFills } = pageLoader(PAGES, SLOT_FILLS);

const api = browserApi;

function readCookie(name: string): string | undefined {
  return document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

function focusHeading() {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

/**
 * Takes over the server-rendered page: later links and filter forms load the next page's script and
 * data, then draw it in place.
 */
function Root({ initial }: { initial: AppView }) {
  const [app, setApp] = useState(initial);
  const current = useRef(app);
  current.current = app;
  const navigationId = useRef(0);

  const navigate = useCallback(async (href: string, mode: 'push' | 'replace' | 'pop') => {
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin || !isPagePath(url.pathname)) {
      window.location.assign(url);
      return;
    }
    const id = ++navigationId.current;
    const lang = url.searchParams.get('lang');
    const locale = isLocale(lang) ? lang : current.current.locale;
    // The server reads the same cookie; the Cookie Store API is not in every browser yet.
    // biome-ignore lint/suspicious/noDocumentCookie: see above
    if (isLocale(lang)) document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
    document.documentElement.dataset.loading = 'true';
    const view: PageView = await loadPage(api, url).catch(() => ({ kind: 'error' }));
    if (id !== navigationId.current) return;
    const path = `${url.pathname}${url.search}`;
    if (mode === 'push') window.history.pushState(null, '', path);
    if (mode === 'replace') window.history.replaceState(null, '', path);
    setApp({ locale, href: path, view, viewer: current.current.viewer });
    document.title = pageTitle(view, locale);
    document.documentElement.lang = locale;
    delete document.documentElement.dataset.loading;
    if (mode !== 'pop') {
      window.scrollTo(0, 0);
      requestAnimationFrame(focusHeading);
    }
  }, []);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const anchor = (event.target as Element | null)?.closest('a');
      if (
        !anchor ||
        anchor.target ||
        anchor.hasAttribute('download') ||
        anchor.hasAttribute('data-external-nav')
      )
        return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || !isPagePath(url.pathname)) return;
      event.preventDefault();
      void navigate(url.href, 'push');
    };
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target as HTMLFormElement;
      if (!form.hasAttribute('data-client-nav') || form.method.toLowerCase() !== 'get') return;
      event.preventDefault();
      // The attribute, not form.action: a field named "action" (the audit log has one) shadows the property.
      const url = new URL(form.getAttribute('action') ?? window.location.pathname, window.location.href);
      const params = new URLSearchParams();
      for (const [key, value] of new FormData(form))
        if (typeof value === 'string' && value !== '') params.set(key, value);
      url.search = params.toString();
      void navigate(url.href, 'push');
    };
    const onPop = () => void navigate(window.location.href, 'pop');
    const stopRefresh = onRefreshRequest(() => void navigate(window.location.href, 'pop'));
    const stopNavigate = onNavigateRequest(
      (href) => void navigate(new URL(href, window.location.href).href, 'push'),
    );
    document.addEventListener('click', onClick);
    document.addEventListener('submit', onSubmit);
    window.addEventListener('popstate', onPop);
    document.documentElement.dataset.hydrated = 'true';
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('submit', onSubmit);
      window.removeEventListener('popstate', onPop);
      stopRefresh();
      stopNavigate();
    };
  }, [navigate]);

  return <App {...app} nav={nav} slotFills={slotFills} />;
}

async function start() {
  const container = document.getElementById('root')!;
  const element = document.getElementById(APP_STATE_ELEMENT_ID);
  if (element?.textContent) {
    const { state, ...rest } = JSON.parse(element.textContent) as AppState;
    // The page's script before hydrating, so the first render in the browser matches the server's.
    const view = await restorePage(state);
    hydrateRoot(container, <Root initial={{ ...rest, view }} />);
    return;
  }
  // No server rendering (the Vite dev server): load the page here.
  const url = new URL(window.location.href);
  const locale = negotiateLocale({
    query: url.searchParams.get('lang'),
    cookie: readCookie('lang'),
    acceptLanguage: navigator.languages.join(','),
  });
  const [view, viewer] = await Promise.all([
    loadPage(api, url).catch((): PageView => ({ kind: 'error' })),
    api.call(me).catch(() => ANONYMOUS),
  ]);
  document.title = pageTitle(view, locale);
  createRoot(container).render(
    <Root initial={{ locale, href: `${url.pathname}${url.search}`, view, viewer }} />,
  );
}

void start();
