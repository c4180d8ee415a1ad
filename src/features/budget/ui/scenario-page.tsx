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
import type { Api } from '../../../web/kit/api';
import { ScrollableTable } from '../../../web/kit/components/scrollable-table';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { runScenario, type Scenario } from './api';
import { kroner, type LevelNames, levelName, levelNames, reasonsOf } from './labels';
import { budgetMessages } from './messages';

const FIELDS = ['year', 'cutPercent', 'frameNok', 'untilYear'] as const;
type Fields = Record<(typeof FIELDS)[number], string>;

type ScenarioData = { fields: Fields; scenario: Scenario | null; problem: string | null; levels: LevelNames };

async function loadScenario(api: Api, { url }: PageInput): Promise<ScenarioData> {
  const fields = Object.fromEntries(
    FIELDS.map((name) => [name, url.searchParams.get(name)?.trim() ?? '']),
  ) as Fields;
  const levels = await levelNames(api);
  // An empty form asks nothing yet: it is shown with a suggestion, not with an error.
  if (!fields.year) return { fields, scenario: null, problem: null, levels };
  try {
    const scenario = await api.call(runScenario, { query: fields });
    return { fields, scenario, problem: null, levels };
  } catch (error) {
    const problem = reasonsOf(error);
    if (problem === null) throw error;
    return { fields, scenario: null, problem, levels };
  }
}

/** What a cut would do: the form, the years that go over and the commitments in them. */
function ScenarioPage({ data }: { data: ScenarioData }) {
  const { locale, t } = useLocale(budgetMessages);
  const { fields, scenario, levels } = data;
  const thisYear = new Date().getFullYear();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('budget.scenario.title')}
      </Heading>
      <Paragraph>{t('budget.scenario.intro')}</Paragraph>
      <Paragraph>
        <Link href="/budget">{t('budget.links.ledger')}</Link>
      </Paragraph>
      <form
        method="get"
        action="/budget/scenarios"
        className="inline-form"
        aria-label={t('budget.scenario.title')}
        data-client-nav
      >
        <Field>
          <Label htmlFor="scenario-year">{t('budget.scenario.year')}</Label>
          <Input
            id="scenario-year"
            name="year"
            inputMode="numeric"
            required
            defaultValue={fields.year || String(thisYear)}
            size={6}
          />
        </Field>
        <Field>
          <Label htmlFor="scenario-cut">{t('budget.scenario.cutPercent')}</Label>
          <Input
            id="scenario-cut"
            name="cutPercent"
            inputMode="decimal"
            defaultValue={fields.cutPercent}
            size={6}
          />
        </Field>
        <Field>
          <Label htmlFor="scenario-frame">{t('budget.scenario.frameNok')}</Label>
          <Input
            id="scenario-frame"
            name="frameNok"
            inputMode="numeric"
            defaultValue={fields.frameNok}
            size={14}
          />
        </Field>
        <Field>
          <Label htmlFor="scenario-until">{t('budget.scenario.untilYear')}</Label>
          <Input
            id="scenario-until"
            name="untilYear"
            inputMode="numeric"
            defaultValue={fields.untilYear}
            size={6}
          />
        </Field>
        <div>
          <Button type="submit">{t('budget.scenario.run')}</Button>
        </div>
      </form>
      {data.problem && (
        <Alert data-color="danger" role="alert">
          <Heading level={2} data-size="xs">
            {t('budget.scenario.problem')}
          </Heading>
          {data.problem}
        </Alert>
      )}
      {scenario && (
        <>
          <ScrollableTable labelledBy="scenario-years">
            <Heading level={2} data-size="sm" id="scenario-years">
              {t('budget.scenario.result', {
                year: String(scenario.year),
                untilYear: String(scenario.untilYear),
              })}
            </Heading>
            <Table data-testid="scenario-years" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('budget.col.year')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('budget.col.frame')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('budget.col.scenarioFrame')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('budget.col.committed')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('budget.col.over')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">
                    {t('budget.col.over')} ({t('budget.col.realAmount').toLowerCase()})
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {scenario.years.map((year) => (
                  <Table.Row key={year.year}>
                    <Table.HeaderCell scope="row">{year.year}</Table.HeaderCell>
                    <Table.Cell className="numeric">{kroner(year.frameNok, locale)}</Table.Cell>
                    <Table.Cell className="numeric">{kroner(year.scenarioFrameNok, locale)}</Table.Cell>
                    <Table.Cell className="numeric">{kroner(year.committedNok, locale)}</Table.Cell>
                    <Table.Cell className="numeric">
                      {year.overNok > 0 ? kroner(year.overNok, locale) : '–'}
                    </Table.Cell>
                    <Table.Cell className="numeric">
                      {year.overNok > 0 ? kroner(year.realOverNok, locale) : '–'}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollableTable>

          <Heading level={2} data-size="sm" id="scenario-over">
            {t('budget.scenario.over')}
          </Heading>
          {scenario.overruns.length === 0 ? (
            <Paragraph data-testid="scenario-none-over">{t('budget.scenario.noneOver')}</Paragraph>
          ) : (
            <ul data-testid="scenario-over">
              {scenario.overruns.map((overrun) => (
                <li key={`${overrun.year}-${overrun.level ?? ''}`} data-year={overrun.year}>
                  <strong>{overrun.year}</strong> (
                  {overrun.level ? levelName(levels, overrun.level, locale) : t('budget.scenario.overWhole')}
                  ): {t('budget.col.over').toLowerCase()} {kroner(overrun.overNok, locale)} kr
                  {overrun.real &&
                    ` (${t('budget.col.realAmount').toLowerCase()} ${kroner(overrun.real.overNok, locale)} kr)`}
                </li>
              ))}
            </ul>
          )}

          {scenario.affected.length > 0 && (
            <ScrollableTable labelledBy="scenario-affected">
              <Heading level={2} data-size="sm" id="scenario-affected">
                {t('budget.scenario.affected')}
              </Heading>
              <Table data-testid="scenario-affected" zebra>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('budget.col.year')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('budget.col.cluster')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('budget.col.level')}</Table.HeaderCell>
                    <Table.HeaderCell className="numeric">{t('budget.col.amount')}</Table.HeaderCell>
                    <Table.HeaderCell className="numeric">{t('budget.col.realAmount')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {scenario.affected.map((commitment) => (
                    <Table.Row key={commitment.id}>
                      <Table.Cell>{commitment.year}</Table.Cell>
                      <Table.Cell>
                        <Link href={`/clusters/${commitment.cluster.slug}/commitments`}>
                          {commitment.cluster.name}
                        </Link>
                      </Table.Cell>
                      <Table.Cell>{levelName(levels, commitment.level, locale)}</Table.Cell>
                      <Table.Cell className="numeric">{kroner(commitment.amountNok, locale)}</Table.Cell>
                      <Table.Cell className="numeric">{kroner(commitment.realNok, locale)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollableTable>
          )}
        </>
      )}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: budgetMessages,
  load: loadScenario,
  title: (_data, t) => t('budget.scenario.title'),
  Component: ScenarioPage,
});
