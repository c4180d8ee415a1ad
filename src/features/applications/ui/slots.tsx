import { Link, Paragraph } from '@digdir/designsystemet-react';
import { hasProgrammePermission } from '../../../shared/access';
import { useLocale } from '../../../web/kit/locale-context';
import { defineSlotFill } from '../../../web/kit/slots';
import { useViewer } from '../../../web/kit/viewer-context';
import { applicationMessages } from './messages';

/** On a call's page: the way to apply while it is open, and its applications for programme staff. */
function CallApplicationLinks({ props }: { props: { callId: string; status: string; deadlineAt: string } }) {
  const { t } = useLocale(applicationMessages);
  const viewer = useViewer();
  const open = props.status === 'open' && Date.parse(props.deadlineAt) > Date.now();
  const staff = props.status !== 'draft' && hasProgrammePermission(viewer, 'applications.review');
  if (!open && !staff) return null;
  return (
    <>
      {open && (
        <Paragraph>
          <Link href={`/calls/${props.callId}/apply`} data-testid="apply-link">
            {t('call.apply')}
          </Link>
        </Paragraph>
      )}
      {staff && (
        <Paragraph>
          <Link href={`/applications?call=${props.callId}`}>{t('call.applications')}</Link>
        </Paragraph>
      )}
    </>
  );
}

export const slots = [
  defineSlotFill({ id: 'applications.call-links', slot: 'call-page', Component: CallApplicationLinks }),
];
