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
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { ScrollableTable } from '../../../web/kit/components/scrollable-table';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import { canSetFrames } from '../budget.policy';
import { getLedger, getPriceIndex, type Ledger, type PriceIndex, setFrame, setPriceIndex } from './api';
import { kroner } from './labels';
import { budgetMessages } from './messages';

type FramesData = { ledger: Ledger; index: PriceIndex };

/** The frames from five years back to five ahead, and the whole index. */
async function loadFrames(api: Api): Promise<FramesData> {
  const thisYear = new Date().getFullYear();
  const [ledger, index] = await Promise.all([
    api.call(getLedger, { query: { from: String(thisYear - 5), to: String(thisYear + 5) } }),
    api.call(getPriceIndex),
  ]);
  return { ledger, index };
}

const whole = (value: FormDataEntryValue | null) => {
  const text = String(value ?? '').replace(/[\s\u00a0\u202f]/g, '');
  return text === '' ? undefined : Number(text);
};

/** Operators set a year's frame with its split per level, and the price index. */
function FramesPage({ data }: { data: FramesData }) {
  const { locale, t } = useLocale(budgetMessages);
  const viewer = useViewer();
  const { ledger, index } = data;
  const frame = useFormAction(async (fields) => {
    const year = String(fields.get('year') ?? '').trim();
    const byLevel = Object.fromEntries(
      ledger.levels.flatMap((level) => {
        const amount = whole(fields.get(`part-${level.code}`));
        return amount === undefined ? [] : [[level.code, amount]];
      }),
    );
    await browserApi.call(setFrame, {
      params: { year },
      body: { frameNok: whole(fields.get('frameNok')) as number, byLevel },
    });
    refreshPage();
    return year;
  });
  const priceIndex = useFormAction(async (fields) => {
    const year = String(fields.get('year') ?? '').trim();
    const value = Number(String(fields.get('value') ?? '').replace(',', '.'));
    await browserApi.call(setPriceIndex, { params: { year }, body: { value } });
    refreshPage();
    return year;
  });
  // Programme staff read the frames here too; only operator admins are offered the forms.
  const operator = canSetFrames(viewer);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('budget.frames.title')}
      </Heading>
      <Paragraph>{t('budget.frames.intro')}</Paragraph>
      <Paragraph>
        <Link href="/budget">{t('budget.links.ledger')}</Link>
      </Paragraph>
      <ScrollableTable labelledBy="frames-heading">
        <Heading level={2} data-size="sm" id="frames-heading">
          {t('budget.col.frame')}
        </Heading>
        <Table data-testid="budget-frames" zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('budget.col.year')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('budget.col.frame')}</Table.HeaderCell>
              {ledger.levels.map((level) => (
                <Table.HeaderCell key={level.code} className="numeric">
                  {pick(level.name, locale)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {ledger.years.map((year) => (
              <Table.Row key={year.year}>
                <Table.HeaderCell scope="row">{year.year}</Table.HeaderCell>
                <Table.Cell className="numeric">{kroner(year.frameNok, locale)}</Table.Cell>
                {ledger.levels.map((level) => (
                  <Table.Cell key={level.code} className="numeric">
                    {kroner(year.byLevel[level.code]?.frameNok, locale)}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollableTable>

      {operator && (
        <form
          onSubmit={frame.onSubmit}
          onInput={frame.onInput}
          className="stack"
          aria-labelledby="frame-form"
        >
          <Heading level={2} data-size="sm" id="frame-form">
            {t('budget.frames.save')}
          </Heading>
          <div className="inline-form">
            <Field>
              <Label htmlFor="frame-year">{t('budget.frames.year')}</Label>
              <Input id="frame-year" name="year" inputMode="numeric" required size={6} />
            </Field>
            <Field>
              <Label htmlFor="frame-amount">{t('budget.frames.frameNok')}</Label>
              <Input id="frame-amount" name="frameNok" inputMode="numeric" required size={14} />
            </Field>
          </div>
          <div className="inline-form">
            {ledger.levels.map((level) => (
              <Field key={level.code}>
                <Label htmlFor={`frame-part-${level.code}`}>
                  {t('budget.frames.levelPart', { level: pick(level.name, locale) })}
                </Label>
                <Input
                  id={`frame-part-${level.code}`}
                  name={`part-${level.code}`}
                  inputMode="numeric"
                  size={14}
                />
              </Field>
            ))}
          </div>
          {frame.error !== undefined && (
            <ProblemAlert
              title={t('budget.frames.failed')}
              error={frame.error}
              labels={{ frameNok: t('budget.frames.frameNok'), year: t('budget.frames.year') }}
            />
          )}
          {frame.result && (
            <Alert data-color="success" role="status">
              {t('budget.frames.saved', { year: frame.result })}
            </Alert>
          )}
          <div>
            <Button type="submit" disabled={frame.busy}>
              {t('budget.frames.save')}
            </Button>
          </div>
        </form>
      )}

      <section className="stack" aria-labelledby="index-heading">
        <Heading level={2} data-size="sm" id="index-heading">
          {t('budget.index.title')}
        </Heading>
        {index.years.length === 0 ? (
          <Paragraph>{t('budget.index.empty')}</Paragraph>
        ) : (
          <Paragraph data-testid="price-index">
            {index.years
              .map((row) => `${row.year}: ${row.value.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB')}`)
              .join(' · ')}
          </Paragraph>
        )}
        {operator && (
          <form onSubmit={priceIndex.onSubmit} onInput={priceIndex.onInput} className="inline-form">
            <Field>
              <Label htmlFor="index-year">{t('budget.frames.year')}</Label>
              <Input id="index-year" name="year" inputMode="numeric" required size={6} />
            </Field>
            <Field>
              <Label htmlFor="index-value">{t('budget.index.value')}</Label>
              <Input id="index-value" name="value" inputMode="decimal" required size={8} />
            </Field>
            <div>
              <Button type="submit" disabled={priceIndex.busy}>
                {t('budget.index.save')}
              </Button>
            </div>
          </form>
        )}
        {priceIndex.error !== undefined && (
          <ProblemAlert
            title={t('budget.index.failed')}
            error={priceIndex.error}
            labels={{ value: t('budget.index.value') }}
          />
        )}
        {priceIndex.result && (
          <Alert data-color="success" role="status">
            {t('budget.index.saved', { year: priceIndex.result })}
          </Alert>
        )}
      </section>
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: budgetMessages,
  load: loadFrames,
  title: (_data, t) => t('budget.frames.title'),
  Component: FramesPage,
});
