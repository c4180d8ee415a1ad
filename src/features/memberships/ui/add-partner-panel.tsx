import { Alert, Button, Field, Heading, Input, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { announceAction, useClearOnOtherAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { MEMBERSHIP_ROLE_LABELS } from '../../../web/kit/messages';
import { refreshPage } from '../../../web/kit/navigation';
import { useViewer } from '../../../web/kit/viewer-context';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../membership-roles';
import { canManagePartners } from '../memberships.policy';
import { addMember } from './api';
import { membershipMessages } from './messages';

/** For those who manage the cluster's partners: add one by organisation number. */
export function AddPartnerPanel({ cluster }: { cluster: { id: string; slug: string } }) {
  const { t } = useLocale(membershipMessages);
  const viewer = useViewer();
  const [error, setError] = useState<unknown>();
  const [needsName, setNeedsName] = useState(false);
  const [added, setAdded] = useState<{ name: string; warnings: string[] }>();
  const [busy, setBusy] = useState(false);
  const source = useClearOnOtherAction(useCallback(() => setAdded(undefined), []));
  if (!canManagePartners(viewer, cluster)) return null;

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const name = String(form.get('name') ?? '').trim();
    announceAction(source);
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      const result = await browserApi.call(addMember, {
        params: { slug: cluster.slug },
        body: {
          orgnr: String(form.get('orgnr')),
          role: String(form.get('role')) as MembershipRole,
          ...(name ? { name } : {}),
        },
      });
      setAdded({ name: result.member.organisation.name, warnings: result.warnings });
      setNeedsName(false);
      formElement.reset();
      refreshPage();
    } catch (caught) {
      const nameMissing =
        caught instanceof ApiError && caught.problem.errors?.some((e) => e.path.join('.') === 'body.name');
      setNeedsName(Boolean(nameMissing));
      setError(nameMissing ? undefined : caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="add-partner-heading">
      <Heading level={2} data-size="xs" id="add-partner-heading">
        {t('member.add')}
      </Heading>
      <Paragraph data-size="sm">{t('member.addIntro')}</Paragraph>
      {added && (
        <Alert data-color="success" role="status">
          {t('member.added', { name: added.name })}
          {added.warnings.map((warning) => (
            <Paragraph key={warning} data-size="sm">
              {warning}
            </Paragraph>
          ))}
        </Alert>
      )}
      {error !== undefined && <ProblemAlert title={t('member.failed')} error={error} />}
      <form
        onSubmit={onSubmit}
        onInput={() => setAdded(undefined)}
        className="registry__filters"
        data-testid="add-partner-form"
      >
        <Field>
          <Label htmlFor="add-orgnr">{t('member.orgnr')}</Label>
          <Input id="add-orgnr" name="orgnr" inputMode="numeric" autoComplete="off" required />
        </Field>
        <Field>
          <Label htmlFor="add-role">{t('member.role')}</Label>
          <Select id="add-role" name="role" defaultValue="partner">
            {MEMBERSHIP_ROLES.map((role) => (
              <Select.Option key={role} value={role}>
                {t(MEMBERSHIP_ROLE_LABELS[role])}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {needsName && (
          <Field className="registry__search">
            <Label htmlFor="add-name">{t('member.name')}</Label>
            <Paragraph data-size="sm">{t('member.nameHint')}</Paragraph>
            <Input id="add-name" name="name" required autoFocus />
          </Field>
        )}
        <div className="registry__actions">
          <Button type="submit" disabled={busy}>
            {t('member.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
