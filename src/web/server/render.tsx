import { renderToString } from 'react-dom/server';
import type { Actor } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import type { ApiClient } from '../api-client';
import { App, type AppState } from '../app';
import { translator } from '../i18n';
import { loadPage, type PageState, pageStatus, pageTitle } from '../routes';
import { APP_STATE_ELEMENT_ID, serializeState } from '../state';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function description(state: PageState, locale: Locale): string | undefined {
  if (state.page === 'cluster')
    return state.data.cluster.description[locale] || state.data.cluster.description.nb;
  return undefined;
}

/** Renders a public page to HTML on the server; the browser hydrates the same tree from the embedded state. */
export async function renderPage(input: {
  api: ApiClient;
  url: URL;
  locale: Locale;
  viewer: Actor;
  template: string;
  onError?: (error: unknown) => void;
  state?: PageState;
}): Promise<{ status: number; html: string }> {
  const { url, locale, template } = input;
  const state =
    input.state ??
    (await loadPage(input.api, url).catch((error: unknown): PageState => {
      input.onError?.(error);
      return { page: 'error' };
    }));
  const appState: AppState = { locale, href: `${url.pathname}${url.search}`, state, viewer: input.viewer };
  const body = renderToString(<App {...appState} />);
  const meta = description(state, locale);
  const head = meta ? `<meta name="description" content="${escapeHtml(meta.slice(0, 300))}">` : '';
  const html = template
    // Function replacements, so a "$" in the content is never read as a replacement pattern.
    .replace('<html lang="nb"', () => `<html lang="${locale}"`)
    .replace(
      '<title>Klynge</title>',
      () => `<title>${escapeHtml(pageTitle(state, translator(locale)))}</title>`,
    )
    .replace('<!--app-head-->', () => head)
    .replace('<!--app-html-->', () => body)
    .replace(
      '<!--app-state-->',
      () =>
        `<script id="${APP_STATE_ELEMENT_ID}" type="application/json">${serializeState(appState)}</script>`,
    );
  return { status: pageStatus(state), html };
}
