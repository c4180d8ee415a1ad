import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Select,
  Textarea,
} from '@digdir/designsystemet-react';
import { COUNTIES } from '../../../shared/counties';
import { type Api, ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { goTo } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import type { ClusterProfile, UpdateClusterBody } from '../clusters.contract';
import { canChangeClusterName, canChangeClusterStatus, canEditClusterProfile } from '../clusters.policy';
import { getCluster, me, updateCluster } from './api';
import { clusterMessages } from './messages';

type EditClusterData = { cluster: ClusterProfile };

/** The form is for those who may edit this cluster; anyone else gets the API's own answer. */
async function loadEditCluster(api: Api, { params: { slug } }: PageInput<'slug'>): Promise<EditClusterData> {
  const [cluster, viewer] = await Promise.all([api.call(getCluster, { params: { slug } }), api.call(me)]);
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to edit a cluster.' });
  if (!canEditClusterProfile(viewer, cluster)) {
    throw new ApiError(403, { detail: "You may edit only your own cluster's profile." });
  }
  return { cluster };
}

/** Focus areas are edited one per line, Norwegian and English apart by " | ". */
function focusAreasText(areas: ClusterProfile['focusAreas']): string {
  return areas.map((area) => (area.nb === area.en ? area.nb : `${area.nb} | ${area.en}`)).join('\n');
}

function parseFocusAreas(text: string): { nb: string; en: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [nb = '', en] = line.split('|').map((part) => part.trim());
      return { nb, en: en || nb };
    });
}

const text = (fields: FormData, name: string) => String(fields.get(name) ?? '').trim();

/** The body of the change: every field of the form, the name and status only where the viewer may change them. */
function bodyFrom(fields: FormData, may: { name: boolean; status: boolean }): UpdateClusterBody {
  const year = text(fields, 'foundedYear');
  const host = text(fields, 'hostOrgnr');
  return {
    ...(may.name ? { name: text(fields, 'name') } : {}),
    ...(may.status ? { status: text(fields, 'status') as UpdateClusterBody['status'] } : {}),
    shortName: text(fields, 'shortName') || null,
    description: { nb: text(fields, 'descriptionNb'), en: text(fields, 'descriptionEn') },
    website: text(fields, 'website') || null,
    foundedYear: year ? Number(year) : null,
    focusAreas: parseFocusAreas(String(fields.get('focusAreas') ?? '')),
    counties: fields.getAll('counties').map(String),
    sectors: text(fields, 'sectors')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((code) => code.toUpperCase()),
    hostOrgnr: host || null,
  };
}

