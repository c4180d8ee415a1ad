import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocale } from '../../../web/kit/locale-context';
import { defineSlotFill } from '../../../web/kit/slots';
import { canReadStateAid } from '../state-aid.policy';
import { getClusterStateAid, me } from './api';
import { ClockSummary } from './clock-summary';
import { stateAidMessages } from './messages';

type ClockData = { usedYears: number; capYears: number };

/**
 * On the public cluster profile, for programme staff: the clock, warned near the cap, and the way
 * to the periods that count. The API answers everyone else 401 or 403, so they see nothing.
 */
function ClusterStateAid({ props, data }: { props: { slug: string }; data: ClockData }) {
  const { t } = useLocale(stateAidMessages);
  return (
    <section aria-labelledby="state-aid-heading" className="stack" data-testid="cluster-state-aid">
      <Heading level={2} data-size="sm" id="state-aid-heading">
        {t('clock.heading')}
      </Heading>
      <ClockSummary clock={data} />
      <Paragraph>
        <Link href={`/clusters/${encodeURIComponent(props.slug)}/state-aid`}>{t('clock.details')}</Link>
      </Paragraph>
    </section>
  );
}

export const slots = [
  defineSlotFill<'cluster-profile', ClockData>({
    id: 'state-aid.cluster-clock',
    slot: 'cluster-profile',
    // Asking who looks first spares everyone else a refused request (and the browser's console an
    // error) on every profile; only the two numbers the part draws travel in the page's state.
    load: async (api, { slug }) => {
      if (!canReadStateAid(await api.call(me))) return null;
      const { usedYears, capYears } = await api.call(getClusterStateAid, { params: { slug } });
      return { usedYears, capYears };
    },
    Component: ClusterStateAid,
  }),
];
