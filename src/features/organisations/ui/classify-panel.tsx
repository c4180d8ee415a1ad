import { Alert, Button, Field, Heading, Label, Select } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { announceAction, useClearOnOtherAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { ACTOR_TYPE_LABELS } from '../../../web/kit/messages';
import { refreshPage } from '../../../web/kit/navigation';
import { useViewer } from '../../../web/kit/viewer-context';
import { ACTOR_TYPES, type ActorType } from '../actor-type';
import type { OrganisationView } from '../organisations.contract';
import { canClassifyAnywhere } from '../organisations.policy';
import { setActorType } from './api';
import { organisationMessages } from './messages';

/** Override the derived actor type (programme staff, or the manager of a cluster it is partner in). */
export function ClassifyPanel({ organisation }: { organisation: OrganisationView }) {
  const { t } = useLocale(organisationMessages);
  const viewer = useViewer();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const source = useClearOnOtherAction(useCallback(() => setSaved(false), []));
  // The page does not know the organisation's cluster ids; the service judges this organisation.
  if (!canClassifyAnywhere(viewer)) return null;

  const save = async (actorType: ActorType | null) => {
    announceAction(source);
    setError(undefined);
    setSaved(false);
    try {
      await browserApi.call(setActorType, { params: { orgnr: organisation.orgnr }, body: { actorType } });
      setSaved(true);
      refreshPage();
    } catch (caught) {
      setError(caught);
    }
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save(String(new FormData(event.currentTarget).get('actorType')) as ActorType);
  };

  return (
    <section className="panel" aria-labelledby="classify-heading">
      <Heading level={2} data-size="xs" id="classify-heading">
        {t('classify.title')}
      </Heading>
      {saved && (
        <Alert data-color="success" role="status">
          {t('classify.saved')}
        </Alert>
      )}
      {error !== undefined && <ProblemAlert title={t('classify.failed')} error={error} />}
      <form onSubmit={onSubmit} onInput={() => setSaved(false)} className="registry__filters">
        <Field>
          <Label htmlFor="classify-type">{t('organisation.actorType')}</Label>
          <Select id="classify-type" name="actorType" defaultValue={organisation.actorType}>
            {ACTOR_TYPES.map((type) => (
              <Select.Option key={type} value={type}>
                {t(ACTOR_TYPE_LABELS[type])}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div className="registry__actions">
          <Button type="submit">{t('classify.submit')}</Button>
          {organisation.actorTypeOverridden && (
            <Button type="button" variant="secondary" onClick={() => void save(null)}>
              {t('classify.reset')}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
