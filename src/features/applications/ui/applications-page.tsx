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

const EMPTY_PAGE: ApplicationPage = { items: [], total: 0, page: 1, pageSize: 20 };

/** A person's own clusters' applications, or every one for programme staff; a visitor is asked to sign in. */
async function loadApplications(api: Api, { url }: PageInput): Promise<ApplicationsData> {
  const viewer = await api.call(me);
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to see applications.' });
  const all = queryObject(url.searchParams);
  const query = Object.fromEntries(
    FILTERS.filter((k) => all[k]).map((k) => [k, all[k]]),
  ) as ApplicationsData['query'];
  const applications = api.call(listApplications, { query }).then(
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
  const [programme, calls, result] = await Promise.all([
    programmeOrNull(api),
    api.call(listCalls, { query: { pageSize: 100 } }),
    applications,
  ]);
  return { applications: result.page, calls, programme, query, problem: result.problem };
}

function ApplicationsPage({ data, url }: { data: ApplicationsData; url: URL }) {
  const { locale, t } = useLocale(applicationMessages);
  const viewer = useViewer();
  const staff = canReviewApplications(viewer);
  const { applications, calls, programme, query } = data;
  const lang = url.searchParams.get('lang');
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

      <form
        method="get"
        action="/applications"
        aria-label={t('filter.label')}
        className="registry__filters"
        data-client-nav
      >
        {lang && <input type="hidden" name="lang" value={locale} />}
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
        <div className="registry__actions">
          <Button type="submit">{t('filter.search')}</Button>
          <Link href={lang ? `/applications?lang=${locale}` : '/applications'}>{t('filter.clear')}</Link>
        </div>
      </form>

      {data.problem && (
        <Alert data-color="danger" role="alert">
          {data.problem}
        </Alert>
      )}

      <Heading level={2} data-size="sm" id="applications-heading" aria-live="polite">
        {t('applications.results', { total: formatNumber(applications.total, locale) })}
      </Heading>
      {applications.total === 0 ? (
        <Paragraph>{t('applications.empty')}</Paragraph>
      ) : (
        <Table
          aria-labelledby="applications-heading"
          className="registry__table"
          data-testid="application-table"
        >
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('applications.column.cluster')}</Table.HeaderCell>
              <Table.HeaderCell>{t('applications.level')}</Table.HeaderCell>
              <Table.HeaderCell>{t('applications.call')}</Table.HeaderCell>
              <Table.HeaderCell>{t('applications.status')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('applications.column.money')}</Table.HeaderCell>
              <Table.HeaderCell>{t('applications.column.submitted')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {applications.items.map((application) => (
              <Table.Row key={application.id}>
                <Table.Cell>
                  <Link href={`/applications/${application.id}`}>{application.cluster.name}</Link>
                </Table.Cell>
                <Table.Cell>{level(application.level)}</Table.Cell>
                <Table.Cell>{pick(application.call.title, locale)}</Table.Cell>
                <Table.Cell>
                  <Tag
                    data-color={application.status === 'draft' ? 'neutral' : 'success'}
                    data-status={application.status}
                  >
                    {t(STATUS_LABELS[application.status])}
                  </Tag>
                </Table.Cell>
                <Table.Cell className="numeric">{formatNok(application.moneyAskedNok, locale)}</Table.Cell>
                <Table.Cell>
                  {application.submittedAt ? formatDateTime(application.submittedAt, locale) : '–'}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
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
