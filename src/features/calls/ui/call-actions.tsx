import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Textarea,
} from '@digdir/designsystemet-react';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { type CallView, extendDeadline, openCall } from './api';
import { callMessages } from './messages';
import { osloInstant, osloWallTime } from './oslo-time';

/** Programme staff open a draft; the API says what is missing if it is not ready. */
export function OpenCallPanel({ call }: { call: CallView }) {
  const { t } = useLocale(callMessages);
  const open = useFormAction(async () => {
    const opened = await browserApi.call(openCall, { params: { id: call.id } });
    refreshPage();
    return opened;
  });
  return (
    <section className="panel stack" aria-labelledby="open-call-heading">
      <Heading level={2} data-size="xs" id="open-call-heading">
        {t('callOpen.title')}
      </Heading>
      <Paragraph>{t('callOpen.intro')}</Paragraph>
      {open.error !== undefined && (
        <ProblemAlert
          title={t('callOpen.failed')}
          error={open.error}
          labels={{
            levels: t('call.levels'),
            criteria: t('call.criteria'),
            deadlineAt: t('call.deadlineAt'),
            opensAt: t('call.opensAt'),
            informationMeetingAt: t('call.informationMeetingAt'),
            sketchDeadlineAt: t('call.sketchDeadlineAt'),
            plannedDecisionAt: t('call.plannedDecisionAt'),
          }}
        />
      )}
      <form onSubmit={open.onSubmit}>
        <Button type="submit" disabled={open.busy}>
          {t('callOpen.submit')}
        </Button>
      </form>
    </section>
  );
}

/** An operator admin moves the deadline later, with the reason applicants are given. */
export function ExtendDeadlinePanel({ call }: { call: CallView }) {
  const { t } = useLocale(callMessages);
  const extend = useFormAction(async (fields, form) => {
    const wallTime = String(fields.get('deadline') ?? '');
    const extended = await browserApi.call(extendDeadline, {
      params: { id: call.id },
      body: { deadline: osloInstant(wallTime) ?? wallTime, reason: String(fields.get('reason') ?? '') },
    });
    form.reset();
    refreshPage();
    return extended;
  });
  return (
    <section className="panel stack" aria-labelledby="extend-deadline-heading">
      <Heading level={2} data-size="xs" id="extend-deadline-heading">
        {t('callExtend.title')}
      </Heading>
      <Paragraph>{t('callExtend.intro')}</Paragraph>
      {extend.error !== undefined && (
        <ProblemAlert
          title={t('callExtend.failed')}
          error={extend.error}
          labels={{ deadline: t('callExtend.deadline'), reason: t('callExtend.reason') }}
        />
      )}
      {extend.result && (
        <Alert data-color="success" role="status">
          {t('callExtend.done')}
        </Alert>
      )}
      <form onSubmit={extend.onSubmit} className="stack edit-form" data-testid="extend-deadline-form">
        <Field>
          <Label htmlFor="extend-deadline">{t('callExtend.deadline')}</Label>
          <Input
            id="extend-deadline"
            name="deadline"
            type="datetime-local"
            required
            defaultValue={osloWallTime(call.deadlineAt)}
          />
        </Field>
        <Field>
          <Label htmlFor="extend-reason">{t('callExtend.reason')}</Label>
          <Textarea id="extend-reason" name="reason" rows={3} required maxLength={2000} />
        </Field>
        <div className="registry__actions">
          <Button type="submit" disabled={extend.busy}>
            {t('callExtend.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
