import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { ScrollableTable } from '../../../web/kit/components/scrollable-table';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { getLedgerYear, type LedgerYearDetail } from './api';
import { kroner, type LevelNames, levelName, levelNames } from './labels';
import { budgetMessages } from './messages';

type YearData = { detail: LedgerYearDetail; levels: LevelNames };

async function loadYear(api: Api, { params }: PageInput<'year'>): Promise<YearData> {
  const [detail, levels] = await Promise.all([
    api.call(getLedgerYear, { params: { year: params.year } }),
    levelNames(api),
  ]);
  return { detail, levels };
}

/** One year of the ledger: what each cluster was committed and paid, level by level. */
function YearPage({ data }: { data: YearData }) {
  const { locale, t } = useLocale(budgetMessages);
  const { detail, levels } = data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('budget.year.title', { year: String(detail.year) })}
      </Heading>
      <Paragraph>
        <Link href="/budget">{t('budget.links.ledger')}</Link>
      </Paragraph>
      <Paragraph data-testid="year-summary">
        {t('budget.year.summary', {
          frame: kroner(detail.frameNok, locale),
          committed: kroner(detail.committedNok, locale),
          paid: kroner(detail.paidNok, locale),
          remaining: kroner(detail.remainingNok, locale),
        })}
      </Paragraph>
      {detail.clusters.length === 0 ? (
        <Paragraph>{t('budget.year.empty')}</Paragraph>
      ) : (
        <ScrollableTable labelledBy="year-clusters">
          <Heading level={2} data-size="sm" id="year-clusters">
            {t('budget.year.byCluster')}
          </Heading>
          <Table data-testid="year-clusters" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('budget.col.cluster')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.col.level')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.committed')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.paid')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.realAmount')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {detail.clusters.map((row) => (
                <Table.Row key={`${row.cluster.slug} ${row.level}`}>
                  <Table.Cell>
                    <Link href={`/clusters/${row.cluster.slug}/commitments`}>{row.cluster.name}</Link>
                  </Table.Cell>
                  <Table.Cell>{levelName(levels, row.level, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{kroner(row.committedNok, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{kroner(row.paidNok, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{kroner(row.realCommittedNok, locale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollableTable>
      )}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: budgetMessages,
  load: loadYear,
  title: (data, t) => t('budget.year.title', { year: String(data.detail.year) }),
  Component: YearPage,
});
