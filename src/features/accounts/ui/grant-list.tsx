import { useLocale } from '../../../web/kit/locale-context';
import type { InvitationView } from '../invitations.contract';
import { ACCOUNT_ROLE_LABELS } from './labels';
import { accountMessages } from './messages';

/** Roles with what they apply to, as a person reads them. */
export function GrantList({ grants }: { grants: InvitationView['grants'] }) {
  const { t } = useLocale(accountMessages);
  return (
    <ul className="plain-list">
      {grants.map((grant) => (
        <li key={`${grant.role}-${grant.cluster?.id ?? grant.organisation?.id ?? ''}`}>
          {t(ACCOUNT_ROLE_LABELS[grant.role])}
          {grant.cluster && ` – ${grant.cluster.name}`}
          {grant.organisation && ` – ${grant.organisation.name}`}
        </li>
      ))}
    </ul>
  );
}
