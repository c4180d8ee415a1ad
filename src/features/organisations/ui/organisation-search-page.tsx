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
  Tag,
} from '@digdir/designsystemet-react';
import { formatOrgnr } from '../../../shared/orgnr';
import { type ApiClient, ApiError, type OrganisationPage } from '../../../web/api-client';
import { COUNTY_OPTIONS, FilterSelect } from '../../../web/components/filter-select';
import { countyName } from '../../../web/components/labels';
import { Pager } from '../../../web/components/pager';
import { formatNumber, type MessageKey } from '../../../web/i18n';
import { useLocale } from '../../../web/locale-context';
import { ACTOR_TYPES } from '../actor-type';

const FILTERS = ['q', 'county', 'actorType', 'page'] as const;

export type OrganisationSearchData = {
  result: OrganisationPage;
  query: Partial<Record<(typeof FILTERS)[number], string>>;
  problem: string | null;
};

export async function loadOrganisationSearch(api: ApiClient, url: URL): Promise<OrganisationSearchData> {
  const query = Object.fromEntries(
    FILTERS.flatMap((key) => {
      const value = url.searchParams.get(key);
      return value ? [[key, value]] : [];
    }),
  ) as OrganisationSearchData['query'];
  try {
    return { result: await api.organisations(query), query, problem: null };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 422) throw error;
    const empty: OrganisationPage = { items: [], total: 0, page: 1, pageSize: 20, matched: 'all' };
    return {
      result: empty,
      query,
      problem: error.problem.errors?.map((e) => e.message).join('; ') ?? error.message,
    };
  }
}

export function OrganisationSearchPage({ data, url }: { data: OrganisationSearchData; url: URL }) {
  const { locale, t } = useLocale();
  const { result, query } = data;
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('organisations.title')}
      </Heading>
      <Paragraph>{t('organisations.intro')}</Paragraph>
      <form
        method="get"
        action="/organisations"
        aria-label={t('registry.filters')}
        className="registry__filters"
        data-client-nav
      >
        {url.searchParams.get('lang') && <input type="hidden" name="lang" value={locale} />}
        <Field className="registry__search">
          <Label htmlFor="organisations-q">{t('organisations.search')}</Label>
          <Input
            id="organisations-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            autoComplete="off"
          />
        </Field>
        <FilterSelect
          id="organisations-county"
          name="county"
          label={t('registry.county')}
          value={query.county}
          options={COUNTY_OPTIONS}
        />
        <FilterSelect
          id="organisations-actor"
          name="actorType"
          label={t('organisation.actorType')}
          value={query.actorType}
          options={ACTOR_TYPES.map((type) => ({ value: type, label: t(`actor.${type}` as MessageKey) }))}
        />
        <div className="registry__actions">
          <Button type="submit">{t('registry.searchButton')}</Button>
        </div>
      </form>
      {data.problem && (
        <Alert data-color="danger" role="alert">
          {data.problem}
        </Alert>
      )}
      <Heading level={2} data-size="sm" id="organisation-results">
        {t('organisations.results', { total: formatNumber(result.total, locale) })}
      </Heading>
      {result.matched === 'fuzzy' && result.total > 0 && (
        <Paragraph>{t('organisations.fuzzyNotice')}</Paragraph>
      )}
      {result.total === 0 ? (
        <Paragraph>{t('organisations.empty')}</Paragraph>
      ) : (
        <Table
          aria-labelledby="organisation-results"
          data-testid="organisation-table"
          className="registry__table"
        >
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('cluster.column.organisation')}</Table.HeaderCell>
              <Table.HeaderCell>{t('organisation.orgnr')}</Table.HeaderCell>
              <Table.HeaderCell>{t('organisation.actorType')}</Table.HeaderCell>
              <Table.HeaderCell>{t('organisation.address')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('organisation.employees')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.items.map((o) => (
              <Table.Row key={o.orgnr}>
                <Table.Cell>
                  <Link href={`/organisations/${o.orgnr}`}>{o.name}</Link>
                  {o.bankrupt && (
                    <Tag data-color="danger" className="inline-tag">
                      {t('organisation.bankrupt')}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell>{formatOrgnr(o.orgnr)}</Table.Cell>
                <Table.Cell>{t(`actor.${o.actorType}` as MessageKey)}</Table.Cell>
                <Table.Cell>
                  {[o.municipalityName, o.countyCode && countyName(o.countyCode)].filter(Boolean).join(', ')}
                </Table.Cell>
                <Table.Cell className="numeric">
                  {o.employees === null ? '–' : formatNumber(o.employees, locale)}
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
