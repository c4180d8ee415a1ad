import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
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
import { canManageCalls } from '../calls.policy';
import { type CallPage, listCalls, type ProgrammeView, programmeOrNull } from './api';
import { levelName } from './labels';
import { CALL_STATUS_LABELS, callMessages } from './messages';

const FILTERS = ['status', 'level', 'page'] as const;

type CallsData = {
  calls: CallPage;
  programme: ProgrammeView | null;
  query: Partial<Record<(typeof FILTERS)[number], string>>;
  problem: string | null;
};

async function loadCalls(api: Api, { url }: PageInput): Promise<CallsData> {
  const query = filtersOf(url, FILTERS);
  const [programme, result] = await Promise.all([
    programmeOrNull(api),
    listOrProblem(api.call(listCalls, { query })),
  ]);
  return { calls: result.page, programme, query, problem: result.problem };
}

function CallsPage({ data, url }: { data: CallsData; url: URL }) {
  const { locale, t } = useLocale(callMessages);
  const viewer = useViewer();
  const { calls, programme, query } = data;
  const staff = canManageCalls(viewer);
  const statuses = valuesOf(CALL_STATUS_LABELS).filter((status) => staff || status !== 'draft');
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('calls.title')}
      </Heading>
      <Paragraph>{t('calls.intro')}</Paragraph>
      {staff && (
        <Paragraph>
          <Link href="/calls/new">{t('calls.new')}</Link>
        </Paragraph>
      )}

      <FilterForm action="/calls" url={url}>
        <FilterSelect
          id="calls-status"
          name="status"
          label={t('calls.status')}
          value={query.status}
          options={statuses.map((status) => ({ value: status, label: t(CALL_STATUS_LABELS[status]) }))}
        />
        <FilterSelect
          id="calls-level"
          name="level"
          label={t('calls.level')}
          value={query.level}
          options={(programme?.levels ?? []).map((level) => ({
            value: level.code,
            label: pick(level.name, locale),
          }))}
        />
      </FilterForm>

      <ResultsTable
        id="calls-heading"
        heading={t('calls.results', { total: formatNumber(calls.total, locale) })}
        empty={t('calls.empty')}
        problem={data.problem}
        items={calls.items}
        rowKey={(call) => call.id}
        testId="call-table"
        columns={[
          {
            header: t('calls.column.title'),
            cell: (call) => <Link href={`/calls/${call.id}`}>{pick(call.title, locale)}</Link>,
          },
          {
            header: t('calls.status'),
            cell: (call) => (
              <Tag data-color={call.status === 'open' ? 'success' : 'neutral'} data-status={call.status}>
                {t(CALL_STATUS_LABELS[call.status])}
              </Tag>
            ),
          },
          {
            header: t('calls.column.levels'),
            cell: (call) => call.levels.map((entry) => levelName(programme, entry.level, locale)).join(', '),
          },
          { header: t('calls.column.deadline'), cell: (call) => formatDateTime(call.deadlineAt, locale) },
          {
            header: t('calls.column.money'),
            numeric: true,
            cell: (call) => formatNok(call.totalMoneyNok, locale),
          },
        ]}
      />
      <Paragraph data-size="sm" className="muted">
        {t('call.osloTime')}
      </Paragraph>
      <Pager url={url} page={calls.page} pageSize={calls.pageSize} total={calls.total} />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: callMessages,
  load: loadCalls,
  title: (_data, t) => t('calls.title'),
  Component: CallsPage,
});
