import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph } from '@digdir/designsystemet-react';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { useViewer } from '../../../web/kit/viewer-context';
import type { OrganisationView } from '../organisations.contract';
import { canEditOrganisationContact } from '../organisations.policy';
import { updateContact } from './api';
import { organisationMessages } from './messages';

/**
 * The organisation's own contact details, for signed-in readers (the API leaves them out for
 * anyone else). Its partner contacts, and programme staff, change them here.
 */
export function ContactPanel({ organisation }: { organisation: OrganisationView }) {
  const { t } = useLocale(organisationMessages);
  const viewer = useViewer();
  const mayEdit = canEditOrganisationContact(viewer, organisation);
  const save = useFormAction(async (fields) => {
    const value = (name: string) => String(fields.get(name) ?? '').trim() || null;
    const saved = await browserApi.call(updateContact, {
      params: { orgnr: organisation.orgnr },
      body: { email: value('email'), phone: value('phone') },
    });
    refreshPage();
    return saved;
  });
  const contact = organisation.contact;
  if (!contact) return null;

  return (
    <section className="panel" aria-labelledby="contact-heading" data-testid="contact-panel">
      <Heading level={2} data-size="xs" id="contact-heading">
        {t('contact.title')}
      </Heading>
      <dl className="facts">
        <div>
          <dt>{t('contact.email')}</dt>
          <dd>
            {contact.email ? (
              <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
            ) : (
              t('contact.none')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('contact.phone')}</dt>
          <dd>{contact.phone ?? t('contact.none')}</dd>
        </div>
      </dl>
      {mayEdit && (
        <form
          onSubmit={save.onSubmit}
          onInput={save.onInput}
          className="registry__filters"
          data-testid="contact-form"
        >
          {save.result && (
            <Alert data-color="success" role="status">
              {t('contact.saved')}
            </Alert>
          )}
          {save.error !== undefined && (
            <ProblemAlert
              title={t('contact.failed')}
              error={save.error}
              labels={{ email: t('contact.email'), phone: t('contact.phone') }}
            />
          )}
          <Field>
            <Label htmlFor="contact-email">{t('contact.email')}</Label>
            <Input id="contact-email" name="email" type="email" defaultValue={contact.email ?? ''} />
          </Field>
          <Field>
            <Label htmlFor="contact-phone">{t('contact.phone')}</Label>
            <Input id="contact-phone" name="phone" type="tel" defaultValue={contact.phone ?? ''} />
          </Field>
          <div className="registry__actions">
            <Button type="submit" disabled={save.busy}>
              {t('contact.submit')}
            </Button>
          </div>
        </form>
      )}
      {!mayEdit && (
        <Paragraph data-size="sm" className="muted">
          {t('contact.keptBy')}
        </Paragraph>
      )}
    </section>
  );
}
