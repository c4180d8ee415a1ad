import { LocaleProvider } from '../kit/locale-context';
import { type SlotFill, SlotFillsProvider } from '../kit/slots';
import { ViewerProvider } from '../kit/viewer-context';
import { Layout } from './layout';
import type { NavLink, PageView } from './page-loader';
import type { AppView } from './state';
import { ErrorPage, ForbiddenPage, NotFoundPage, SignInRequiredPage } from './status-pages';

function PageContent({ view, url }: { view: PageView; url: URL }) {
  switch (view.kind) {
    case 'page':
      return view.page.render(view.data, url);
    case 'sign_in_required':
      return <SignInRequiredPage next={view.next} />;
    case 'forbidden':
      return <ForbiddenPage />;
    case 'not_found':
      return <NotFoundPage />;
    case 'error':
      return <ErrorPage />;
  }
}

export function App({
  locale,
  href,
  view,
  viewer,
  nav,
  slotFills,
}: AppView & { nav: readonly NavLink[]; slotFills: readonly SlotFill[] }) {
  const url = new URL(href, 'http://klynge.local');
  return (
    <LocaleProvider locale={locale}>
      <ViewerProvider value={viewer}>
        <SlotFillsProvider value={slotFills}>
          <Layout url={url} nav={nav}>
            <PageContent view={view} url={url} />
          </Layout>
        </SlotFillsProvider>
      </ViewerProvider>
    </LocaleProvider>
  );
}
