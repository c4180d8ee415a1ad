import { Alert, Button, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import { type Api, ApiError } from '../../../web/kit/api';
import { FilterSelect } from '../../../web/kit/components/filter-select';
import { Pager } from '../../../web/kit/components/pager';
import { formatDateTime, formatNok, formatNumber } from '../../../web/kit/format';
import { valuesOf } from '../../../web/kit/i18n';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { queryObject } from '../../../web/kit/url';
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

const EMPTY_PAGE: CallPage = { items: [], total: 0, page: 1, pageSize: 20 };

async function loadCalls(api: Api, { url }: PageInput): Promise<CallsData> {
  const all = queryObject(url.searchParams);
  const query = Object.fromEntries(
    FILTERS.filter((k) => all[k]).map((k) => [k, all[k]]),
  ) as CallsData['query'];
  const calls = api.call(listCalls, { query }).then(
    (page) => ({ page, problem: null }),
    (error: unknown) => {
      // A hand-edited filter shows the list with the API's reason, not an error page.
      if (error instanceof ApiError && error.status === 422) {
        const reasons = error.problem.errors?.map((e) => `${e.path.slice(1).join('.')}: ${e.message}`) ?? [];
        return { page: EMPTY_PAGE, problem: reasons.join('; ') || error.message };
      }
      throw error;
    },
  );
  const [programme, result] = await Promise.all([programmeOrNull(api), calls]);
  return { calls: result.page, programme, query, problem: result.problem };
}

function CallsPage({ data, url }: { data: CallsData; url: URL }) {
  const { locale, t } = useLocale(callMessages);
  const viewer = useViewer();
  const { calls, programme, query } = data;
  const staff = canManageCalls(viewer);
  const lang = url.searchParams.get('lang');
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

      <form
        method="get"
        action="/calls"
        aria-label={t('filter.label')}
        className="registry__filters"
        data-client-nav
      >
        {lang && <input type="hidden" name="lang" value={locale} />}
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
        <div className="registry__actions">
          <Button type="submit">{t('filter.search')}</Button>
          <Link href={lang ? `/calls?lang=${locale}` : '/calls'}>{t('filter.clear')}</Link>
        </div>
      </form>

      {data.problem && (
        <Alert data-color="danger" role="alert">
          {data.problem}
        </Alert>
      )}

      <Heading level={2} data-size="sm" id="calls-heading" aria-live="polite">
        {t('calls.results', { total: formatNumber(calls.total, locale) })}
      </Heading>
      {calls.total === 0 ? (
        <Paragraph>{t('calls.empty')}</Paragraph>
      ) : (
        <Table aria-labelledby="calls-heading" className="registry__table" data-testid="call-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('calls.column.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('calls.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('calls.column.levels')}</Table.HeaderCell>
              <Table.HeaderCell>{t('calls.column.deadline')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('calls.column.money')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {calls.items.map((call) => (
              <Table.Row key={call.id}>
                <Table.Cell>
                  <Link href={`/calls/${call.id}`}>{pick(call.title, locale)}</Link>
                </Table.Cell>
                <Table.Cell>
                  <Tag data-color={call.status === 'open' ? 'success' : 'neutral'} data-status={call.status}>
                    {t(CALL_STATUS_LABELS[call.status])}
                  </Tag>
                </Table.Cell>
                <Table.Cell>
                  {call.levels.map((entry) => levelName(programme, entry.level, locale)).join(', ')}
                </Table.Cell>
                <Table.Cell>{formatDateTime(call.deadlineAt, locale)}</Table.Cell>
                <Table.Cell className="numeric">{formatNok(call.totalMoneyNok, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
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
