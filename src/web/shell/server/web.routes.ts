import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../../server/http/context';
import { isLocale, negotiateLocale } from '../../../shared/localized';
import { createApi, type Fetcher } from '../../kit/api';
import type { PageEntry } from '../../kit/page';
import type { SlotFill } from '../../kit/slots';
import { pageLoader } from '../page-loader';
import type { Manifest } from './page-scripts';
import { renderPage } from './render';

export type WebDeps = {
  /** index.html with the placeholders render.tsx fills. */
  template: string;
  /** The directory Vite built (holding assets/), or undefined to serve rendered pages only. */
  distDir?: string;
  /** Which script each page's module became, to name it in the page for an early fetch. */
  manifest?: Manifest;
};

/** The built SPA if there is one; otherwise the source template, enough for server-rendered pages. */
export function loadWebAssets(distDir: string): WebDeps {
  const built = join(distDir, 'index.html');
  if (!existsSync(built))
    return { template: readFileSync(new URL('../index.html', import.meta.url), 'utf8') };
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  const manifest: Manifest | undefined = existsSync(manifestFile)
    ? JSON.parse(readFileSync(manifestFile, 'utf8'))
    : undefined;
  return { template: readFileSync(built, 'utf8'), distDir, manifest };
}

function localeOf(c: Context<AppEnv>) {
  const query = c.req.query('lang');
  if (isLocale(query) && getCookie(c, 'lang') !== query) {
    setCookie(c, 'lang', query, { path: '/', maxAge: 31_536_000, sameSite: 'Lax' });
  }
  return negotiateLocale({
    query,
    cookie: getCookie(c, 'lang'),
    acceptLanguage: c.req.header('accept-language'),
  });
}

/** Public pages rendered on the server (readable without JavaScript), and the SPA's static files. */
/** `apiFor(cookie)` calls the app's own API in-process as the visitor (their session cookie passed on). */
export function webRoutes(
  deps: WebDeps,
  pageList: readonly PageEntry[],
  apiFor: (cookie: string | undefined) => Fetcher,
  slotFills: readonly SlotFill[] = [],
) {
  const app = new Hono<AppEnv>();
  const pages = pageLoader(pageList, slotFills);
  if (deps.distDir) {
    app.use(
      '/assets/*',
      serveStatic({
        root: deps.distDir,
        onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.get('/favicon.svg', serveStatic({ path: join(deps.distDir, 'favicon.svg') }));
  }
  app.get('*', async (c, next) => {
    const url = new URL(c.req.url);
    if (!pages.isPagePath(url.pathname)) return next();
    const fetcher = apiFor(c.req.header('cookie'));
    // A page the API could not answer for want of its database passes on when to try again.
    let retryAfter: string | null = null;
    const { status, html } = await renderPage({
      pages,
      api: createApi(async (path, init) => {
        const response = await fetcher(path, init);
        if (response.status === 503) retryAfter ??= response.headers.get('retry-after');
        return response;
      }),
      url,
      locale: localeOf(c),
      viewer: c.var.actor,
      template: deps.template,
      manifest: deps.manifest,
      onError: (error) => c.var.logger.error({ err: error }, 'page rendering failed'),
    });
    c.header('vary', 'Accept-Language, Cookie');
    if (status === 503 && retryAfter) c.header('retry-after', retryAfter);
    return c.html(html, status as 200);
  });
  return app;
}

/** The "no such page" page for any other path. */
export async function renderNotFound(
  c: Context<AppEnv>,
  template: string,
  pageList: readonly PageEntry[],
): Promise<Response> {
  const { html } = await renderPage({
    pages: pageLoader(pageList),
    api: createApi(() => Promise.reject(new Error('not used'))),
    url: new URL(c.req.url),
    locale: localeOf(c),
    viewer: c.var.actor,
    template,
    view: { kind: 'not_found' },
  });
  return c.html(html, 404);
}
