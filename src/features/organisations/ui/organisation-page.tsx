import { Alert, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { formatOrgnr } from '../../../shared/orgnr';
import type { Api } from '../../../web/kit/api';
import { formatDate, formatNumber } from '../../../web/kit/format';
import { countyName, sectorLabel } from '../../../web/kit/labels';
import { useLocale } from '../../../web/kit/locale-context';
import { ACTOR_TYPE_LABELS, MEMBERSHIP_ROLE_LABELS } from '../../../web/kit/messages';
import { definePage, type PageInput } from '../../../web/kit/page';
import type { OrganisationView } from '../organisations.contract';
import { getOrganisation } from './api';
import { ClassifyPanel } from './classify-panel';
import { ContactPanel } from './contact-panel';
import { organisationMessages } from './messages';
import { organisationFormLabel } from './organisation-forms';

type OrganisationPageData = { organisation: OrganisationView };

async function loadOrganisationPage(
  api: Api,
  { params: { orgnr } }: PageInput<'orgnr'>,
): Promise<OrganisationPageData> {
  return { organisation: await api.call(getOrganisation, { params: { orgnr } }) };
}

function OrganisationPage({ data }: { data: OrganisationPageData }) {
  const { locale, t } = useLocale(organisationMessages);
  const { organisation } = data;
  const register = organisation.register;
  return (
    <article className="organisation">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href="/">{t('nav.registry')}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{organisation.name}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {organisation.name}
      </Heading>
      <div className="cluster__level">
        {register.bankrupt && <Tag data-color="danger">{t('organisation.bankrupt')}</Tag>}
        {(register.underLiquidation || register.underForcedLiquidation) && (
          <Tag data-color="warning">{t('organisation.dissolving')}</Tag>
        )}
        {register.deletedOn && (
          <Tag data-color="neutral">
            {t('organisation.deleted', { date: formatDate(register.deletedOn, locale) })}
          </Tag>
        )}
      </div>
      {register.source === 'unverified' && <Alert data-color="warning">{t('organisation.unverified')}</Alert>}
      <dl className="facts">
        <div>
          <dt>{t('organisation.orgnr')}</dt>
          <dd>{formatOrgnr(organisation.orgnr)}</dd>
        </div>
        {organisation.organisationForm && (
          <div>
            <dt>{t('organisation.form')}</dt>
            <dd>
              {organisationFormLabel(organisation.organisationForm, locale, register.organisationFormName)}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('organisation.actorType')}</dt>
          <dd>
            {t(ACTOR_TYPE_LABELS[organisation.actorType])}
            {organisation.actorTypeOverridden && (
              <span className="muted"> {t('organisation.overridden')}</span>
            )}
          </dd>
        </div>
        {organisation.naceCodes.length > 0 && (
          <div>
            <dt>{t('organisation.industry')}</dt>
            <dd>
              {organisation.naceCodes
                .map((nace) =>
                  nace.section ? `${nace.code} (${sectorLabel(nace.section, locale)})` : nace.code,
                )
                .join(', ')}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('organisation.employees')}</dt>
          <dd>
            {organisation.employees === null
              ? t('size.unknown')
              : formatNumber(organisation.employees, locale)}
          </dd>
        </div>
        {(register.municipalityName || organisation.countyCode) && (
          <div>
            <dt>{t('organisation.address')}</dt>
            <dd>
              {[register.municipalityName, organisation.countyCode && countyName(organisation.countyCode)]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </div>
        )}
        {register.foundedOn && (
          <div>
            <dt>{t('organisation.founded')}</dt>
            <dd>{formatDate(register.foundedOn, locale)}</dd>
          </div>
        )}
      </dl>
      {register.lastImportAt && register.source === 'register' && (
        <Paragraph data-size="sm" className="muted" data-testid="register-as-of">
          {t('organisation.registerAsOf', { date: formatDate(register.lastImportAt.slice(0, 10), locale) })}
        </Paragraph>
      )}
      <ContactPanel organisation={organisation} />
      <ClassifyPanel organisation={organisation} />
      <section aria-labelledby="clusters-heading">
        <Heading level={2} data-size="sm" id="clusters-heading">
          {t('organisation.clusters')}
        </Heading>
        {organisation.memberships.length === 0 ? (
          <Paragraph>{t('organisation.noClusters')}</Paragraph>
        ) : (
          <ul className="membership-list">
            {organisation.memberships.map((membership) => (
              <li key={`${membership.cluster.slug}-${membership.joinedOn}`}>
                <Link href={`/clusters/${membership.cluster.slug}`}>{membership.cluster.name}</Link>{' '}
                <Tag data-color={membership.current ? 'brand1' : 'neutral'}>
                  {t(MEMBERSHIP_ROLE_LABELS[membership.role])}
                </Tag>{' '}
                <span className="muted">
                  {formatDate(membership.joinedOn, locale)}
                  {membership.leftOn &&
                    `, ${t('organisation.left', { date: formatDate(membership.leftOn, locale) })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: organisationMessages,
  load: loadOrganisationPage,
  title: ({ organisation }) => organisation.name,
  Component: OrganisationPage,
});
