import { Button, Link } from '@digdir/designsystemet-react';
import type { Locale } from '../../../shared/localized';
import { browserApi } from '../../../web/kit/browser-api';
import { useLocale } from '../../../web/kit/locale-context';
import { useViewer } from '../../../web/kit/viewer-context';
import { logout } from './api';

/** A link the shell puts in the menu: the pages features declare with `nav.place: 'account'`. */
type MenuLink = { path: string; label: Readonly<Record<Locale, string>> };

/** Sign-in link, or who is signed in with their links and a sign-out button. */
export function AccountMenu({ url, links }: { url: URL; links: readonly MenuLink[] }) {
  const { locale, t } = useLocale();
  const viewer = useViewer();
  if (viewer.kind === 'anonymous') {
    // From the front page or the sign-in page there is nothing to return to: sign-in lands on /home.
    const here = url.pathname === '/login' || (url.pathname === '/' && !url.search);
    const href = here ? '/login' : `/login?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`;
    return <Link href={href}>{t('account.signIn')}</Link>;
  }
  const signOut = async () => {
    await browserApi.call(logout);
    window.location.reload();
  };
  return (
    <span className="account-menu">
      {links.map((link) => (
        <Link key={link.path} href={link.path}>
          {link.label[locale]}
        </Link>
      ))}
      <Link href="/account" data-testid="signed-in-as">
        {t('account.signedInAs', { name: viewer.name })}
      </Link>
      <Button variant="tertiary" data-size="sm" onClick={signOut}>
        {t('account.signOut')}
      </Button>
    </span>
  );
}
