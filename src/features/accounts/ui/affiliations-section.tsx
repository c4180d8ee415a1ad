import { Button, Field, Heading, Input, Label, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { type AffiliationList, addAffiliation, removeAffiliation } from './api';
import { signUpMessages } from './sign-up-messages';

/** The organisations the signed-in person belongs to, by number: listed, added and taken off here. */
export function AffiliationsSection({ affiliations }: { affiliations: AffiliationList }) {
  const { t } = useLocale(signUpMessages);
  const [removeError, setRemoveError] = useState<unknown>();
  const add = useFormAction(async (fields, form) => {
    await browserApi.call(addAffiliation, { body: { orgnr: String(fields.get('orgnr') ?? '').trim() } });
    form.reset();
    refreshPage();
    return true;
  });
  const remove = async (orgnr: string) => {
    setRemoveError(undefined);
    try {
      await browserApi.call(removeAffiliation, { params: { orgnr } });
      refreshPage();
    } catch (caught) {
      setRemoveError(caught);
    }
  };
  return (
    <section className="stack" aria-labelledby="affiliations-heading">
      <Heading level={2} data-size="sm" id="affiliations-heading">
        {t('affiliations.title')}
      </Heading>
      <Paragraph data-size="sm">{t('affiliations.intro')}</Paragraph>
      {removeError !== undefined && <ProblemAlert title={t('affiliations.failed')} error={removeError} />}
      {affiliations.items.length === 0 ? (
        <Paragraph>{t('affiliations.none')}</Paragraph>
      ) : (
        <ul className="plain-list stack" data-testid="affiliations">
          {affiliations.items.map((affiliation) => (
            <li key={affiliation.orgnr} className="affiliation">
              <span>
                <a href={`/organisations/${affiliation.orgnr}`}>
                  {affiliation.name ?? t('affiliations.unknownName')}
                </a>{' '}
                <span className="muted">{affiliation.orgnr}</span>
              </span>
              <Button variant="secondary" data-size="sm" onClick={() => remove(affiliation.orgnr)}>
                {t('affiliations.remove', { orgnr: affiliation.orgnr })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {add.error !== undefined && (
        <ProblemAlert
          title={t('affiliations.failed')}
          error={add.error}
          labels={{ orgnr: t('affiliations.orgnr') }}
        />
      )}
      <form onSubmit={add.onSubmit} className="inline-form">
        <Field>
          <Label htmlFor="affiliation-orgnr">{t('affiliations.orgnr')}</Label>
          <Input
            id="affiliation-orgnr"
            name="orgnr"
            inputMode="numeric"
            autoComplete="off"
            required
            maxLength={11}
          />
        </Field>
        <div>
          <Button type="submit" disabled={add.busy}>
            {t('affiliations.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}
