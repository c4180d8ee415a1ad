import { Details, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Api } from '../../../web/kit/api';
import { Pager } from '../../../web/kit/components/pager';
import { formatDateTime } from '../../../web/kit/format';
import { valuesOf } from '../../../web/kit/i18n';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { withQuery } from '../../../web/kit/url';
import { listMail, type MailPage } from './api';
import { MAIL_STATUS_LABELS } from './labels';
import { mailMessages } from './messages';

type OutboxPageData = {
  result: MailPage;
  status: string | undefined;
  /** One message asked for by its id (a link from an invitation): shown alone and open. */
  id: string | undefined;
};

async function loadOutbox(api: Api, { url }: PageInput): Promise<OutboxPageData> {
  const status = url.searchParams.get('status') ?? undefined;
  const id = url.searchParams.get('id') ?? undefined;
  const page = url.searchParams.get('page') ?? undefined;
  return { result: await api.call(listMail, { query: { status, id, page } }), status, id };
}

const STATUS_COLOR = { queued: 'info', sent: 'success', failed: 'danger', kept: 'neutral' } as const;

/** Every message Klynge has sent or keeps; without SMTP, this is where the mail is read. */
function OutboxPage({ data, url }: { data: OutboxPageData; url: URL }) {
  const { locale, t } = useLocale(mailMessages);
  const { result } = data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('outbox.title')}
      </Heading>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      <nav aria-label={t('outbox.filter')} className="chip-row">
        <Link
          href={withQuery(url, { status: undefined, id: undefined, page: undefined })}
          aria-current={!data.status && !data.id ? 'page' : undefined}
        >
          {t('filter.all')}
        </Link>
        {valuesOf(MAIL_STATUS_LABELS).map((status) => (
          <Link
            key={status}
            href={withQuery(url, { status, id: undefined, page: undefined })}
            aria-current={data.status === status ? 'page' : undefined}
          >
            {t(MAIL_STATUS_LABELS[status])}
          </Link>
        ))}
      </nav>
      {result.items.length === 0 ? (
        <Paragraph>{t('outbox.empty')}</Paragraph>
      ) : (
        <ul className="plain-list stack" data-testid="outbox-list">
          {result.items.map((message) => (
            <li key={message.id}>
              <Details defaultOpen={data.id === message.id}>
                <Details.Summary>
                  {message.subject} → {message.to}{' '}
                  <Tag data-color={STATUS_COLOR[message.status]}>{t(MAIL_STATUS_LABELS[message.status])}</Tag>
                </Details.Summary>
                <Details.Content>
                  <dl className="facts" data-testid="outbox-message-state">
                    <dt>{t('outbox.created')}</dt>
                    <dd>{formatDateTime(message.createdAt, locale)}</dd>
                    <dt>{t('outbox.state')}</dt>
                    <dd>{t(MAIL_STATUS_LABELS[message.status])}</dd>
                    <dt>{t('outbox.attempts')}</dt>
                    <dd>{message.attempts}</dd>
                    {message.sentAt && (
                      <>
                        <dt>{t('outbox.sentAt')}</dt>
                        <dd>{formatDateTime(message.sentAt, locale)}</dd>
                      </>
                    )}
                    {message.lastError && (
                      <>
                        <dt>{t('outbox.lastError')}</dt>
                        <dd>{message.lastError}</dd>
                      </>
                    )}
                  </dl>
                  <pre className="mail-body">{message.text}</pre>
                </Details.Content>
              </Details>
            </li>
          ))}
        </ul>
      )}
      <Pager url={url} page={result.page} pageSize={result.pageSize} total={result.total} />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: mailMessages,
  load: loadOutbox,
  title: (_data, t) => t('outbox.title'),
  Component: OutboxPage,
});
