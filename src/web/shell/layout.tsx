import { Link, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { AccountMenu } from '../../features/accounts/ui/account-menu';
import { canListApplications } from '../../features/applications/applications.policy';
import { canReadAuditTrail } from '../../features/audit/audit.policy';
import { canManagePersons } from '../../features/personal-data/personal-data.policy';
import { useLocale } from '../kit/locale-context';
import { withQuery } from '../kit/url';
import { useViewer } from '../kit/viewer-context';
import type { NavLink } from './page-loader';

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
            {nav.map((link) => (
              <Link key={link.path} href={link.path}>
                {link.label[locale]}
              </Link>
            ))}
            {canListApplications(viewer) && <Link href="/applications">{t('nav.applications')}</Link>}
            {canReadAuditTrail(viewer) && <Link href="/audit">{t('nav.audit')}</Link>}
            {canManagePersons(viewer) && <Link href="/people">{t('nav.people')}</Link>}
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
            <AccountMenu url={url} />
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
