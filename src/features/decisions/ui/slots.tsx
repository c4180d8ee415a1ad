import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocale } from '../../../web/kit/locale-context';
import { defineSlotFill } from '../../../web/kit/slots';
import { useViewer } from '../../../web/kit/viewer-context';
import { canDraftDecisions } from '../decisions.policy';
import { type DecisionView, getApplication, getApplicationDecision, getCall } from './api';
import { decisionMessages } from './messages';

/** On a call's page: the round's decisions for programme staff once it has closed; its announcement once decided. */
function CallDecisionLinks({ props }: { props: { callId: string; status: string } }) {
  const { t } = useLocale(decisionMessages);
  const viewer = useViewer();
  const staff = canDraftDecisions(viewer) && (props.status === 'closed' || props.status === 'decided');
  const decided = props.status === 'decided';
  if (!staff && !decided) return null;
  return (
    <Paragraph>
      {staff && (
        <Link href={`/calls/${props.callId}/decisions`} data-testid="decisions-link">
          {t('decisions.slot.round')}
        </Link>
      )}
      {staff && decided && ' · '}
      {decided && (
        <Link href={`/calls/${props.callId}/announcement`} data-testid="announcement-link">
          {t('decisions.round.announcement')}
        </Link>
      )}
    </Paragraph>
  );
}

/** On a cluster's profile: for programme staff, the page that extends one of its periods. */
function ExtendLink({ props }: { props: { slug: string } }) {
  const { t } = useLocale(decisionMessages);
  const viewer = useViewer();
  if (!canDraftDecisions(viewer)) return null;
  return (
    <Paragraph>
      <Link href={`/clusters/${props.slug}/extend`} data-testid="extend-link">
        {t('decisions.slot.extend')}
      </Link>
    </Paragraph>
  );
}

/** On an application's page: its decision, once there is one its reader may see. */
function ApplicationDecisionLink({ props, data }: { props: { applicationId: string }; data: DecisionView }) {
  const { t } = useLocale(decisionMessages);
  return (
    <Paragraph data-testid="decision-slot">
      <Link href={`/applications/${props.applicationId}/decision`}>
        {data.status === 'published' ? t('decisions.slot.decision') : t('decisions.slot.draft')}
      </Link>
    </Paragraph>
  );
}

export const slots = [
  defineSlotFill({ id: 'decisions.extend-link', slot: 'cluster-profile', Component: ExtendLink }),
  defineSlotFill({ id: 'decisions.call-links', slot: 'call-page', Component: CallDecisionLinks }),
  defineSlotFill<'application-page', DecisionView>({
    id: 'decisions.application-decision',
    slot: 'application-page',
    // Asked only where a published decision exists (a submitted application of a decided call),
    // so no reader's browser meets a refused request.
    load: async (api, props) => {
      const application = await api.call(getApplication, { params: { id: props.applicationId } });
      const decided = application.status === 'submitted' || application.status === 'information_requested';
      if (!decided) return null;
      const call = await api.call(getCall, { params: { id: application.call.id } });
      if (call.status !== 'decided') return null;
      return api.call(getApplicationDecision, { params: { id: props.applicationId } });
    },
    Component: ApplicationDecisionLink,
  }),
];
