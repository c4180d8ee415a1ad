import { renderToString } from 'react-dom/server';
import type { Actor } from '../../../shared/access';
import type { Locale } from '../../../shared/localized';
import { type Api, ApiError } from '../../kit/api';
import { App } from '../app';
import { type PageLoader, type PageView, pageState, pageStatus, pageTitle } from '../page-loader';
import { APP_STATE_ELEMENT_ID, type AppState, serializeState } from '../state';
import { type Manifest, pageScripts } from './page-scripts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function head(view: PageView, locale: Locale, manifest: Manifest | undefined): string {
  if (view.kind !== 'page') return '';
  const meta = view.page.description?.(view.data, locale);
  // The page's own script, fetched while the entry script loads rather than after it asks for it.
  const preloads = pageScripts(manifest, view.page.source).map(
    (file) => `<link rel="modulepreload" crossorigin href="/${escapeHtml(file)}">`,
  );
  return [meta ? `<meta name="description" content="${escapeHtml(meta.slice(0, 300))}">` : '', ...preloads]
    .filter(Boolean)
    .join('\n    ');
}

/** Renders a page to HTML on the server; the browser hydrates the same tree from the embedded state. */
export async function renderPage(input: {
  pages: PageLoader;
  api: Api;
  url: URL;
  locale: Locale;
  viewer: Actor;
  template: string;
  manifest?: Manifest;
  onError?: (error: unknown) => void;
  view?: PageView;
}): Promise<{ status: number; html: string }> {
  const { url, locale, template, viewer } = input;
  let unavailable = false;
  const view =
    input.view ??
    (await input.pages.loadPage(input.api, url).catch((error: unknown): PageView => {
      input.onError?.(error);
      // The API could not reach the database: the same "try again shortly" page, answered 503 so
      // that browsers, crawlers and proxies know it will pass.
      unavailable = error instanceof ApiError && error.status === 503;
      return { kind: 'error' };
    }));
  const href = `${url.pathname}${url.search}`;
  const body = renderToString(
    <App
      locale={locale}
      href={href}
      view={view}
      viewer={viewer}
      nav={input.pages.nav}
      slotFills={input.pages.slotFills}
    />,
  );
  const state: AppState = { locale, href, state: pageState(view), viewer };
  const html = template
    // Function replacements, so a "$" in the content is never read as a replacement pattern.
    .replace('<html lang="nb"', () => `<html lang="${locale}"`)
    .replace('<title>Klynge</title>', () => `<title>${escapeHtml(pageTitle(view, locale))}</title>`)
    .replace('<!--app-head-->', () => head(view, locale, input.manifest))
    .replace('<!--app-html-->', () => body)
    .replace(
      '<!--app-state-->',
      () => `<script id="${APP_STATE_ELEMENT_ID}" type="application/json">${serializeState(state)}</script>`,
    );
  return { status: unavailable ? 503 : pageStatus(view), html };
}
