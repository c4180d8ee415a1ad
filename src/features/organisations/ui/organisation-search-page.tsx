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
import { type Api, ApiError } from '../../../web/kit/api';
import { COUNTY_OPTIONS, FilterSelect } from '../../../web/kit/components/filter-select';
import { Pager } from '../../../web/kit/components/pager';
import { formatNumber } from '../../../web/kit/format';
import { countyName } from '../../../web/kit/labels';
import { useLocale } from '../../../web/kit/locale-context';
import { ACTOR_TYPE_LABELS } from '../../../web/kit/messages';
import { definePage, type PageInput } from '../../../web/kit/page';
import { ACTOR_TYPES } from '../actor-type';
import { listOrganisations, type OrganisationPage } from './api';
import { organisationMessages } from './messages';

const FILTERS = ['q', 'county', 'actorType', 'page'] as const;

type OrganisationSearchData = {
  result: OrganisationPage;
  query: Partial<Record<(typeof FILTERS)[number], string>>;
  problem: string | null;
};

async function loadOrganisationSearch(api: Api, { url }: PageInput): Promise<OrganisationSearchData> {
  const query = Object.fromEntries(
    FILTERS.flatMap((key) => {
      const value = url.searchParams.get(key);
      return value ? [[key, value]] : [];
    }),
  ) as OrganisationSearchData['query'];
  try {
    return { result: await api.call(listOrganisations, { query }), query, problem: null };
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

function OrganisationSearchPage({ data, url }: { data: OrganisationSearchData; url: URL }) {
  const { locale, t } = useLocale(organisationMessages);
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
        aria-label={t('filter.label')}
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
          label={t('organisation.county')}
          value={query.county}
          options={COUNTY_OPTIONS}
        />
        <FilterSelect
          id="organisations-actor"
          name="actorType"
          label={t('organisation.actorType')}
          value={query.actorType}
          options={ACTOR_TYPES.map((type) => ({ value: type, label: t(ACTOR_TYPE_LABELS[type]) }))}
        />
        <div className="registry__actions">
          <Button type="submit">{t('filter.search')}</Button>
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
              <Table.HeaderCell>{t('organisations.column.organisation')}</Table.HeaderCell>
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
                <Table.Cell>{t(ACTOR_TYPE_LABELS[o.actorType])}</Table.Cell>
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

export const page = definePage({
  source: import.meta.url,
  messages: organisationMessages,
  load: loadOrganisationSearch,
  title: (_data, t) => t('organisations.title'),
  Component: OrganisationSearchPage,
});
