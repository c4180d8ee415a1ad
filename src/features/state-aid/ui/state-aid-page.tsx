import { Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { type Api, ApiError } from '../../../web/kit/api';
import { ScrollableTable } from '../../../web/kit/components/scrollable-table';
import { formatDate, formatNumber } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { canReadStateAid } from '../state-aid.policy';
import { type ClusterStateAid, getClusterStateAid, me } from './api';
import { ClockSummary } from './clock-summary';
import { stateAidMessages } from './messages';

async function loadStateAidPage(api: Api, { params: { slug } }: PageInput<'slug'>): Promise<ClusterStateAid> {
  const viewer = await api.call(me);
  if (viewer.kind !== 'account')
    throw new ApiError(401, { detail: "Sign in to read a cluster's state-aid clock." });
  if (!canReadStateAid(viewer)) {
    throw new ApiError(403, { detail: "Only programme staff may read a cluster's state-aid clock." });
  }
  return api.call(getClusterStateAid, { params: { slug } });
}

/** A cluster's clock for programme staff: years used of the cap, and the periods that count. */
function StateAidPage({ data }: { data: ClusterStateAid }) {
  const { locale, t } = useLocale(stateAidMessages);
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('page.title', { name: data.cluster.name })}
      </Heading>
      <Paragraph>{t('page.intro', { cap: formatNumber(data.capYears, locale) })}</Paragraph>
      <ClockSummary clock={data} />
      <section aria-labelledby="state-aid-engagements" className="stack">
        <Heading level={2} data-size="sm" id="state-aid-engagements">
          {t('engagements.heading')}
        </Heading>
        {data.engagements.length === 0 ? (
          <Paragraph>{t('engagements.none')}</Paragraph>
        ) : (
          <>
            <ScrollableTable labelledBy="state-aid-engagements">
              <Table aria-labelledby="state-aid-engagements" data-testid="state-aid-engagements">
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('engagements.level')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('engagements.from')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('engagements.to')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('engagements.years')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.engagements.map((engagement) => (
                    <Table.Row key={engagement.engagementId}>
                      <Table.Cell>{engagement.level.name[locale] || engagement.level.name.nb}</Table.Cell>
                      <Table.Cell>{formatDate(engagement.from, locale)}</Table.Cell>
                      <Table.Cell>{formatDate(engagement.to, locale)}</Table.Cell>
                      <Table.Cell>{formatNumber(engagement.years, locale)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollableTable>
            <Paragraph data-size="sm">{t('engagements.overlapNote')}</Paragraph>
          </>
        )}
      </section>
      <Paragraph>
        <Link href={`/clusters/${encodeURIComponent(data.cluster.slug)}`}>{t('page.back')}</Link>
      </Paragraph>
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: stateAidMessages,
  load: loadStateAidPage,
  title: (data, t) => t('page.title', { name: data.cluster.name }),
  Component: StateAidPage,
});
