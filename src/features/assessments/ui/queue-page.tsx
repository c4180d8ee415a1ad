import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { Pager } from '../../../web/kit/components/pager';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { listMyAssessments, type ProgrammeView, type QueuePage } from './api';
import { formatTotal, levelName, programmeOrNull } from './labels';
import { ASSESSMENT_STATUS_LABELS, assessmentMessages } from './messages';

type QueueData = { queue: QueuePage; programme: ProgrammeView | null };

async function loadQueue(api: Api, { url }: PageInput): Promise<QueueData> {
  const page = url.searchParams.get('page') ?? undefined;
  const [queue, programme] = await Promise.all([
    api.call(listMyAssessments, { query: { page, pageSize: '50' } }),
    programmeOrNull(api),
  ]);
  return { queue, programme };
}

const STATUS_COLOR = {
  assigned: 'warning',
  conflict: 'neutral',
  scoring: 'info',
  completed: 'success',
} as const;

/** The assessor's queue: each application they are to assess, with where their assessment stands. */
function AssessmentQueuePage({ data, url }: { data: QueueData; url: URL }) {
  const { locale, t } = useLocale(assessmentMessages);
  const { queue, programme } = data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('assessments.queue.title')}
      </Heading>
      <Paragraph>{t('assessments.queue.intro')}</Paragraph>
      {queue.items.length === 0 ? (
        <Paragraph>{t('assessments.queue.empty')}</Paragraph>
      ) : (
        <Table data-testid="assessment-queue">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('assessments.queue.column.application')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assessments.queue.column.call')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assessments.queue.column.status')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('assessments.queue.column.total')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {queue.items.map((item) => (
              <Table.Row key={item.id}>
                <Table.Cell>
                  <Link href={`/assessments/${item.id}`}>{item.application.cluster.name}</Link>
                  <span className="muted"> · {levelName(programme, item.application.level, locale)}</span>
                </Table.Cell>
                <Table.Cell>{pick(item.call.title, locale)}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={STATUS_COLOR[item.status]}>{t(ASSESSMENT_STATUS_LABELS[item.status])}</Tag>
                </Table.Cell>
                <Table.Cell className="numeric">{formatTotal(item.total, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Pager url={url} page={queue.page} pageSize={queue.pageSize} total={queue.total} />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: assessmentMessages,
  load: loadQueue,
  title: (_data, t) => t('assessments.queue.pageTitle'),
  Component: AssessmentQueuePage,
});
