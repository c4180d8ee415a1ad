import { Link, Paragraph } from '@digdir/designsystemet-react';
import { hasProgrammePermission } from '../../../shared/access';
import { useLocale } from '../../../web/kit/locale-context';
import { defineSlotFill } from '../../../web/kit/slots';
import { useViewer } from '../../../web/kit/viewer-context';
import { assessmentMessages } from './messages';

/** On a call's page, once its deadline has passed: the panel and the assignment, for programme staff. */
function CallPanelLinks({ props }: { props: { callId: string; status: string } }) {
  const { t } = useLocale(assessmentMessages);
  const viewer = useViewer();
  const assessed = props.status === 'closed' || props.status === 'decided';
  if (!assessed || !hasProgrammePermission(viewer, 'assessments.manage')) return null;
  return (
    <Paragraph>
      <Link href={`/calls/${props.callId}/panel`}>{t('call.panel')}</Link> ·{' '}
      <Link href={`/calls/${props.callId}/assessors`}>{t('call.assignAssessors')}</Link>
    </Paragraph>
  );
}

export const slots = [
  defineSlotFill({ id: 'assessments.call-links', slot: 'call-page', Component: CallPanelLinks }),
];