function EditClusterPage({ data }: { data: EditClusterData }) {
  const { t } = useLocale(clusterMessages);
  const viewer = useViewer();
  const { cluster } = data;
  const may = {
    name: canChangeClusterName(viewer, cluster),
    status: canChangeClusterStatus(viewer, cluster),
  };
  const save = useFormAction(async (fields) => {
    const saved = await browserApi.call(updateCluster, {
      params: { slug: cluster.slug },
      body: bodyFrom(fields, may),
    });
    goTo(`/clusters/${saved.slug}`);
    return saved;
  });
  const labels = {
    name: t('editCluster.name'),
    shortName: t('editCluster.shortName'),
    description: t('editCluster.description'),
    website: t('cluster.website'),
    foundedYear: t('cluster.founded'),
    focusAreas: t('cluster.focusAreas'),
    counties: t('cluster.counties'),
    sectors: t('cluster.sectors'),
    hostOrgnr: t('editCluster.hostOrgnr'),
  };

  return (
    <div className="stack">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href="/">{t('nav.registry')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={`/clusters/${cluster.slug}`}>{cluster.name}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{t('editCluster.title')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('editCluster.heading', { name: cluster.name })}
      </Heading>
      <Paragraph>{t('editCluster.intro')}</Paragraph>
      {save.error !== undefined && (
        <ProblemAlert title={t('editCluster.failed')} error={save.error} labels={labels} />
      )}
      {save.result && (
        <Alert data-color="success" role="status">
          {t('editCluster.saved')}
        </Alert>
      )}
      <form
        onSubmit={save.onSubmit}
        onInput={save.onInput}
        className="stack edit-form"
        data-testid="edit-cluster-form"
      >
        {may.name && (
          <Field>
            <Label htmlFor="edit-name">{labels.name}</Label>
            <Input id="edit-name" name="name" defaultValue={cluster.name} required maxLength={200} />
          </Field>
        )}
        {may.status && (
          <Field>
            <Label htmlFor="edit-status">{t('editCluster.status')}</Label>
            <Select id="edit-status" name="status" defaultValue={cluster.status}>
              <Select.Option value="active">{t('status.active')}</Select.Option>
              <Select.Option value="ended">{t('status.ended')}</Select.Option>
            </Select>
          </Field>
        )}
        {!may.name && (
          <Paragraph data-size="sm" className="muted">
            {t('editCluster.nameByProgramme')}
          </Paragraph>
        )}
        <Field>
          <Label htmlFor="edit-short-name">{labels.shortName}</Label>
          <Input
            id="edit-short-name"
            name="shortName"
            defaultValue={cluster.shortName ?? ''}
            maxLength={40}
          />
        </Field>
        <Field>
          <Label htmlFor="edit-description-nb">{t('editCluster.descriptionNb')}</Label>
          <Textarea
            id="edit-description-nb"
            name="descriptionNb"
            rows={6}
            defaultValue={cluster.description.nb}
          />
        </Field>
        <Field>
          <Label htmlFor="edit-description-en">{t('editCluster.descriptionEn')}</Label>
          <Textarea
            id="edit-description-en"
            name="descriptionEn"
            rows={6}
            lang="en"
            defaultValue={cluster.description.en}
          />
        </Field>
        <Field>
          <Label htmlFor="edit-website">{labels.website}</Label>
          <Input
            id="edit-website"
            name="website"
            type="url"
            placeholder="https://"
            defaultValue={cluster.website ?? ''}
          />
        </Field>
        <Field>
          <Label htmlFor="edit-founded">{labels.foundedYear}</Label>
          <Input
            id="edit-founded"
            name="foundedYear"
            type="number"
            min={1900}
            max={2100}
            defaultValue={cluster.foundedYear ?? ''}
          />
        </Field>
        <Field>
          <Label htmlFor="edit-focus">{labels.focusAreas}</Label>
          <Field.Description>{t('editCluster.focusAreasHelp')}</Field.Description>
          <Textarea
            id="edit-focus"
            name="focusAreas"
            rows={4}
            defaultValue={focusAreasText(cluster.focusAreas)}
          />
        </Field>
        <Fieldset>
          <Fieldset.Legend>{labels.counties}</Fieldset.Legend>
          <div className="checkbox-columns">
            {COUNTIES.map((county) => (
              <Checkbox
                key={county.code}
                name="counties"
                value={county.code}
                label={county.name}
                defaultChecked={cluster.counties.includes(county.code)}
              />
            ))}
          </div>
        </Fieldset>
        <Field>
          <Label htmlFor="edit-sectors">{labels.sectors}</Label>
          <Field.Description>{t('editCluster.sectorsHelp')}</Field.Description>
          <Input
            id="edit-sectors"
            name="sectors"
            defaultValue={cluster.sectors.join(', ')}
            autoComplete="off"
          />
        </Field>
        <Field>
          <Label htmlFor="edit-host">{labels.hostOrgnr}</Label>
          <Input
            id="edit-host"
            name="hostOrgnr"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={cluster.host?.orgnr ?? ''}
          />
        </Field>
        <div className="registry__actions">
          <Button type="submit" disabled={save.busy}>
            {t('editCluster.submit')}
          </Button>
          <Link href={`/clusters/${cluster.slug}`}>{t('editCluster.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: clusterMessages,
  load: loadEditCluster,
  title: ({ cluster }, t) => `${t('editCluster.title')}: ${cluster.name}`,
  Component: EditClusterPage,
});
