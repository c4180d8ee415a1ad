import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { formingNetworksSeenBy } from '../../../shared/cluster-status';
import { pick } from '../../../shared/localized';
import { SECTIONS } from '../../../shared/sectors';
import { type Api, ApiError } from '../../../web/kit/api';
import { COUNTY_OPTIONS, FilterSelect } from '../../../web/kit/components/filter-select';
import { Pager } from '../../../web/kit/components/pager';
import { formatNumber } from '../../../web/kit/format';
import { countyName } from '../../../web/kit/labels';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { queryObject } from '../../../web/kit/url';
import { useViewer } from '../../../web/kit/viewer-context';
import { type ClusterPage, getProgramme, listClusters, type ProgrammeView } from './api';
import { NO_LEVEL_LABELS } from './labels';
import { clusterMessages } from './messages';

const REGISTRY_FILTERS = ['q', 'level', 'county', 'sector', 'status', 'sort', 'page'] as const;

type RegistryData = {
  programme: ProgrammeView | null;
  clusters: ClusterPage;
  query: Partial<Record<(typeof REGISTRY_FILTERS)[number], string>>;
  problem: string | null;
};

const EMPTY_PAGE: ClusterPage = { items: [], total: 0, page: 1, pageSize: 20, matched: 'all' };

async function loadRegistry(api: Api, { url }: PageInput): Promise<RegistryData> {
  const all = queryObject(url.searchParams);
  const query = Object.fromEntries(
    REGISTRY_FILTERS.filter((k) => all[k]).map((k) => [k, all[k]]),
  ) as RegistryData['query'];
  const programme = api.call(getProgramme).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  });
  const clusters = api.call(listClusters, { query }).then(
    (page) => ({ page, problem: null }),
    (error: unknown) => {
      // A hand-edited URL with a bad filter shows the registry with the reason, not an error page.
      if (error instanceof ApiError && error.status === 422) {
        const reasons = error.problem.errors?.map((e) => `${e.path.slice(1).join('.')}: ${e.message}`) ?? [];
        return { page: EMPTY_PAGE, problem: reasons.join('; ') || error.message };
      }
      throw error;
    },
  );
  const [programmeView, result] = await Promise.all([programme, clusters]);
  return { programme: programmeView, clusters: result.page, query, problem: result.problem };
}

function RegistryPage({ data, url }: { data: RegistryData; url: URL }) {
  const { locale, t } = useLocale(clusterMessages);
  const { programme, clusters, query } = data;
  const seen = formingNetworksSeenBy(useViewer());
  const seesForming = seen === 'all' || seen.length > 0;
  return (
    <div className="registry">
      <Heading level={1} data-size="lg">
        {t('registry.title')}
      </Heading>
      {programme && (
        <Paragraph>
          {t('registry.intro', {
            programme: pick(programme.name, locale),
            active: formatNumber(programme.counts.activeClusters, locale),
            partners: formatNumber(programme.counts.partnerOrganisations, locale),
          })}
        </Paragraph>
      )}

      <form
        method="get"
        action="/"
        aria-label={t('filter.label')}
        className="registry__filters"
        data-client-nav
      >
        {url.searchParams.get('lang') && <input type="hidden" name="lang" value={locale} />}
        <Field className="registry__search">
          <Label htmlFor="registry-q">{t('registry.search')}</Label>
          <Input id="registry-q" name="q" type="search" defaultValue={query.q ?? ''} autoComplete="off" />
        </Field>
        <FilterSelect
          id="registry-level"
          name="level"
          label={t('registry.level')}
          value={query.level}
          options={(programme?.levels ?? []).map((level) => ({
            value: level.code,
            label: `${pick(level.name, locale)} (${level.activeClusters})`,
          }))}
        />
        <FilterSelect
          id="registry-county"
          name="county"
          label={t('registry.county')}
          value={query.county}
          options={COUNTY_OPTIONS}
        />
        <FilterSelect
          id="registry-sector"
          name="sector"
          label={t('registry.sector')}
          value={query.sector}
          options={SECTIONS.map((section) => ({ value: section.code, label: section[locale] }))}
        />
        <FilterSelect
          id="registry-status"
          name="status"
          label={t('registry.status')}
          value={query.status}
          options={[
            { value: 'active', label: t('status.active') },
            { value: 'ended', label: t('status.ended') },
            // Only those who may see some forming network are offered to list them.
            ...(seesForming ? [{ value: 'forming', label: t('registry.statusForming') }] : []),
          ]}
        />
        <Field>
          <Label htmlFor="registry-sort">{t('registry.sort')}</Label>
          <Select id="registry-sort" name="sort" defaultValue={query.sort ?? ''}>
            <Select.Option value="">{t('registry.sortAutomatic')}</Select.Option>
            <Select.Option value="name">{t('registry.sortName')}</Select.Option>
            <Select.Option value="relevance">{t('registry.sortRelevance')}</Select.Option>
          </Select>
        </Field>
        <div className="registry__actions">
          <Button type="submit">{t('filter.search')}</Button>
          <Link href={url.searchParams.get('lang') ? `/?lang=${locale}` : '/'}>{t('filter.clear')}</Link>
        </div>
      </form>

      {data.problem && (
        <Alert data-color="danger" role="alert">
          {data.problem}
        </Alert>
      )}

      <Heading level={2} data-size="sm" id="results-heading" aria-live="polite">
        {query.q
          ? t('registry.resultsFor', { total: formatNumber(clusters.total, locale), q: query.q })
          : t('registry.results', { total: formatNumber(clusters.total, locale) })}
      </Heading>
      {clusters.matched === 'fuzzy' && clusters.total > 0 && (
        <Paragraph>{t('registry.fuzzyNotice')}</Paragraph>
      )}
      {clusters.total === 0 ? (
        <Paragraph>{t('registry.empty')}</Paragraph>
      ) : (
        <Table aria-labelledby="results-heading" className="registry__table" data-testid="cluster-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('registry.column.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('registry.column.level')}</Table.HeaderCell>
              <Table.HeaderCell>{t('registry.column.counties')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('registry.column.members')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {clusters.items.map((cluster) => (
              <Table.Row key={cluster.slug}>
                <Table.Cell>
                  <Link href={`/clusters/${cluster.slug}`}>{cluster.name}</Link>
                  {cluster.shortName && <span className="muted"> ({cluster.shortName})</span>}
                </Table.Cell>
                <Table.Cell>
                  {cluster.currentLevel ? (
                    <Tag data-color="brand1" data-level={cluster.currentLevel.code}>
                      {pick(cluster.currentLevel.name, locale)}
                    </Tag>
                  ) : (
                    <span className="muted">{t(NO_LEVEL_LABELS[cluster.status])}</span>
                  )}
                </Table.Cell>
                <Table.Cell>{cluster.counties.map(countyName).join(', ')}</Table.Cell>
                <Table.Cell className="numeric">{formatNumber(cluster.activeMembers, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Pager url={url} page={clusters.page} pageSize={clusters.pageSize} total={clusters.total} />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: clusterMessages,
  load: loadRegistry,
  title: (_data, t) => t('registry.title'),
  Component: RegistryPage,
});
