import { Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { AccountMenu } from '../../features/accounts/ui/account-menu';
import { useLocale } from '../kit/locale-context';
import { withQuery } from '../kit/url';
import { useViewer } from '../kit/viewer-context';
import { linksFor, type NavLink } from './page-loader';

export function Layout({
  url,
  nav,
  children,
}: {
  url: URL;
  nav: readonly NavLink[];
  children: React.ReactNode;
}) {
  const { locale, t } = useLocale();
  const viewer = useViewer();
  const other = locale === 'nb' ? 'en' : 'nb';
  return (
    <>
      <SkipLink href="#main">{t('nav.skipToContent')}</SkipLink>
      <header className="site-header">
        <div className="site-header__inner">
          <a href="/" className="site-header__brand">
            <span className="site-header__name">{t('app.name')}</span>
            <span className="site-header__tagline">{t('app.tagline')}</span>
          </a>
          <nav aria-label={t('nav.registry')} className="site-header__nav">
            <Link href="/">{t('nav.registry')}</Link>
            <Link href="/organisations">{t('nav.organisations')}</Link>
            {linksFor(nav, 'header', viewer).map((link) => (
              <Link key={link.path} href={link.path}>
                {link.label[locale]}
              </Link>
            ))}
            <Link href="/api/docs" data-external-nav>
              {t('nav.apiDocs')}
            </Link>
            <Link
              href={withQuery(url, { lang: other })}
              lang={other}
              hrefLang={other}
              data-testid="language-switch"
            >
              {t('nav.switchTo')}
            </Link>
            <AccountMenu url={url} links={linksFor(nav, 'account', viewer)} />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <Paragraph data-size="sm">{t('footer.about')}</Paragraph>
        <Paragraph data-size="sm">{t('footer.boundaries')}</Paragraph>
      </footer>
    </>
  );
}
