import { Alert, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import { type Api, ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { useLocale } from '../../../web/kit/locale-context';
import { goTo } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import { canManageCalls } from '../calls.policy';
import { type CallView, getCall, getProgramme, me, type ProgrammeView, updateCall } from './api';
import { CallForm } from './call-form';
import { callMessages } from './messages';

type EditCallData = { call: CallView; programme: ProgrammeView };

/** The form is for those who write calls; a draft anyone else asks for does not exist for them. */
async function loadEditCall(api: Api, { params: { id } }: PageInput<'id'>): Promise<EditCallData> {
  const viewer = await api.call(me);
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to edit a call.' });
  if (!canManageCalls(viewer)) throw new ApiError(403, { detail: 'Only programme staff may edit calls.' });
  const [call, programme] = await Promise.all([
    api.call(getCall, { params: { id } }),
    api.call(getProgramme),
  ]);
  return { call, programme };
}

function EditCallPage({ data }: { data: EditCallData }) {
  const { locale, t } = useLocale(callMessages);
  const { call, programme } = data;
  const href = `/calls/${call.id}`;
  return (
    <div className="stack">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href="/calls">{t('calls.title')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={href}>{pick(call.title, locale)}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{t('callForm.editTitle')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('callForm.editTitle')}
      </Heading>
      {call.status === 'draft' ? (
        <>
          <Paragraph>{t('callForm.intro')}</Paragraph>
          <CallForm
            programme={programme}
            call={call}
            cancelHref={href}
            save={async (body) => {
              const saved = await browserApi.call(updateCall, { params: { id: call.id }, body });
              goTo(href);
              return saved;
            }}
          />
        </>
      ) : (
        <Alert data-color="info">
          {t('callForm.notDraft')} <Link href={href}>{pick(call.title, locale)}</Link>
        </Alert>
      )}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: callMessages,
  load: loadEditCall,
  title: ({ call }, t) => `${t('callForm.editTitle')}: ${t('call.pageTitle', call.title)}`,
  Component: EditCallPage,
});
