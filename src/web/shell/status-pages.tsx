import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocale } from '../kit/locale-context';

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

/** A page behind sign-in, reached without it: the way to sign in and come back. */
export function SignInRequiredPage({ next }: { next: string }) {
  const { t } = useLocale();
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('access.signInTitle')}
      </Heading>
      <Paragraph>{t('access.signInBody')}</Paragraph>
      <Link href={`/login?next=${encodeURIComponent(next)}`}>{t('account.signIn')}</Link>
    </div>
  );
}

export function ForbiddenPage() {
  const { t } = useLocale();
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('access.forbiddenTitle')}
      </Heading>
      <Paragraph>{t('access.forbiddenBody')}</Paragraph>
      <Link href="/">{t('error.backToRegistry')}</Link>
    </div>
  );
}
