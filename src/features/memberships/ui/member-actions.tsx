import { Button, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { osloDate } from '../../../shared/oslo-date';
import type { Member } from '../../../web/api-client';
import { browserApi } from '../../../web/browser-api';
import { ProblemAlert } from '../../../web/components/problem-alert';
import type { MessageKey } from '../../../web/i18n';
import { useLocale } from '../../../web/locale-context';
import { refreshPage } from '../../../web/refresh';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../membership-roles';

/**
 * A partner's row, for those who manage the cluster's partners: change the role, or end the
 * partnership today (after a confirmation). Every change is written to the audit log.
 */
export function MemberActions({ slug, member }: { slug: string; member: Member }) {
  const { t } = useLocale();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const name = member.organisation.name;

  const change = async (body: { role?: MembershipRole; leftOn?: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await browserApi.updateMember(slug, member.organisation.orgnr, body);
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
            {t(`role.${role}` as MessageKey)}
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
