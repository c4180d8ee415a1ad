import { Details, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { findCounty } from '../../../shared/counties';
import type { Api } from '../../../web/kit/api';
import { formatDate, formatNok } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { type AnnouncementView, getAnnouncement } from './api';
import { decisionMessages } from './messages';

type AnnouncementData = { nb: AnnouncementView; en: AnnouncementView };

async function loadAnnouncement(api: Api, { params: { id } }: PageInput<'id'>): Promise<AnnouncementData> {
  const [nb, en] = await Promise.all([
    api.call(getAnnouncement, { params: { id }, query: { lang: 'nb' } }),
    api.call(getAnnouncement, { params: { id }, query: { lang: 'en' } }),
  ]);
  return { nb, en };
}

/** A published round's facts and the draft press release, in the reader's language and the other. */
function AnnouncementPage({ data }: { data: AnnouncementData }) {
  const { locale, t } = useLocale(decisionMessages);
  const facts = data[locale];
  const other = locale === 'nb' ? data.en : data.nb;
  return (
    <article className="stack">
      <nav aria-label="breadcrumbs" className="breadcrumbs">
        <Link href={`/calls/${facts.callId}`}>{t('decisions.announcement.title')}</Link>
      </nav>
      <Heading level={1} data-size="lg">
        {facts.pressRelease.title}
      </Heading>
      <section className="stack" aria-labelledby="facts-heading">
        <Heading level={2} data-size="sm" id="facts-heading">
          {t('decisions.announcement.facts')}
        </Heading>
        <Paragraph data-testid="admitted-count">
          {t('decisions.announcement.admitted', { count: facts.admitted.length })}
        </Paragraph>
        <Paragraph data-testid="in-programme">
          {t('decisions.announcement.inProgramme', {
            on: formatDate(facts.publishedOn, locale),
            count: facts.clustersInProgramme,
          })}
        </Paragraph>
        <Paragraph data-testid="budget">
          {facts.frameNok === null
            ? t('decisions.announcement.noFrame', {
                year: facts.year,
                committed: formatNok(facts.committedNok, locale),
              })
            : t('decisions.announcement.budget', {
                year: facts.year,
                frame: formatNok(facts.frameNok, locale),
                committed: formatNok(facts.committedNok, locale),
              })}
        </Paragraph>
        <div className="scrollable">
          <Table data-testid="admitted">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('decisions.announcement.column.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('decisions.announcement.column.level')}</Table.HeaderCell>
                <Table.HeaderCell>{t('decisions.announcement.column.counties')}</Table.HeaderCell>
                <Table.HeaderCell>{t('decisions.announcement.column.host')}</Table.HeaderCell>
                <Table.HeaderCell>{t('decisions.announcement.column.hub')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {facts.admitted.map((entry) => (
                <Table.Row key={entry.slug} data-testid="admitted-row">
                  <Table.Cell>
                    <Link href={`/clusters/${entry.slug}`}>{entry.name}</Link>
                  </Table.Cell>
                  <Table.Cell>{entry.levelName}</Table.Cell>
                  <Table.Cell>
                    {entry.counties.map((code) => findCounty(code)?.name ?? code).join(', ')}
                  </Table.Cell>
                  <Table.Cell>{entry.host ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {entry.hub ? <Link href={`/clusters/${entry.hub.slug}`}>{entry.hub.name}</Link> : '–'}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      </section>
      <section className="stack" aria-labelledby="release-heading">
        <Heading level={2} data-size="sm" id="release-heading">
          {t('decisions.announcement.pressRelease')}
        </Heading>
        <div data-testid="press-release" style={{ whiteSpace: 'pre-wrap' }}>
          {facts.pressRelease.text}
        </div>
        <Details>
          <Details.Summary>{t('decisions.announcement.other')}</Details.Summary>
          <Details.Content>
            <div style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{other.pressRelease.title}</strong>
              {'\n\n'}
              {other.pressRelease.text}
            </div>
          </Details.Content>
        </Details>
      </section>
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: decisionMessages,
  load: loadAnnouncement,
  title: ({ nb }, t) =>
    t('decisions.announcement.documentTitle', { nb: nb.pressRelease.title, en: nb.pressRelease.title }),
  Component: AnnouncementPage,
});
