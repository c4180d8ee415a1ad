import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Paragraph,
} from '@digdir/designsystemet-react';
import { COUNTIES } from '../../../shared/counties';
import { SECTIONS } from '../../../shared/sectors';
import { type Api, ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import { canRegisterFormingNetwork } from '../forming-networks.policy';
import { me, registerFormingNetwork } from './api';
import { formingNetworkMessages } from './messages';

/** The form is for a person signed in; anyone else is asked to sign in first. */
async function loadRegisterNetwork(api: Api): Promise<null> {
  const viewer = await api.call(me);
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to register a network.' });
  return null;
}

const text = (fields: FormData, name: string) => String(fields.get(name) ?? '').trim();

function RegisterNetworkPage() {
  const { locale, t } = useLocale(formingNetworkMessages);
  const viewer = useViewer();
  const register = useFormAction(async (fields) => {
    const network = await browserApi.call(registerFormingNetwork, {
      body: {
        name: text(fields, 'name'),
        counties: fields.getAll('counties').map(String),
        sectors: fields.getAll('sectors').map(String),
        hostOrgnr: text(fields, 'hostOrgnr'),
      },
    });
    // A full load: the viewer holds a new role, which every part of the page should know.
    window.location.assign(`/clusters/${network.slug}`);
    return network;
  });
  const labels = {
    name: t('network.name'),
    counties: t('network.counties'),
    sectors: t('network.sectors'),
    hostOrgnr: t('network.host'),
  };
  return (
    <div className="stack edit-form">
      <Heading level={1} data-size="lg">
        {t('network.title')}
      </Heading>
      <Paragraph>{t('network.intro')}</Paragraph>
      <Paragraph data-size="sm">{t('network.private')}</Paragraph>
      {register.error !== undefined && (
        <ProblemAlert title={t('network.failed')} error={register.error} labels={labels} />
      )}
      <form onSubmit={register.onSubmit} className="stack" data-testid="register-network-form">
        <Field>
          <Label htmlFor="network-name">{labels.name}</Label>
          <Input id="network-name" name="name" required minLength={2} maxLength={200} />
        </Field>
        <Fieldset>
          <Fieldset.Legend>{labels.counties}</Fieldset.Legend>
          <div className="checkbox-columns">
            {COUNTIES.map((county) => (
              <Checkbox key={county.code} name="counties" value={county.code} label={county.name} />
            ))}
          </div>
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{labels.sectors}</Fieldset.Legend>
          <Fieldset.Description>{t('network.sectorsHelp')}</Fieldset.Description>
          <div className="checkbox-columns">
            {SECTIONS.map((section) => (
              <Checkbox key={section.code} name="sectors" value={section.code} label={section[locale]} />
            ))}
          </div>
        </Fieldset>
        <Field>
          <Label htmlFor="network-host">{labels.hostOrgnr}</Label>
          <Field.Description>{t('network.hostHelp')}</Field.Description>
          <Input id="network-host" name="hostOrgnr" inputMode="numeric" autoComplete="off" required />
        </Field>
        <div>
          <Button type="submit" disabled={register.busy || !canRegisterFormingNetwork(viewer)}>
            {t('network.submit')}
          </Button>
        </div>
      </form>
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: formingNetworkMessages,
  load: loadRegisterNetwork,
  title: (_data, t) => t('network.title'),
  Component: RegisterNetworkPage,
});
