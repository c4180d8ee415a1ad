import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocale } from '../locale-context';

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('error.notFoundTitle')}
      </Heading>
      <Paragraph>{t('error.notFoundBody')}</Paragraph>
      <Link href="/">{t('error.backToRegistry')}</Link>
    </div>
  );
}

export function ErrorPage() {
  const { t } = useLocale();
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('error.title')}
      </Heading>
      <Paragraph>{t('error.body')}</Paragraph>
      <Link href="/">{t('error.backToRegistry')}</Link>
    </div>
  );
}

export function SignInRequiredPage({ url }: { url: URL }) {
  const { t } = useLocale();
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('signInRequired.title')}
      </Heading>
      <Paragraph>{t('signInRequired.body')}</Paragraph>
      <Link href={`/login?next=${encodeURIComponent(`${url.pathname}${url.search}`)}`}>
        {t('account.signIn')}
      </Link>
    </div>
  );
}
