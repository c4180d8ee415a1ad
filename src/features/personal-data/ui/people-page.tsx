import {
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
import type { Api } from '../../../web/kit/api';
import { Pager } from '../../../web/kit/components/pager';
import { formatDate, formatNumber } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { listPersons, type PersonPage } from './api';
import { ACCOUNT_STATUS_LABELS } from './labels';
import { personalDataMessages } from './messages';

type PeoplePageData = { result: PersonPage; q: string };

async function loadPeoplePage(api: Api, { url }: PageInput): Promise<PeoplePageData> {
  const q = url.searchParams.get('q') ?? '';
  const page = url.searchParams.get('page') ?? undefined;
  return { result: await api.call(listPersons, { query: { q, page } }), q };
}

/** Operators find a person here to export or erase their data. */
function PeoplePage({ data, url }: { data: PeoplePageData; url: URL }) {
  const { locale, t } = useLocale(personalDataMessages);
  const { result } = data;
  return (
    <div>
      <Heading level={1} data-size="lg">
        {t('people.title')}
      </Heading>
      <Paragraph>{t('people.intro')}</Paragraph>
      <form
        method="get"
        action="/people"
        aria-label={t('people.title')}
        className="registry__filters"
        data-client-nav
      >
        {url.searchParams.get('lang') && <input type="hidden" name="lang" value={locale} />}
        <Field className="registry__search">
          <Label htmlFor="people-q">{t('people.search')}</Label>
          <Input id="people-q" name="q" type="search" defaultValue={data.q} autoComplete="off" />
        </Field>
        <div className="registry__actions">
          <Button type="submit">{t('people.searchButton')}</Button>
        </div>
      </form>
      <Heading level={2} data-size="sm" id="people-results">
        {t('people.results', { total: formatNumber(result.total, locale) })}
      </Heading>
      {result.total === 0 ? (
        <Paragraph>{t('people.empty')}</Paragraph>
      ) : (
        <Table aria-labelledby="people-results" data-testid="people-table" className="registry__table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('people.column.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('people.column.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('people.column.account')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.items.map((person) => (
              <Table.Row key={person.id}>
                <Table.Cell>
                  <Link href={`/people/${person.id}`}>
                    {person.erasedAt ? t('people.erased') : person.name}
                  </Link>
                  {person.erasedAt && (
                    <Tag data-color="neutral" className="inline-tag">
                      {t('people.erasedOn', { date: formatDate(person.erasedAt.slice(0, 10), locale) })}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell>{person.email ?? '–'}</Table.Cell>
                <Table.Cell>
                  {person.accountStatus
                    ? t(ACCOUNT_STATUS_LABELS[person.accountStatus])
                    : t('people.account.none')}
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
  messages: personalDataMessages,
  load: loadPeoplePage,
  title: (_data, t) => t('people.title'),
  Component: PeoplePage,
});
