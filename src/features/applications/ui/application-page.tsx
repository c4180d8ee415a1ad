import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { formatDateTime, formatNok } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { Slot, type SlotData } from '../../../web/kit/slots';
import { type ProgrammeView, programmeOrNull } from '../../calls/ui/api';
import { levelName } from '../../calls/ui/labels';
import {
  type ApplicationView,
  type AttachmentList,
  getApplication,
  listAttachments,
  listClusters,
} from './api';
import { ActionsPanel, AttachmentsPanel, RequestInformationPanel } from './application-panels';
import { applicationMessages, STATUS_LABELS } from './messages';
import { type PendingSaves, PendingSavesContext, SectionEditor } from './section-editor';
import { SECTION_TITLES, sectionMessages } from './section-messages';
import { type HubOption, SectionRead } from './section-parts';

type ApplicationData = {
  application: ApplicationView;
  attachments: AttachmentList;
  programme: ProgrammeView | null;
  /** For a hub-node: the clusters at Arena Pro or higher today, to choose its hub among. */
  hubs: HubOption[];
  /** What later features show on the application (its decision, say). */
  slots: SlotData;
};

async function loadApplication(
  api: Api,
  { params: { id }, slot }: PageInput<'id'>,
): Promise<ApplicationData> {
  const [application, attachments, programme, slots] = await Promise.all([
    api.call(getApplication, { params: { id } }),
    api.call(listAttachments, { params: { id } }),
    programmeOrNull(api),
    slot('application-page', { applicationId: id }),
  ]);
  let hubs: HubOption[] = [];
  if (application.level === 'hub_node') {
    const pages = await Promise.all(
      (['arena_pro', 'global'] as const).map((level) =>
        api.call(listClusters, { query: { level, pageSize: 100 } }),
      ),
    );
    const collator = new Intl.Collator('nb');
    hubs = pages
      .flatMap((page) => page.items)
      .map((cluster) => ({ slug: cluster.slug, name: cluster.name }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }
  return { application, attachments, programme, hubs, slots };
}

function ApplicationPage({ data }: { data: ApplicationData }) {
  const { locale, t } = useLocale(applicationMessages);
  const titles = useLocale(sectionMessages).t;
  const { application, programme, hubs } = data;
  const pending = useMemo<PendingSaves>(() => ({ flushers: new Set() }), []);
  const level = levelName(programme, application.level, locale);
  const deadline = formatDateTime(application.call.deadlineAt, locale);
  const request = application.informationRequest;
  const writing = application.writableSections.length > 0;
  const sectionList = (keys: readonly string[]) =>
    keys.map((key) => titles(SECTION_TITLES[key as keyof typeof SECTION_TITLES])).join(', ');
  return (
    <PendingSavesContext.Provider value={pending}>
      <article className="stack application">
        <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
          <Link href="/applications">{t('applications.title')}</Link> <span aria-hidden="true">›</span>{' '}
          <span>{application.cluster.name}</span>
        </nav>
        <Heading level={1} data-size="lg">
          {t('application.pageTitle', { level, cluster: application.cluster.name })}
        </Heading>
        <p>
          <Tag
            data-color={application.status === 'draft' ? 'neutral' : 'success'}
            data-testid="application-status"
          >
            {t(STATUS_LABELS[application.status])}
          </Tag>
        </p>
        <dl className="facts" data-testid="application-facts">
          <div>
            <dt>{t('application.call')}</dt>
            <dd>
              <Link href={`/calls/${application.call.id}`}>{pick(application.call.title, locale)}</Link>
            </dd>
          </div>
          <div data-field="deadlineAt">
            <dt>{t('application.deadline')}</dt>
            <dd>
              <time dateTime={application.call.deadlineAt}>{deadline}</time>
            </dd>
          </div>
          {application.submittedAt && (
            <div data-field="submittedAt">
              <dt>{t('application.submittedAt')}</dt>
              <dd>
                <time dateTime={application.submittedAt}>
                  {formatDateTime(application.submittedAt, locale)}
                </time>
              </dd>
            </div>
          )}
          {application.withdrawnAt && (
            <div>
              <dt>{t('application.withdrawnAt')}</dt>
              <dd>{formatDateTime(application.withdrawnAt, locale)}</dd>
            </div>
          )}
          <div>
            <dt>{t('application.money')}</dt>
            <dd>{formatNok(application.moneyAskedNok, locale)}</dd>
          </div>
          <div>
            <dt>{t('application.contact')}</dt>
            <dd>{application.contact.name}</dd>
          </div>
        </dl>
        <Slot name="application-page" props={{ applicationId: application.id }} data={data.slots} />
        <Paragraph data-size="sm" className="muted">
          {t('application.osloTime')}
        </Paragraph>
        {request && (
          <Alert data-color={request.open ? 'warning' : 'info'} data-testid="information-request">
            {request.open && (
              <Heading level={2} data-size="xs">
                {t('application.infoRequested')}
              </Heading>
            )}
            <Paragraph>{request.message}</Paragraph>
            <Paragraph>
              {t(request.open ? 'application.infoRequestedBody' : 'application.infoClosed', {
                until: formatDateTime(request.until, locale),
                sections: sectionList(request.sections),
              })}
            </Paragraph>
          </Alert>
        )}
        {application.status === 'draft' && writing && (
          <Paragraph>{t('application.autosave', { deadline })}</Paragraph>
        )}
        {application.status === 'submitted' && application.actions.includes('withdraw') && (
          <Paragraph>{t('application.readOnly')}</Paragraph>
        )}

        {application.sections.map((section) => (
          <section key={section.key} className="stack" aria-labelledby={`section-${section.key}-heading`}>
            <Heading level={2} data-size="sm" id={`section-${section.key}-heading`}>
              {titles(SECTION_TITLES[section.key])}
            </Heading>
            {application.writableSections.includes(section.key) ? (
              <SectionEditor
                key={`${application.status}-${section.key}`}
                applicationId={application.id}
                section={section}
                hubs={hubs}
              />
            ) : (
              <SectionRead
                sectionKey={section.key}
                body={section.body as Record<string, unknown>}
                hubs={hubs}
              />
            )}
          </section>
        ))}

        <AttachmentsPanel key={application.status} application={application} attachments={data.attachments} />
        <ActionsPanel key={`actions-${application.status}`} application={application} />
        {application.actions.includes('request_information') && (
          <RequestInformationPanel application={application} />
        )}
      </article>
    </PendingSavesContext.Provider>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: applicationMessages,
  load: loadApplication,
  title: ({ application }, t) =>
    t('application.pageTitle', { level: application.level, cluster: application.cluster.name }),
  Component: ApplicationPage,
});
