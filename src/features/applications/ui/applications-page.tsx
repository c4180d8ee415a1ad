import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import { type Api, ApiError } from '../../../web/kit/api';
import { FilterSelect } from '../../../web/kit/components/filter-select';
import {
  FilterForm,
  filtersOf,
  listOrProblem,
  ResultsTable,
} from '../../../web/kit/components/filtered-list';
import { Pager } from '../../../web/kit/components/pager';
import { formatDateTime, formatNok, formatNumber } from '../../../web/kit/format';
import { valuesOf } from '../../../web/kit/i18n';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import { type CallPage, listCalls, type ProgrammeView, programmeOrNull } from '../../calls/ui/api';
import { levelName } from '../../calls/ui/labels';
import { canReviewApplications } from '../applications.policy';
import { type ApplicationPage, listApplications, me } from './api';
import { applicationMessages, STATUS_LABELS } from './messages';

const FILTERS = ['call', 'status', 'level', 'page'] as const;

type ApplicationsData = {
  applications: ApplicationPage;
  calls: CallPage;
  programme: ProgrammeView | null;
  query: Partial<Record<(typeof FILTERS)[number], string>>;
  problem: string | null;
};

/** A person's own clusters' applications, or every one for programme staff; a visitor is asked to sign in. */
async function loadApplications(api: Api, { url }: PageInput): Promise<ApplicationsData> {
  const viewer = await api.call(me);
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to see applications.' });
  const query = filtersOf(url, FILTERS);
  const [programme, calls, result] = await Promise.all([
    programmeOrNull(api),
    api.call(listCalls, { query: { pageSize: 100 } }),
    listOrProblem(api.call(listApplications, { query })),
  ]);
  return { applications: result.page, calls, programme, query, problem: result.problem };
}

function ApplicationsPage({ data, url }: { data: ApplicationsData; url: URL }) {
  const { locale, t } = useLocale(applicationMessages);
  const viewer = useViewer();
  const staff = canReviewApplications(viewer);
  const { applications, calls, programme, query } = data;
  const level = (code: string) => levelName(programme, code, locale);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {staff ? t('applications.title') : t('applications.mine')}
      </Heading>
      <Paragraph>{staff ? t('applications.staffIntro') : t('applications.intro')}</Paragraph>
      <Paragraph>
        <Link href="/calls">{t('applications.toCalls')}</Link>
      </Paragraph>

      <FilterForm action="/applications" url={url}>
        <FilterSelect
          id="applications-call"
          name="call"
          label={t('applications.call')}
          value={query.call}
          options={calls.items.map((call) => ({ value: call.id, label: pick(call.title, locale) }))}
        />
        <FilterSelect
          id="applications-status"
          name="status"
          label={t('applications.status')}
          value={query.status}
          options={valuesOf(STATUS_LABELS).map((status) => ({
            value: status,
            label: t(STATUS_LABELS[status]),
          }))}
        />
        <FilterSelect
          id="applications-level"
          name="level"
          label={t('applications.level')}
          value={query.level}
          options={(programme?.levels ?? []).map((entry) => ({
            value: entry.code,
            label: pick(entry.name, locale),
          }))}
        />
      </FilterForm>

      <ResultsTable
        id="applications-heading"
        heading={t('applications.results', { total: formatNumber(applications.total, locale) })}
        empty={t('applications.empty')}
        problem={data.problem}
        items={applications.items}
        rowKey={(application) => application.id}
        testId="application-table"
        columns={[
          {
            header: t('applications.column.cluster'),
            cell: (application) => (
              <Link href={`/applications/${application.id}`}>{application.cluster.name}</Link>
            ),
          },
          { header: t('applications.level'), cell: (application) => level(application.level) },
          { header: t('applications.call'), cell: (application) => pick(application.call.title, locale) },
          {
            header: t('applications.status'),
            cell: (application) => (
              <Tag
                data-color={application.status === 'draft' ? 'neutral' : 'success'}
                data-status={application.status}
              >
                {t(STATUS_LABELS[application.status])}
              </Tag>
            ),
          },
          {
            header: t('applications.column.money'),
            numeric: true,
            cell: (application) => formatNok(application.moneyAskedNok, locale),
          },
          {
            header: t('applications.column.submitted'),
            cell: (application) =>
              application.submittedAt ? formatDateTime(application.submittedAt, locale) : '–',
          },
        ]}
      />
      <Pager url={url} page={applications.page} pageSize={applications.pageSize} total={applications.total} />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: applicationMessages,
  load: loadApplications,
  title: (_data, t) => t('applications.title'),
  Component: ApplicationsPage,
});
