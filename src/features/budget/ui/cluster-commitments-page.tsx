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
} from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { ScrollableTable } from '../../../web/kit/components/scrollable-table';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDate } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import { canRecordPayments } from '../budget.policy';
import { type ClusterCommitments, getClusterCommitments, recordPayment } from './api';
import { kroner, type LevelNames, levelName, levelNames } from './labels';
import { budgetMessages } from './messages';

type CommitmentsData = { view: ClusterCommitments; levels: LevelNames };

async function loadCommitments(api: Api, { params }: PageInput<'slug'>): Promise<CommitmentsData> {
  const [view, levels] = await Promise.all([
    api.call(getClusterCommitments, { params: { slug: params.slug } }),
    levelNames(api),
  ]);
  return { view, levels };
}

/** One cluster's commitments year by year, its payments, and for staff a form to record one. */
function ClusterCommitmentsPage({ data }: { data: CommitmentsData }) {
  const { locale, t } = useLocale(budgetMessages);
  const { view, levels } = data;
  const paying = canRecordPayments(useViewer());
  const payment = useFormAction(async (fields, form) => {
    const [engagementId, year] = String(fields.get('commitment') ?? '').split(' ');
    await browserApi.call(recordPayment, {
      params: { slug: view.cluster.slug },
      body: {
        engagementId: engagementId ?? '',
        year: Number(year),
        amountNok: Number(String(fields.get('amountNok') ?? '').replace(/[\s\u00a0\u202f]/g, '')),
        paidOn: String(fields.get('paidOn') ?? ''),
        note: String(fields.get('note') ?? ''),
      },
    });
    form.reset();
    refreshPage();
    return true;
  });
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('budget.cluster.title', { cluster: view.cluster.name })}
      </Heading>
      <Paragraph>{t('budget.cluster.intro')}</Paragraph>
      <Paragraph>
        <Link href={`/clusters/${view.cluster.slug}`}>{t('budget.cluster.profile')}</Link>
        {' · '}
        <Link href="/budget">{t('budget.links.ledger')}</Link>
      </Paragraph>
      {view.commitments.length === 0 ? (
        <Paragraph>{t('budget.cluster.empty')}</Paragraph>
      ) : (
        <>
          <Paragraph data-testid="commitments-total">
            {t('budget.cluster.total', {
              committed: kroner(view.totalCommittedNok, locale),
              paid: kroner(view.totalPaidNok, locale),
            })}
          </Paragraph>
          <ScrollableTable labelledBy="commitments-heading">
            <Heading level={2} data-size="sm" id="commitments-heading">
              {t('budget.cluster.commitments')}
            </Heading>
            <Table data-testid="cluster-commitments" zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('budget.col.year')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('budget.col.level')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('budget.col.amount')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('budget.col.realAmount')}</Table.HeaderCell>
                  <Table.HeaderCell className="numeric">{t('budget.col.paid')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {view.commitments.map((commitment) => {
                  const paid = view.payments
                    .filter((p) => p.engagementId === commitment.engagementId && p.year === commitment.year)
                    .reduce((sum, p) => sum + p.amountNok, 0);
                  return (
                    <Table.Row key={commitment.id}>
                      <Table.HeaderCell scope="row">{commitment.year}</Table.HeaderCell>
                      <Table.Cell>{levelName(levels, commitment.level, locale)}</Table.Cell>
                      <Table.Cell className="numeric">{kroner(commitment.amountNok, locale)}</Table.Cell>
                      <Table.Cell className="numeric">{kroner(commitment.realNok, locale)}</Table.Cell>
                      <Table.Cell className="numeric">{kroner(paid, locale)}</Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </ScrollableTable>
        </>
      )}
      <section className="stack" aria-labelledby="payments-heading">
        <Heading level={2} data-size="sm" id="payments-heading">
          {t('budget.cluster.payments')}
        </Heading>
        {view.payments.length === 0 ? (
          <Paragraph>{t('budget.cluster.noPayments')}</Paragraph>
        ) : (
          <Table data-testid="cluster-payments" zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('budget.col.paidOn')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.col.year')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.col.level')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('budget.col.amount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('budget.col.note')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.payments.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{formatDate(p.paidOn, locale)}</Table.Cell>
                  <Table.Cell>{p.year}</Table.Cell>
                  <Table.Cell>{levelName(levels, p.level, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{kroner(p.amountNok, locale)}</Table.Cell>
                  <Table.Cell>{p.note}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
      {paying && view.commitments.length > 0 && (
        <form
          onSubmit={payment.onSubmit}
          onInput={payment.onInput}
          className="stack"
          aria-labelledby="payment-heading"
        >
          <Heading level={2} data-size="sm" id="payment-heading">
            {t('budget.payment.title')}
          </Heading>
          <div className="inline-form">
            <Field>
              <Label htmlFor="payment-commitment">{t('budget.payment.commitment')}</Label>
              <Select id="payment-commitment" name="commitment" required>
                {view.commitments.map((c) => (
                  <Select.Option key={c.id} value={`${c.engagementId} ${c.year}`}>
                    {`${c.year} · ${levelName(levels, c.level, locale)} · ${kroner(c.amountNok, locale)} kr`}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="payment-amount">{t('budget.payment.amount')}</Label>
              <Input id="payment-amount" name="amountNok" inputMode="numeric" required size={12} />
            </Field>
            <Field>
              <Label htmlFor="payment-date">{t('budget.payment.paidOn')}</Label>
              <Input id="payment-date" name="paidOn" type="date" required />
            </Field>
            <Field>
              <Label htmlFor="payment-note">{t('budget.payment.note')}</Label>
              <Input id="payment-note" name="note" maxLength={500} />
            </Field>
          </div>
          {payment.error !== undefined && (
            <ProblemAlert
              title={t('budget.payment.failed')}
              error={payment.error}
              labels={{
                amountNok: t('budget.payment.amount'),
                year: t('budget.payment.commitment'),
                engagementId: t('budget.payment.commitment'),
              }}
            />
          )}
          {payment.result && (
            <Alert data-color="success" role="status">
              {t('budget.payment.saved')}
            </Alert>
          )}
          <div>
            <Button type="submit" disabled={payment.busy}>
              {t('budget.payment.save')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: budgetMessages,
  load: loadCommitments,
  title: (data, t) => t('budget.cluster.title', { cluster: data.view.cluster.name }),
  Component: ClusterCommitmentsPage,
});
