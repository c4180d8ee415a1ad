import { Button, Dialog, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import type { PersonView } from '../personal-data.contract';
import { erasePerson } from './api';
import { personalDataMessages } from './messages';

/**
 * Erasing cannot be undone, so it takes two steps: open the dialog, then type the person's
 * e-mail address. The server checks the typed address again; a mismatch changes nothing.
 */
export function ErasePanel({ person }: { person: PersonView }) {
  const { t } = useLocale(personalDataMessages);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const confirmation = String(new FormData(event.currentTarget).get('confirmation') ?? '');
    setBusy(true);
    setError(undefined);
    try {
      await browserApi.call(erasePerson, { params: { id: person.id }, body: { confirmation } });
      setOpen(false);
      refreshPage();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="erase-heading">
      <Heading level={2} data-size="xs" id="erase-heading">
        {t('erase.title')}
      </Heading>
      <Paragraph>{t('erase.intro')}</Paragraph>
      <Button variant="secondary" data-color="danger" onClick={() => setOpen(true)}>
        {t('erase.open')}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        closeButton={t('erase.close')}
        aria-labelledby="erase-dialog-heading"
      >
        <Dialog.Block>
          <Heading level={2} data-size="xs" id="erase-dialog-heading">
            {t('erase.title')}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          <Paragraph>{t('erase.intro')}</Paragraph>
          {error !== undefined && <ProblemAlert title={t('erase.failed')} error={error} />}
          <form onSubmit={onSubmit} className="stack" data-testid="erase-form">
            <Field>
              <Label htmlFor="erase-confirmation">{t('erase.confirmLabel')}</Label>
              <Input id="erase-confirmation" name="confirmation" autoComplete="off" required />
            </Field>
            <div className="registry__actions">
              <Button type="submit" data-color="danger" disabled={busy}>
                {t('erase.submit')}
              </Button>
              <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
                {t('erase.cancel')}
              </Button>
            </div>
          </form>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}
