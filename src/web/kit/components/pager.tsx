import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocale } from '../locale-context';
import { withQuery } from '../url';

/** Previous/next links that work as plain links without JavaScript. */
export function Pager({
  url,
  page,
  pageSize,
  total,
}: {
  url: URL;
  page: number;
  pageSize: number;
  total: number;
}) {
  const { t } = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')} className="pager">
      {page > 1 ? (
        <Link href={withQuery(url, { page: page - 1 === 1 ? undefined : page - 1 })} rel="prev">
          ← {t('pagination.previous')}
        </Link>
      ) : (
        <span />
      )}
      <Paragraph data-size="sm">{t('pagination.page', { page, pages })}</Paragraph>
      {page < pages ? (
        <Link href={withQuery(url, { page: page + 1 })} rel="next">
          {t('pagination.next')} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
