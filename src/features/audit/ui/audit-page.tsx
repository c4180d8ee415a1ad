import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Table,
} from '@digdir/designsystemet-react';
import { type Api, ApiError, queryString } from '../../../web/kit/api';
import { FilterSelect } from '../../../web/kit/components/filter-select';
import { Pager } from '../../../web/kit/components/pager';
import { formatDateTime, formatNumber } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { withQuery } from '../../../web/kit/url';
import { useViewer } from '../../../web/kit/viewer-context';
import { auditReadScope } from '../audit.policy';
import { changedFields } from '../audit-diff';
import {
  type AuditEventPage,
  type ClusterPage,
  listAuditActions,
  listAuditEvents,
  listClusters,
} from './api';
import { auditMessages } from './messages';

const FILTERS = [
  'action',
  'entityType',
  'entityId',
  'actor',
  'actorAccountId',
  'cluster',
  'from',
  'to',
] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

type AuditPageData = {
  result: AuditEventPage;
  clusters: ClusterPage['items'];
  /** The actions recorded in the reader's part of the trail: the action filter's choices. */
  actions: string[];
  filters: Filters;
  problem: string | null;
};

function filtersOf(url: URL): Filters {
  return Object.fromEntries(
    FILTERS.flatMap((key) => {
      const value = url.searchParams.get(key);
      return value ? [[key, value]] : [];
    }),
  );
}

/**
 * The trail the viewer may read, filtered by the query string. A hand-edited filter the API
 * refuses shows its reason instead of an error page; a visitor without access gets the 401/403
 * page from the router.
 */
async function loadAuditPage(api: Api, { url }: PageInput): Promise<AuditPageData> {
  const filters = filtersOf(url);
  const page = url.searchParams.get('page') ?? undefined;
  let result: AuditEventPage = { items: [], total: 0, page: 1, pageSize: 20 };
  let problem: string | null = null;
  try {
    result = await api.call(listAuditEvents, { query: { ...filters, page } });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 422) throw error;
    problem = error.problem.errors?.map((e) => `${e.path.at(-1)}: ${e.message}`).join('; ') ?? error.message;
  }
  // Read only once the trail has answered: a visitor it refuses never causes a second request.
  const [clusters, actions] = await Promise.all([
    api.call(listClusters, { query: { pageSize: 100, sort: 'name' } }),
    api.call(listAuditActions),
  ]);
  return { result, clusters: clusters.items, actions: actions.items, filters, problem };
}

function TextFilter({ name, label, value }: { name: keyof Filters; label: string; value?: string }) {
  return (
    <Field>
      <Label htmlFor={`audit-${name}`}>{label}</Label>
      <Input id={`audit-${name}`} name={name} defaultValue={value ?? ''} autoComplete="off" />
    </Field>
  );
}

function Changes({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useLocale(auditMessages);
  const changes = changedFields(before, after);
  if (changes.length === 0) return <span className="muted">{t('audit.noChanges')}</span>;
  return (
    <ul className="audit-diff">
      {changes.map((change) => (
        <li key={change.field}>
          {change.field && <code>{change.field}</code>} <span>{change.before ?? t('audit.value.none')}</span>
          {' → '}
          <strong>{change.after ?? t('audit.value.none')}</strong>
        </li>
      ))}
    </ul>
  );
}

function AuditPage({ data, url }: { data: AuditPageData; url: URL }) {
  const { locale, t } = useLocale(auditMessages);
  const viewer = useViewer();
  const { result, filters } = data;
  // A cluster manager already sees only their own clusters; the choice is for programme-wide readers.
  const allClusters = auditReadScope(viewer) === 'all';
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('audit.title')}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <form
        method="get"
        action="/audit"
        aria-label={t('filter.label')}
        className="registry__filters"
        data-client-nav
      >
        {url.searchParams.get('lang') && <input type="hidden" name="lang" value={locale} />}
        {filters.actorAccountId && (
          <input type="hidden" name="actorAccountId" value={filters.actorAccountId} />
        )}
        <FilterSelect
          id="audit-action"
          name="action"
          label={t('audit.action')}
          value={filters.action}
          // A hand-edited action nobody recorded stays chosen, so the empty result says why.
          options={[...new Set([...data.actions, ...(filters.action ? [filters.action] : [])])].map(
            (action) => ({
              value: action,
              label: action,
            }),
          )}
        />
        <TextFilter name="entityType" label={t('audit.entityType')} value={filters.entityType} />
        <TextFilter name="entityId" label={t('audit.entityId')} value={filters.entityId} />
        <TextFilter name="actor" label={t('audit.actor')} value={filters.actor} />
        {allClusters && (
          <FilterSelect
            id="audit-cluster"
            name="cluster"
            label={t('audit.cluster')}
            value={filters.cluster}
            options={data.clusters.map((c) => ({ value: c.slug, label: c.name }))}
          />
        )}
        <Field>
          <Label htmlFor="audit-from">{t('audit.from')}</Label>
          <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </Field>
        <Field>
          <Label htmlFor="audit-to">{t('audit.to')}</Label>
          <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </Field>
        <div className="registry__actions">
          <Button type="submit">{t('audit.filter')}</Button>
          <Link href="/audit">{t('filter.clear')}</Link>
        </div>
      </form>
      {data.problem && (
        <Alert data-color="danger" role="alert">
          {data.problem}
        </Alert>
      )}
      <div className="registry__actions">
        <Heading level={2} data-size="sm" id="audit-results">
          {t('audit.results', { total: formatNumber(result.total, locale) })}
        </Heading>
        {!data.problem && (
          <Link href={`/api/audit-events.csv${queryString(filters)}`} download data-testid="audit-csv">
            {t('audit.download')}
          </Link>
        )}
      </div>
      {result.total === 0 ? (
        <Paragraph>{t('audit.empty')}</Paragraph>
      ) : (
        <Table aria-labelledby="audit-results" data-testid="audit-table" className="registry__table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('audit.column.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.column.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.column.what')}</Table.HeaderCell>
              <Table.HeaderCell>{t('audit.column.changes')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.items.map((event) => (
              <Table.Row key={event.id}>
                <Table.Cell>
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, locale)}</time>
                </Table.Cell>
                <Table.Cell>{event.actorName}</Table.Cell>
                <Table.Cell>
                  <code>{event.action}</code>
                  <div className="muted">
                    <Link
                      href={withQuery(url, {
                        entityType: event.entityType,
                        entityId: event.entityId,
                        page: undefined,
                      })}
                    >
                      {event.entityName ?? `${event.entityType} ${event.entityId.slice(0, 8)}…`}
                    </Link>
                    {event.entityName && ` (${event.entityType})`}
                  </div>
                  {event.cluster && (
                    <div>
                      <Link href={withQuery(url, { cluster: event.cluster.slug, page: undefined })}>
                        {event.cluster.name}
                      </Link>
                    </div>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <Changes before={event.before} after={event.after} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Pager url={url} page={result.page} pageSize={result.pageSize} total={result.total} />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: auditMessages,
  load: loadAuditPage,
  title: (_data, t) => t('audit.title'),
  Component: AuditPage,
});
