import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { formatDate, formatDateTime } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import type { PersonView } from '../personal-data.contract';
import { getPerson } from './api';
import { ErasePanel } from './erase-panel';
import { ACCOUNT_STATUS_LABELS, PERSON_ROLE_LABELS } from './labels';
import { personalDataMessages } from './messages';

type PersonPageData = { person: PersonView };

async function loadPersonPage(api: Api, { params: { id } }: PageInput<'id'>): Promise<PersonPageData> {
  return { person: await api.call(getPerson, { params: { id } }) };
}

/** What Klynge holds about one person, with the download of all of it and the erasure. */
function PersonPage({ data }: { data: PersonPageData }) {
  const { locale, t } = useLocale(personalDataMessages);
  const { person } = data;
  const { account } = person;
  const name = person.erasedAt ? t('people.erased') : person.name;
  return (
    <article>
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href="/people">{t('people.title')}</Link> <span aria-hidden="true">›</span> <span>{name}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {name}
      </Heading>
      {person.erasedAt && (
        <div className="cluster__level">
          <Tag data-color="neutral">
            {t('people.erasedOn', { date: formatDate(person.erasedAt.slice(0, 10), locale) })}
          </Tag>
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>{t('person.email')}</dt>
          <dd>{person.email ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('person.phone')}</dt>
          <dd>{person.phone ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('person.created')}</dt>
          <dd>{formatDate(person.createdAt.slice(0, 10), locale)}</dd>
        </div>
        <div>
          <dt>{t('person.account')}</dt>
          <dd>{account ? t(ACCOUNT_STATUS_LABELS[account.status]) : t('people.account.none')}</dd>
        </div>
        {account && (
          <>
            <div>
              <dt>{t('person.accountEmail')}</dt>
              <dd>{account.email}</dd>
            </div>
            <div>
              <dt>{t('person.lastLogin')}</dt>
              <dd>{account.lastLoginAt ? formatDateTime(account.lastLoginAt, locale) : t('person.never')}</dd>
            </div>
            <div>
              <dt>{t('person.roles')}</dt>
              <dd>
                {account.grants.length === 0
                  ? t('person.noRoles')
                  : [...new Set(account.grants.map((g) => t(PERSON_ROLE_LABELS[g.role])))].join(', ')}
              </dd>
            </div>
            <div>
              <dt>{t('person.access')}</dt>
              <dd>
                {t('person.accessCounts', {
                  sessions: account.sessions,
                  tokens: account.apiTokens,
                  identities: account.singleSignOnIdentities,
                })}
              </dd>
            </div>
          </>
        )}
      </dl>
      <section aria-labelledby="person-data">
        <Heading level={2} data-size="sm" id="person-data">
          {t('person.data')}
        </Heading>
        <ul className="stack">
          <li>
            <Link href={`/api/persons/${person.id}/export`} download data-testid="person-export">
              {t('person.export')}
            </Link>
          </li>
          {account && (
            <li>
              <Link href={`/audit?actorAccountId=${account.id}`}>{t('person.events')}</Link>
            </li>
          )}
        </ul>
      </section>
      {person.erasedAt ? (
        <Paragraph className="muted">{t('erase.done')}</Paragraph>
      ) : (
        <ErasePanel person={person} />
      )}
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: personalDataMessages,
  load: loadPersonPage,
  title: ({ person }, t) => (person.erasedAt ? t('people.erased') : person.name),
  Component: PersonPage,
});
