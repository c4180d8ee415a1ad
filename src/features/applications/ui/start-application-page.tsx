import {
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
} from '@digdir/designsystemet-react';
import { COUNTIES } from '../../../shared/counties';
import { pick } from '../../../shared/localized';
import { SECTIONS } from '../../../shared/sectors';
import { type Api, ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { type CallView, getCall, type ProgrammeView, programmeOrNull } from '../../calls/ui/api';
import { levelName } from '../../calls/ui/labels';
import { type ApplyingClusters, listApplyingClusters, me, startApplication } from './api';
import { applicationMessages, STATUS_LABELS } from './messages';

type StartData = { call: CallView; programme: ProgrammeView | null; clusters: ApplyingClusters };

/** For a person signed in: anyone may register a network and apply; a visitor is asked to sign in. */
async function loadStart(api: Api, { params: { id } }: PageInput<'id'>): Promise<StartData> {
  const viewer = await api.call(me);
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to apply.' });
  const [call, programme, clusters] = await Promise.all([
    api.call(getCall, { params: { id } }),
    programmeOrNull(api),
    api.call(listApplyingClusters, { params: { id } }),
  ]);
  return { call, programme, clusters };
}

const text = (fields: FormData, name: string) => String(fields.get(name) ?? '').trim();
type LevelCode = CallView['levels'][number]['level'];

function LevelSelect({ id, data }: { id: string; data: StartData }) {
  const { locale, t } = useLocale(applicationMessages);
  return (
    <Field>
      <Label htmlFor={id}>{t('start.level')}</Label>
      <Select id={id} name="level" required>
        {data.call.levels.map((entry) => (
          <Select.Option key={entry.level} value={entry.level}>
            {levelName(data.programme, entry.level, locale)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function StartApplicationPage({ data }: { data: StartData }) {
  const { locale, t } = useLocale(applicationMessages);
  const { call, clusters } = data;
  const title = pick(call.title, locale);
  // A full load afterwards: a new network gives its registrant a role every part of the page should know.
  const forCluster = useFormAction(async (fields) => {
    const started = await browserApi.call(startApplication, {
      params: { id: call.id },
      body: { level: text(fields, 'level') as LevelCode, clusterSlug: text(fields, 'cluster') },
    });
    window.location.assign(`/applications/${started.id}`);
    return started;
  });
  const forNetwork = useFormAction(async (fields) => {
    const started = await browserApi.call(startApplication, {
      params: { id: call.id },
      body: {
        level: text(fields, 'level') as LevelCode,
        formingNetwork: {
          name: text(fields, 'name'),
          counties: fields.getAll('counties').map(String),
          sectors: fields.getAll('sectors').map(String),
          hostOrgnr: text(fields, 'hostOrgnr'),
        },
      },
    });
    window.location.assign(`/applications/${started.id}`);
    return started;
  });
  const open = call.status === 'open' && Date.parse(call.deadlineAt) > Date.now();
  const started = clusters.items.flatMap((cluster) =>
    cluster.applications.map((a) => ({ ...a, cluster: cluster.name })),
  );
  const networkLabels = {
    'formingNetwork.name': t('start.networkName'),
    'formingNetwork.counties': t('start.counties'),
    'formingNetwork.sectors': t('start.sectors'),
    'formingNetwork.hostOrgnr': t('start.host'),
    level: t('start.level'),
  };
  return (
    <div className="stack edit-form">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href={`/calls/${call.id}`}>{title}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{t('start.title')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('start.title')}
      </Heading>
      <Paragraph>{t('start.intro', { deadline: formatDateTime(call.deadlineAt, locale) })}</Paragraph>
      {!open && <Paragraph>{t('start.closed')}</Paragraph>}
      {started.length > 0 && (
        <section aria-labelledby="started-heading">
          <Heading level={2} data-size="sm" id="started-heading">
            {t('start.existing')}
          </Heading>
          <ul className="plain-list">
            {started.map((application) => (
              <li key={application.id}>
                <Link href={`/applications/${application.id}`}>
                  {t('start.continue', {
                    cluster: application.cluster,
                    level: levelName(data.programme, application.level, locale),
                    status: t(STATUS_LABELS[application.status]).toLowerCase(),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {open && clusters.items.length > 0 && (
        <section className="panel stack" aria-labelledby="for-cluster-heading">
          <Heading level={2} data-size="sm" id="for-cluster-heading">
            {t('start.forCluster')}
          </Heading>
          {forCluster.error !== undefined && (
            <ProblemAlert
              title={t('start.failed')}
              error={forCluster.error}
              labels={{ clusterSlug: t('start.cluster'), level: t('start.level') }}
            />
          )}
          <form onSubmit={forCluster.onSubmit} className="stack" data-testid="start-for-cluster">
            <Field>
              <Label htmlFor="start-cluster">{t('start.cluster')}</Label>
              <Select id="start-cluster" name="cluster" required>
                {clusters.items.map((cluster) => (
                  <Select.Option key={cluster.slug} value={cluster.slug}>
                    {cluster.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <LevelSelect id="start-level" data={data} />
            <div>
              <Button type="submit" disabled={forCluster.busy}>
                {t('start.submit')}
              </Button>
            </div>
          </form>
        </section>
      )}
      {open && (
        <section className="panel stack" aria-labelledby="for-network-heading">
          <Heading level={2} data-size="sm" id="for-network-heading">
            {t('start.newNetwork')}
          </Heading>
          <Paragraph>{t('start.newNetworkIntro')}</Paragraph>
          {forNetwork.error !== undefined && (
            <ProblemAlert title={t('start.failed')} error={forNetwork.error} labels={networkLabels} />
          )}
          <form onSubmit={forNetwork.onSubmit} className="stack" data-testid="start-for-network">
            <Field>
              <Label htmlFor="network-name">{t('start.networkName')}</Label>
              <Input id="network-name" name="name" required minLength={2} maxLength={200} />
            </Field>
            <Fieldset>
              <Fieldset.Legend>{t('start.counties')}</Fieldset.Legend>
              <div className="checkbox-columns">
                {COUNTIES.map((county) => (
                  <Checkbox key={county.code} name="counties" value={county.code} label={county.name} />
                ))}
              </div>
            </Fieldset>
            <Fieldset>
              <Fieldset.Legend>{t('start.sectors')}</Fieldset.Legend>
              <div className="checkbox-columns">
                {SECTIONS.map((section) => (
                  <Checkbox key={section.code} name="sectors" value={section.code} label={section[locale]} />
                ))}
              </div>
            </Fieldset>
            <Field>
              <Label htmlFor="network-host">{t('start.host')}</Label>
              <Input id="network-host" name="hostOrgnr" inputMode="numeric" autoComplete="off" required />
            </Field>
            <LevelSelect id="network-level" data={data} />
            <div>
              <Button type="submit" disabled={forNetwork.busy}>
                {t('start.submitNetwork')}
              </Button>
            </div>
          </form>
        </section>
      )}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: applicationMessages,
  load: loadStart,
  title: ({ call }, t) => `${t('start.title')} – ${call.title.nb}`,
  Component: StartApplicationPage,
});
