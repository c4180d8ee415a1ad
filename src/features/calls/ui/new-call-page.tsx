import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { type Api, ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { useLocale } from '../../../web/kit/locale-context';
import { goTo } from '../../../web/kit/navigation';
import { definePage } from '../../../web/kit/page';
import { canManageCalls } from '../calls.policy';
import { createCall, getProgramme, me, type ProgrammeView } from './api';
import { CallForm } from './call-form';
import { callMessages } from './messages';

type NewCallData = { programme: ProgrammeView };

/** The form is for those who write calls; anyone else gets the sign-in or no-access page. */
async function loadNewCall(api: Api): Promise<NewCallData> {
  const viewer = await api.call(me);
  if (viewer.kind !== 'account') throw new ApiError(401, { detail: 'Sign in to write a call.' });
  if (!canManageCalls(viewer)) throw new ApiError(403, { detail: 'Only programme staff may write calls.' });
  return { programme: await api.call(getProgramme) };
}

function NewCallPage({ data }: { data: NewCallData }) {
  const { t } = useLocale(callMessages);
  return (
    <div className="stack">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href="/calls">{t('calls.title')}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{t('callForm.newTitle')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('callForm.newTitle')}
      </Heading>
      <Paragraph>{t('callForm.intro')}</Paragraph>
      <CallForm
        programme={data.programme}
        cancelHref="/calls"
        save={async (body) => {
          const created = await browserApi.call(createCall, { body });
          goTo(`/calls/${created.id}`);
          return created;
        }}
      />
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: callMessages,
  load: loadNewCall,
  title: (_data, t) => t('callForm.newTitle'),
  Component: NewCallPage,
});
