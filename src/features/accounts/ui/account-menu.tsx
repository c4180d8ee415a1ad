import { Button, Link } from '@digdir/designsystemet-react';
import { hasPermission } from '../../../shared/access';
import { browserApi } from '../../../web/kit/browser-api';
import { useLocale } from '../../../web/kit/locale-context';
import { useViewer } from '../../../web/kit/viewer-context';
import { canReadOutbox } from '../../mail/mail.policy';
import { canInvite } from '../accounts.policy';
import { logout } from './api';

/** Sign-in link, or who is signed in with a sign-out button. */
export function AccountMenu({ url }: { url: URL }) {
  const { t } = useLocale();
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
      {canInvite(viewer) && <Link href="/invitations">{t('nav.invitations')}</Link>}
      {canReadOutbox(viewer) && <Link href="/outbox">{t('nav.outbox')}</Link>}
      {/* The assessor's queue belongs to a later feature; the permission says who has one. */}
      {hasPermission(viewer, 'assessments.score') && <Link href="/assessments">{t('nav.assessments')}</Link>}
      <Link href="/account" data-testid="signed-in-as">
        {t('account.signedInAs', { name: viewer.name })}
      </Link>
      <Button variant="tertiary" data-size="sm" onClick={signOut}>
        {t('account.signOut')}
      </Button>
    </span>
  );
}
