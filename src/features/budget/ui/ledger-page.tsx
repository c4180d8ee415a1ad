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
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { ScrollableTable } from '../../../web/kit/components/scrollable-table';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import { canSetFrames } from '../budget.policy';
import { getLedger, type Ledger } from './api';
import { kroner, reasonsOf } from './labels';
import { budgetMessages } from './messages';

type LedgerData = { ledger: Ledger | null; problem: string | null; from: string; to: string };

async function loadLedger(api: Api, { url }: PageInput): Promise<LedgerData> {
  const from = url.searchParams.get('from') ?? '';
  const to = url.searchParams.get('to') ?? '';
  try {
    return { ledger: await api.call(getLedger, { query: { from, to } }), problem: null, from, to };
  } catch (error) {
    const problem = reasonsOf(error);
    if (problem === null) throw error;
    return { ledger: null, problem, from, to };
  }
}

/** The multi-year ledger: a row per year with the frame, each level's commitments, payments and what is left. */
function LedgerPage({ data }: { data: LedgerData }) {
  const { locale, t } = useLocale(budgetMessages);
  const operator = canSetFrames(useViewer());
  const { ledger } = data;
  // Only the levels that hold a part, a commitment or a payment in the years shown get a column.
  const levels = (ledger?.levels ?? []).filter((level) =>
    ledger?.years.some((year) => year.byLevel[level.code] !== undefined),
  );
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('budget.ledger.title')}
      </Heading>
      <Paragraph>{t('budget.ledger.intro')}</Paragraph>
      <Paragraph>
        <Link href="/budget/scenarios">{t('budget.links.scenarios')}</Link>
        {operator && (
          <>
            {' · '}
            <Link href="/budget/frames">{t('budget.links.frames')}</Link>
          </>
        )}
      </Paragraph>
      <form
        method="get"
        action="/budget"
        className="inline-form"
        aria-label={t('budget.ledger.span')}
        data-client-nav
      >
        <Field>
          <Label htmlFor="ledger-from">{t('budget.ledger.from')}</Label>
          <Input
            id="ledger-from"
            name="from"
            inputMode="numeric"
            defaultValue={data.from || ledger?.from}
            size={6}
          />
        </Field>
        <Field>
          <Label htmlFor="ledger-to">{t('budget.ledger.to')}</Label>
          <Input id="ledger-to" name="to" inputMode="numeric" defaultValue={data.to || ledger?.to} size={6} />
        </Field>
        <div>
          <Button type="submit" variant="secondary">
            {t('budget.ledger.show')}
          </Button>
        </div>
      </form>
      {data.problem && (
        <Alert data-color="danger" role="alert">
          {data.problem}
        </Alert>
      )}
      {ledger && (
        <ScrollableTable labelledBy="ledger-heading">
          <Heading level={2} data-size="sm" id="ledger-heading">
            {t('budget.ledger.nominal')} · {ledger.from}–{ledger.to}
          </Heading>
          <Table data-testid="budget-ledger" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('budget.col.year')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.frame')}</Table.HeaderCell>
                {levels.map((level) => (
                  <Table.HeaderCell key={level.code} className="numeric">
                    {pick(level.name, locale)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell className="numeric">{t('budget.col.committed')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.paid')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.remaining')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.index')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">
                  {t('budget.col.frame')} ({t('budget.col.realAmount').toLowerCase()})
                </Table.HeaderCell>
                <Table.HeaderCell className="numeric">
                  {t('budget.col.committed')} ({t('budget.col.realAmount').toLowerCase()})
                </Table.HeaderCell>
                <Table.HeaderCell className="numeric">
                  {t('budget.col.remaining')} ({t('budget.col.realAmount').toLowerCase()})
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {ledger.years.map((year) => (
                <Table.Row key={year.year} data-year={year.year}>
                  <Table.HeaderCell scope="row">
                    <Link href={`/budget/${year.year}`}>{year.year}</Link>
                  </Table.HeaderCell>
                  <Table.Cell className="numeric">{kroner(year.frameNok, locale)}</Table.Cell>
                  {levels.map((level) => (
                    <Table.Cell key={level.code} className="numeric">
                      {kroner(year.byLevel[level.code]?.committedNok ?? 0, locale)}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="numeric">{kroner(year.committedNok, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{kroner(year.paidNok, locale)}</Table.Cell>
                  <Table.Cell
                    className="numeric"
                    data-over={year.remainingNok !== null && year.remainingNok < 0}
                  >
                    {kroner(year.remainingNok, locale)}
                  </Table.Cell>
                  <Table.Cell className="numeric">
                    {year.priceIndex === null
                      ? '–'
                      : year.priceIndex.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB')}
                  </Table.Cell>
                  <Table.Cell className="numeric">{kroner(year.real?.frameNok, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{kroner(year.real?.committedNok, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{kroner(year.real?.remainingNok, locale)}</Table.Cell>
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
  load: loadLedger,
  title: (_data, t) => t('budget.ledger.title'),
  Component: LedgerPage,
});
