import type { Actor } from '../shared/access';
import type { Locale } from '../shared/localized';
import { Layout } from './layout/layout';
import { LocaleProvider } from './locale-context';
import { type PageState, PageView } from './routes';
import { ViewerProvider } from './viewer-context';

/** Everything needed to draw a page, on the server and when the browser takes over. */
export type AppState = { locale: Locale; href: string; state: PageState; viewer: Actor };

export function App({ locale, href, state, viewer }: AppState) {
  const url = new URL(href, 'http://klynge.local');
  return (
    <LocaleProvider locale={locale}>
      <ViewerProvider value={viewer}>
        <Layout url={url}>
          <PageView state={state} url={url} />
        </Layout>
      </ViewerProvider>
    </LocaleProvider>
  );
}
