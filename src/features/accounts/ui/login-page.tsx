import { Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { browserApi } from '../../../web/browser-api';
import { ProblemAlert } from '../../../web/components/problem-alert';
import { useLocale } from '../../../web/locale-context';

export type LoginPageData = { next: string };

/** Only a path on this site may follow a sign-in, never another site. */
export function safeNext(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage({ data }: { data: LoginPageData }) {
  const { t } = useLocale();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await browserApi.logIn(String(form.get('email')), String(form.get('password')));
      // A full load, so every part of the page is drawn for the signed-in account.
      window.location.assign(data.next);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('account.title')}
      </Heading>
      <Paragraph>{t('account.intro')}</Paragraph>
      {error !== undefined && <ProblemAlert title={t('account.failed')} error={error} />}
      <form method="post" onSubmit={onSubmit} className="stack">
        <Field>
          <Label htmlFor="login-email">{t('account.email')}</Label>
          <Input id="login-email" name="email" type="email" autoComplete="username" required />
        </Field>
        <Field>
          <Label htmlFor="login-password">{t('account.password')}</Label>
          <Input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        </Field>
        <div>
          <Button type="submit" disabled={busy}>
            {t('account.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link href="/reset-password">{t('account.forgot')}</Link>
      </Paragraph>
    </div>
  );
}
