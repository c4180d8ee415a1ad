import { Button, Select } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { osloDate } from '../../../shared/oslo-date';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { announceAction, useClearOnOtherAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { MEMBERSHIP_ROLE_LABELS } from '../../../web/kit/messages';
import { refreshPage } from '../../../web/kit/navigation';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../membership-roles';
import { type MemberPage, updateMember } from './api';
import { membershipMessages } from './messages';

/**
 * A partner's row, for those who manage the cluster's partners: change the role, or end the
 * partnership today (after a confirmation). Every change is written to the audit log.
 */
export function MemberActions({ slug, member }: { slug: string; member: MemberPage['items'][number] }) {
  const { t } = useLocale(membershipMessages);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const source = useClearOnOtherAction(useCallback(() => setError(undefined), []));
  const name = member.organisation.name;

  const change = async (body: { role?: MembershipRole; leftOn?: string }) => {
    announceAction(source);
    setBusy(true);
    setError(undefined);
    try {
      await browserApi.call(updateMember, { params: { slug, orgnr: member.organisation.orgnr }, body });
      refreshPage();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const end = () => {
    if (window.confirm(t('member.endConfirm', { name }))) void change({ leftOn: osloDate(new Date()) });
  };

  return (
    <div className="member-actions">
      <Select
        aria-label={t('member.roleOf', { name })}
        data-size="sm"
        value={member.role}
        disabled={busy}
        onChange={(event) => void change({ role: event.target.value as MembershipRole })}
      >
        {MEMBERSHIP_ROLES.map((role) => (
          <Select.Option key={role} value={role}>
            {t(MEMBERSHIP_ROLE_LABELS[role])}
          </Select.Option>
        ))}
      </Select>
      <Button
        variant="tertiary"
        data-size="sm"
        disabled={busy}
        onClick={end}
        aria-label={t('member.endOf', { name })}
      >
        {t('member.end')}
      </Button>
      {error !== undefined && <ProblemAlert title={t('member.changeFailed')} error={error} />}
    </div>
  );
}
