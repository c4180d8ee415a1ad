import { Alert, Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useLocale } from '../locale-context';
import { queryObject } from '../url';

// A list page's parts: the filter form read from the query string, the list's answer with the
// API's reason when a hand-edited filter is refused, and the table of results with its count.
// The calls, the applications and the features after them draw their lists with these.

/** A page of a list as the API answers it. */
export type ListPage<Item> = { items: Item[]; total: number; page: number; pageSize: number };

/** The filters a list page passes on to the API, read from the URL: only the named ones, only if set. */
export function filtersOf<const Name extends string>(
  url: URL,
  names: readonly Name[],
): Partial<Record<Name, string>> {
  const all = queryObject(url.searchParams);
  return Object.fromEntries(names.filter((name) => all[name]).map((name) => [name, all[name]])) as Partial<
    Record<Name, string>
  >;
}

/**
 * A list's page, or an empty page with the API's reasons when it refuses the filters (422): a
 * hand-edited filter shows the list page saying what is wrong, not an error page.
 */
export async function listOrProblem<Item>(
  list: Promise<ListPage<Item>>,
): Promise<{ page: ListPage<Item>; problem: string | null }> {
  try {
    return { page: await list, problem: null };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 422)) throw error;
    const reasons = error.problem.errors?.map((e) => `${e.path.slice(1).join('.')}: ${e.message}`) ?? [];
    return {
      page: { items: [], total: 0, page: 1, pageSize: 20 },
      problem: reasons.join('; ') || error.message,
    };
  }
}

/**
 * The filter form: a GET form to the list's own path (so it works without JavaScript), the
 * language kept when the URL chose one, the fields, then "search" and "clear".
 */
export function FilterForm({ action, url, children }: { action: string; url: URL; children: ReactNode }) {
  const { locale, t } = useLocale();
  const lang = url.searchParams.get('lang');
  return (
    <form
      method="get"
      action={action}
      aria-label={t('filter.label')}
      className="registry__filters"
      data-client-nav
    >
      {lang && <input type="hidden" name="lang" value={locale} />}
      {children}
      <div className="registry__actions">
        <Button type="submit">{t('filter.search')}</Button>
        <Link href={lang ? `${action}?lang=${locale}` : action}>{t('filter.clear')}</Link>
      </div>
    </form>
  );
}

/** One column of a results table: its header, and what each row shows in it. */
export type Column<Item> = { header: string; numeric?: boolean; cell: (item: Item) => ReactNode };

/**
 * The results: the refused filter's reason if any, a heading with the count (announced as it
 * changes), then the table, or a sentence when nothing is found.
 */
export function ResultsTable<Item>({
  id,
  heading,
  empty,
  problem,
  items,
  rowKey,
  columns,
  testId,
}: {
  id: string;
  heading: string;
  empty: string;
  problem?: string | null;
  items: readonly Item[];
  rowKey: (item: Item) => string;
  columns: readonly Column<Item>[];
  testId?: string;
}) {
  return (
    <>
      {problem && (
        <Alert data-color="danger" role="alert">
          {problem}
        </Alert>
      )}
      <Heading level={2} data-size="sm" id={id} aria-live="polite">
        {heading}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <Table aria-labelledby={id} className="registry__table" data-testid={testId}>
          <Table.Head>
            <Table.Row>
              {columns.map((column) => (
                <Table.HeaderCell key={column.header} className={column.numeric ? 'numeric' : undefined}>
                  {column.header}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {items.map((item) => (
              <Table.Row key={rowKey(item)}>
                {columns.map((column) => (
                  <Table.Cell key={column.header} className={column.numeric ? 'numeric' : undefined}>
                    {column.cell(item)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </>
  );
}
