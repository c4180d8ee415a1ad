import { Card, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import { formatOrgnr } from '../../../shared/orgnr';
import { findSection } from '../../../shared/sectors';
import { formatDate, formatNok, formatNumber, formatPercent } from '../../../web/kit/format';
import { countyName, sectorSummary } from '../../../web/kit/labels';
import { useLocale } from '../../../web/kit/locale-context';
import {
  COUNTED_ACTOR_TYPE_LABELS,
  MEMBERSHIP_ROLE_LABELS,
  SIZE_CLASS_LABELS,
} from '../../../web/kit/messages';
import { useViewer } from '../../../web/kit/viewer-context';
import type { ClusterProfile as ClusterProfileView } from '../clusters.contract';
import { canEditClusterProfile } from '../clusters.policy';
import { NO_LEVEL_LABELS } from './labels';
import { clusterMessages } from './messages';

function StatList({ title, rows }: { title: string; rows: { label: string; count: number }[] }) {
  const { locale } = useLocale();
  if (rows.length === 0) return null;
  return (
    <div className="stat-list">
      <Heading level={3} data-size="2xs">
        {title}
      </Heading>
      <dl>
        {rows.map((row) => (
          <div key={row.label} className="stat-list__row">
            <dt>{row.label}</dt>
            <dd>{formatNumber(row.count, locale)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * A cluster's public profile, from its name to its partner statistics. The page that shows it
 * (declared by memberships, which adds the partner list) wraps it in the cluster's article.
 */
export function ClusterProfile({ cluster }: { cluster: ClusterProfileView }) {
  const { locale, t } = useLocale(clusterMessages);
  const stats = cluster.partnerStatistics;
  const viewer = useViewer();
  const mayEdit = canEditClusterProfile(viewer, cluster);
  return (
    <>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href="/">{t('nav.registry')}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{cluster.name}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {cluster.name}
        {cluster.shortName && <span className="muted"> ({cluster.shortName})</span>}
      </Heading>
      <div className="cluster__level">
        {cluster.currentLevel ? (
          <Tag data-color="brand1" data-testid="current-level">
            {pick(cluster.currentLevel.name, locale)}
          </Tag>
        ) : (
          <Tag data-color="neutral" data-testid="current-level">
            {t(NO_LEVEL_LABELS[cluster.status])}
          </Tag>
        )}
        {cluster.currentLevel && (
          <span className="muted">
            {' '}
            {t('cluster.since', { date: formatDate(cluster.currentLevel.since, locale) })}
          </span>
        )}
        {cluster.brands
          .filter((brand) => brand.endsOn === null)
          .map((brand) => (
            <Tag key={brand.code} data-color="accent">
              {pick(brand.name, locale)}
            </Tag>
          ))}
      </div>
      {cluster.status === 'forming' && (
        <Paragraph data-size="sm" data-testid="forming-notice">
          {t('cluster.formingNotice')}
        </Paragraph>
      )}
      {mayEdit && (
        <Paragraph>
          <Link href={`/clusters/${cluster.slug}/edit`} data-testid="edit-cluster">
            {t('editCluster.title')}
          </Link>
        </Paragraph>
      )}
      <Paragraph className="cluster__description">{pick(cluster.description, locale)}</Paragraph>

      <dl className="facts">
        {cluster.foundedYear && (
          <div>
            <dt>{t('cluster.founded')}</dt>
            <dd>{cluster.foundedYear}</dd>
          </div>
        )}
        <div>
          <dt>{t('cluster.counties')}</dt>
          <dd>{cluster.counties.map(countyName).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('cluster.sectors')}</dt>
          <dd>{sectorSummary(cluster.sectors, locale)}</dd>
        </div>
        {cluster.host && (
          <div>
            <dt>{t('cluster.host')}</dt>
            <dd>
              <Link href={`/organisations/${cluster.host.orgnr}`}>
                {cluster.host.name ?? formatOrgnr(cluster.host.orgnr)}
              </Link>
            </dd>
          </div>
        )}
        {cluster.website && (
          <div>
            <dt>{t('cluster.website')}</dt>
            <dd>
              <Link href={cluster.website} rel="external noopener">
                {cluster.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}
              </Link>
            </dd>
          </div>
        )}
      </dl>

      {cluster.focusAreas.length > 0 && (
        <section aria-labelledby="focus-heading">
          <Heading level={2} data-size="sm" id="focus-heading">
            {t('cluster.focusAreas')}
          </Heading>
          <ul className="focus-areas">
            {cluster.focusAreas.map((area) => (
              <li key={area.nb}>{pick(area, locale)}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="history-heading">
        <Heading level={2} data-size="sm" id="history-heading">
          {t('cluster.levelHistory')}
        </Heading>
        <Table aria-labelledby="history-heading" data-testid="level-history">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('cluster.history.level')}</Table.HeaderCell>
              <Table.HeaderCell>{t('cluster.history.period')}</Table.HeaderCell>
              <Table.HeaderCell className="numeric">{t('cluster.history.grant')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {cluster.levelHistory.map((engagement) => (
              <Table.Row key={`${engagement.level}-${engagement.startsOn}`}>
                <Table.Cell>
                  {pick(engagement.levelName, locale)}
                  {engagement.current && (
                    <Tag data-color="success" className="inline-tag">
                      {t('cluster.history.current')}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {formatDate(engagement.startsOn, locale)} – {formatDate(engagement.plannedEndOn, locale)}
                  {engagement.extendedToOn && (
                    <span className="muted">
                      {' '}
                      ({t('cluster.history.extended', { date: formatDate(engagement.extendedToOn, locale) })})
                    </span>
                  )}
                  {engagement.endedOn && (
                    <span className="muted">
                      {' '}
                      ({t('cluster.history.ended', { date: formatDate(engagement.endedOn, locale) })})
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell className="numeric">{formatNok(engagement.yearlyGrantNok, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>

      {(cluster.hubs.length > 0 || cluster.nodes.length > 0) && (
        <section aria-labelledby="hub-heading">
          <Heading level={2} data-size="sm" id="hub-heading">
            {cluster.hubs.length > 0 ? t('cluster.hubs') : t('cluster.nodes')}
          </Heading>
          {cluster.hubs.map((link) => (
            <Paragraph key={link.cluster.slug}>
              {t('cluster.hubOf', { name: cluster.name })}{' '}
              <Link href={`/clusters/${link.cluster.slug}`}>{link.cluster.name}</Link> (
              {formatDate(link.startsOn, locale)})
            </Paragraph>
          ))}
          {cluster.nodes.length > 0 && (
            <ul>
              {cluster.nodes.map((link) => (
                <li key={link.cluster.slug}>
                  <Link href={`/clusters/${link.cluster.slug}`}>{link.cluster.name}</Link> (
                  {formatDate(link.startsOn, locale)})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="stats-heading">
        <Heading level={2} data-size="sm" id="stats-heading">
          {t('cluster.partnerStats')}: {formatNumber(stats.total, locale)}
        </Heading>
        <div className="stats-grid">
          <Card>
            <StatList
              title={t('cluster.byActorType')}
              rows={stats.byActorType.map((r) => ({
                label: t(COUNTED_ACTOR_TYPE_LABELS[r.key]),
                count: r.count,
              }))}
            />
            {stats.smeShare !== null && (
              <Paragraph data-size="sm">
                {t('cluster.smeShare')}: {formatPercent(stats.smeShare, locale)}
              </Paragraph>
            )}
          </Card>
          <Card>
            <StatList
              title={t('cluster.bySection')}
              rows={stats.bySection.map((r) => ({
                label: r.key === 'unknown' ? t('size.unknown') : (findSection(r.key)?.[locale] ?? r.key),
                count: r.count,
              }))}
            />
          </Card>
          <Card>
            <StatList
              title={t('cluster.byCounty')}
              rows={stats.byCounty.map((r) => ({
                label: r.key === 'unknown' ? t('county.unknown') : countyName(r.key),
                count: r.count,
              }))}
            />
          </Card>
          <Card>
            <StatList
              title={t('cluster.bySize')}
              rows={stats.bySize.map((r) => ({ label: t(SIZE_CLASS_LABELS[r.key]), count: r.count }))}
            />
            <StatList
              title={t('cluster.byRole')}
              rows={stats.byRole.map((r) => ({ label: t(MEMBERSHIP_ROLE_LABELS[r.key]), count: r.count }))}
            />
          </Card>
        </div>
      </section>
    </>
  );
}
