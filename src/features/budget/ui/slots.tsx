import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useLocale } from '../../../web/kit/locale-context';
import { defineSlotFill } from '../../../web/kit/slots';
import { useViewer } from '../../../web/kit/viewer-context';
import { canReadBudget } from '../budget.policy';
import { budgetMessages } from './messages';

/** On the cluster profile, for programme staff: the way to the cluster's commitments and payments. */
function CommitmentsLink({ props }: { props: { slug: string } }) {
  const { t } = useLocale(budgetMessages);
  if (!canReadBudget(useViewer())) return null;
  return (
    <Paragraph>
      <Link href={`/clusters/${props.slug}/commitments`} data-testid="cluster-commitments-link">
        {t('budget.slot.link')}
      </Link>
    </Paragraph>
  );
}

export const slots = [
  defineSlotFill({ id: 'budget.commitments-link', slot: 'cluster-profile', Component: CommitmentsLink }),
];
