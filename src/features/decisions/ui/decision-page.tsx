import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { formatDate, formatNok } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { type DecisionView, getApplicationDecision } from './api';
import { decisionMessages } from './messages';

type DecisionData = { decision: DecisionView };

async function loadDecision(api: Api, { params: { id } }: PageInput<'id'>): Promise<DecisionData> {
  return { decision: await api.call(getApplicationDecision, { params: { id } }) };
}

/** The decision on an application and its letter, as the applicant reads it once published. */
function DecisionPage({ data: { decision } }: { data: DecisionData }) {
  const { locale, t } = useLocale(decisionMessages);
  return (
    <article className="stack">
      <nav aria-label="breadcrumbs" className="breadcrumbs">
        <Link href={`/applications/${decision.applicationId}`}>{decision.cluster.name}</Link>{' '}
        <span aria-hidden="true">›</span> <span>{t('decisions.decision.documentTitle')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('decisions.decision.title', { cluster: decision.cluster.name })}
      </Heading>
      {decision.status === 'draft' && <Tag data-color="warning">{t('decisions.decision.draft')}</Tag>}
      {decision.startsOn && decision.endsOn && (
        <Paragraph>
          {t('decisions.decision.period', {
            from: formatDate(decision.startsOn, locale),
            to: formatDate(decision.endsOn, locale),
          })}
        </Paragraph>
      )}
      {decision.grants.length > 0 && (
        <Table data-testid="decision-grants">
          <caption>{t('decisions.decision.grants')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('decisions.decision.year')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('decisions.decision.amount')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {decision.grants.map((grant) => (
              <Table.Row key={grant.year}>
                <Table.Cell>{grant.year}</Table.Cell>
                <Table.Cell className="numeric">{formatNok(grant.amountNok, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <section className="stack" aria-labelledby="letter-heading">
        <Heading level={2} data-size="sm" id="letter-heading">
          {t('decisions.decision.letter')}
        </Heading>
        <div className="letter" data-testid="decision-letter" style={{ whiteSpace: 'pre-wrap' }}>
          {decision.letter[locale] || decision.letter.nb}
        </div>
      </section>
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: decisionMessages,
  load: loadDecision,
  title: ({ decision }, t) => `${t('decisions.decision.documentTitle')}: ${decision.cluster.name}`,
  Component: DecisionPage,
});
