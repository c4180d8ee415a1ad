import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { type Api, ApiError } from '../../../web/kit/api';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage } from '../../../web/kit/page';
import { getProgramme, type LevelView, listLevels, type ProgrammeView } from './api';
import { LevelsSection } from './levels-section';
import { programmeMessages } from './messages';
import { ProgrammeForm } from './programme-form';

type SetUpData = { programme: ProgrammeView | null; levels: LevelView[] };

/**
 * The levels are read first: that read is for operator admins only, so anyone else gets the
 * API's 401 or 403 and with it the sign-in or no-access page. Its 404 means there is no programme
 * yet, which is what the page is for.
 */
async function loadSetUp(api: Api): Promise<SetUpData> {
  try {
    const levels = await api.call(listLevels, { query: { pageSize: 100 } });
    return { programme: await api.call(getProgramme), levels: levels.items };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { programme: null, levels: [] };
    throw error;
  }
}

function ProgrammeSetUpPage({ data }: { data: SetUpData }) {
  const { t } = useLocale(programmeMessages);
  const { programme, levels } = data;
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {t('setup.title')}
      </Heading>
      <Paragraph>
        {programme
          ? t('setup.intro')
          : t('setup.introNew', { command: 'npx klynge init-programme --template norway' })}
      </Paragraph>
      {/* A new key once the programme exists, so the form starts again from what was saved. */}
      <ProgrammeForm key={programme ? 'saved' : 'new'} programme={programme} levels={levels} />
      {programme && <LevelsSection levels={levels} />}
    </div>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: programmeMessages,
  load: loadSetUp,
  title: (_data, t) => t('setup.title'),
  Component: ProgrammeSetUpPage,
});
