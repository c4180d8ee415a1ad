import { Details, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ApiClient, MailPage } from '../../../web/api-client';
import { Pager } from '../../../web/components/pager';
import { formatDateTime, type MessageKey } from '../../../web/i18n';
import { useLocale } from '../../../web/locale-context';
import { withQuery } from '../../../web/url';
import { MAIL_STATUSES } from '../mail.contract';

export type OutboxPageData = { result: MailPage; status: string | undefined };

export async function loadOutbox(api: ApiClient, url: URL): Promise<OutboxPageData> {
  const status = url.searchParams.get('status') ?? undefined;
  return { result: await api.mail({ status, page: url.searchParams.get('page') ?? undefined }), status };
}

const STATUS_COLOR = { queued: 'info', sent: 'success', failed: 'danger', kept: 'neutral' } as const;

/** Every message Klynge has sent or keeps; without SMTP, this is where the mail is read. */
export function OutboxPage({ data, url }: { data: OutboxPageData; url: URL }) {
  const { locale, t } = useLocale();
  const { result } = data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('outbox.title')}
      </Heading>
      <Paragraph>{t('outbox.intro')}</Paragraph>
      <nav aria-label={t('outbox.filter')} className="chip-row">
        <Link
          href={withQuery(url, { status: undefined, page: undefined })}
          aria-current={!data.status ? 'page' : undefined}
        >
          {t('invitations.all')}
        </Link>
        {MAIL_STATUSES.map((status) => (
          <Link
            key={status}
            href={withQuery(url, { status, page: undefined })}
            aria-current={data.status === status ? 'page' : undefined}
          >
            {t(`mailStatus.${status}` as MessageKey)}
          </Link>
        ))}
      </nav>
      {result.items.length === 0 ? (
        <Paragraph>{t('outbox.empty')}</Paragraph>
      ) : (
        <ul className="plain-list stack" data-testid="outbox-list">
          {result.items.map((message) => (
            <li key={message.id}>
              <Details>
                <Details.Summary>
                  {message.subject} → {message.to}{' '}
                  <Tag data-color={STATUS_COLOR[message.status]}>
                    {t(`mailStatus.${message.status}` as MessageKey)}
                  </Tag>
                </Details.Summary>
                <Details.Content>
                  <Paragraph data-size="sm">
                    {formatDateTime(message.createdAt, locale)}
                    {message.lastError && ` · ${message.lastError}`}
                  </Paragraph>
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
