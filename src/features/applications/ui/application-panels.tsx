import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Textarea,
} from '@digdir/designsystemet-react';
import { useContext, useState } from 'react';
import { ApiError } from '../../../web/kit/api';
import { browserApi, sendFormData } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { useViewer } from '../../../web/kit/viewer-context';
import { osloInstant } from '../../calls/ui/oslo-time';
import type { SectionKey } from '../applications.lifecycle';
import {
  type ApplicationView,
  type AttachmentList,
  attachmentsPath,
  type CheckProblem,
  checkApplication,
  requestInformation,
  submitApplication,
  withdrawApplication,
} from './api';
import { applicationMessages } from './messages';
import { PendingSavesContext, saveEverything } from './section-editor';
import { fieldId, pathLabel, ruleText } from './section-fields';
import { SECTION_TITLES, sectionMessages } from './section-messages';

const megabytes = (bytes: number, locale: 'nb' | 'en') =>
  `${new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;

/** The broken rules, each linked to its field when the field is on the page. */
function Problems({ problems }: { problems: readonly Pick<CheckProblem, 'path' | 'code' | 'params'>[] }) {
  const { t } = useLocale(sectionMessages);
  return (
    <ul data-testid="check-problems">
      {problems.map((problem) => {
        const label = pathLabel(problem.path, t);
        const text = `${label}: ${ruleText(problem, t)}`;
        return (
          <li key={`${problem.path.join('.')}-${problem.code}`} data-code={problem.code}>
            {problem.path[0] === 'sections' ? <a href={`#${fieldId(problem.path)}`}>{text}</a> : text}
          </li>
        );
      })}
    </ul>
  );
}

/** A submission the rules refused, with the check's problems (which carry the facts its messages need). */
class RefusedByRules extends Error {
  constructor(readonly problems: CheckProblem[]) {
    super('The application breaks the rules the check lists.');
  }
}

/** The attachments, with downloads for every reader and an upload form while the application may change. */
export function AttachmentsPanel({
  application,
  attachments,
}: {
  application: ApplicationView;
  attachments: AttachmentList;
}) {
  const { locale, t } = useLocale(applicationMessages);
  const [items, setItems] = useState(attachments.items);
  const upload = useFormAction(async (fields, form) => {
    const added = (await sendFormData(
      attachmentsPath(application.id),
      fields,
    )) as AttachmentList['items'][number];
    setItems((current) => [...current, added]);
    form.reset();
    return added;
  });
  const open = application.writableSections.length > 0;
  return (
    <section className="stack" aria-labelledby="attachments-heading">
      <Heading level={2} data-size="sm" id="attachments-heading">
        {t('attachments.title')}
      </Heading>
      {items.length === 0 ? (
        <Paragraph>{t('attachments.none')}</Paragraph>
      ) : (
        <ul className="plain-list" data-testid="attachments">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                href={`${attachmentsPath(application.id)}/${item.id}`}
                data-external-nav
                download={item.fileName}
              >
                {item.fileName}
              </Link>{' '}
              <span className="muted">
                {t('attachments.by', {
                  size: megabytes(item.sizeBytes, locale),
                  name: item.uploadedBy,
                  at: formatDateTime(item.uploadedAt, locale),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form
          onSubmit={upload.onSubmit}
          onInput={upload.onInput}
          className="stack edit-form"
          data-testid="attachment-form"
        >
          <Paragraph data-size="sm">{t('attachments.intro')}</Paragraph>
          {upload.error !== undefined && (
            <ProblemAlert
              title={t('attachments.failed')}
              error={upload.error}
              labels={{ file: t('attachments.file') }}
            />
          )}
          {upload.result && (
            <Alert data-color="success" role="status">
              {t('attachments.done', { name: upload.result.fileName })}
            </Alert>
          )}
          <Field>
            <Label htmlFor="attachment-file">{t('attachments.file')}</Label>
            <Input id="attachment-file" name="file" type="file" required />
          </Field>
          <div>
            <Button type="submit" variant="secondary" disabled={upload.busy}>
              {t('attachments.upload')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * The check, and the actions the application's lifecycle offers the viewer now: submit (or send
 * an answer to a request for information) and withdraw. Both save what is typed first.
 */
export function ActionsPanel({ application }: { application: ApplicationView }) {
  const { locale, t } = useLocale(applicationMessages);
  const viewer = useViewer();
  const pending = useContext(PendingSavesContext);
  const [asking, setAsking] = useState(false);
  const check = useFormAction(async () => {
    await saveEverything(pending);
    return browserApi.call(checkApplication, { params: { id: application.id } });
  });
  const submit = useFormAction(async () => {
    await saveEverything(pending);
    try {
      const submitted = await browserApi.call(submitApplication, {
        params: { id: application.id },
        body: { language: locale },
      });
      refreshPage();
      return submitted;
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        const checked = await browserApi.call(checkApplication, { params: { id: application.id } });
        if (!checked.ok) throw new RefusedByRules(checked.problems);
      }
      throw error;
    }
  });
  const withdraw = useFormAction(async () => {
    const withdrawn = await browserApi.call(withdrawApplication, { params: { id: application.id } });
    refreshPage();
    return withdrawn;
  });
  const canSubmit = application.actions.includes('submit');
  const canWithdraw = application.actions.includes('withdraw');
  const writer = application.writableSections.length > 0 || canSubmit;
  if (!writer && !canWithdraw) return null;
  const late =
    submit.error instanceof ApiError &&
    (submit.error.problem.errors as { code?: string }[] | undefined)?.some(
      (e) => e.code === 'deadline_passed',
    );
  const submitProblems = submit.error instanceof RefusedByRules ? submit.error.problems : [];
  return (
    <section className="panel stack" aria-labelledby="actions-heading" data-testid="application-actions">
      <Heading level={2} data-size="sm" id="actions-heading">
        {t('actions.title')}
      </Heading>
      {writer && (
        <form onSubmit={check.onSubmit} className="stack">
          <Paragraph>{t('check.intro')}</Paragraph>
          {check.error !== undefined && <ProblemAlert title={t('check.failed')} error={check.error} />}
          {check.result?.ok && (
            <Alert data-color="success" role="status" data-testid="check-ok">
              {t('check.ok')}
            </Alert>
          )}
          {check.result && !check.result.ok && (
            <Alert data-color="warning" role="status" data-testid="check-result">
              <Paragraph>{t('check.problems')}</Paragraph>
              <Problems problems={check.result.problems} />
            </Alert>
          )}
          <div>
            <Button type="submit" variant="secondary" disabled={check.busy}>
              {t('check.run')}
            </Button>
          </div>
        </form>
      )}
      {canSubmit && (
        <form onSubmit={submit.onSubmit} className="stack">
          {late ? (
            <Alert data-color="danger" role="alert" data-testid="submit-late">
              {t('actions.late', { deadline: formatDateTime(application.call.deadlineAt, locale) })}
            </Alert>
          ) : submitProblems.length > 0 ? (
            <Alert data-color="danger" role="alert" data-testid="submit-refused">
              <Heading level={3} data-size="xs">
                {t('actions.submitFailed')}
              </Heading>
              <Problems problems={submitProblems} />
            </Alert>
          ) : (
            submit.error !== undefined && (
              <ProblemAlert title={t('actions.submitFailed')} error={submit.error} />
            )
          )}
          <div>
            <Button type="submit" disabled={submit.busy}>
              {application.status === 'information_requested'
                ? t('actions.submitAnswer')
                : t('actions.submit')}
            </Button>
          </div>
        </form>
      )}
      {submit.result && (
        <Alert data-color="success" role="status" data-testid="submitted">
          {t('actions.submitted', { email: viewer.kind === 'account' ? viewer.email : '' })}
        </Alert>
      )}
      {canWithdraw && (
        <form onSubmit={withdraw.onSubmit} className="stack">
          {withdraw.error !== undefined && (
            <ProblemAlert title={t('actions.withdrawFailed')} error={withdraw.error} />
          )}
          {asking ? (
            <>
              <Paragraph>{t('actions.withdrawAsk')}</Paragraph>
              <div className="registry__actions">
                <Button type="submit" data-color="danger" disabled={withdraw.busy}>
                  {t('actions.withdrawConfirm')}
                </Button>
              </div>
            </>
          ) : (
            <div>
              <Button type="button" variant="tertiary" onClick={() => setAsking(true)}>
                {t('actions.withdraw')}
              </Button>
            </div>
          )}
        </form>
      )}
    </section>
  );
}

/** Programme staff reopen named sections of a submitted application until a date, with what they need. */
export function RequestInformationPanel({ application }: { application: ApplicationView }) {
  const { t } = useLocale(applicationMessages);
  const sections = useLocale(sectionMessages).t;
  const request = useFormAction(async (fields, form) => {
    const until = String(fields.get('until') ?? '');
    const answered = await browserApi.call(requestInformation, {
      params: { id: application.id },
      body: {
        sections: fields.getAll('sections').map(String) as SectionKey[],
        until: osloInstant(until) ?? until,
        message: String(fields.get('message') ?? ''),
      },
    });
    form.reset();
    refreshPage();
    return answered;
  });
  return (
    <section className="panel stack" aria-labelledby="request-heading">
      <Heading level={2} data-size="sm" id="request-heading">
        {t('request.title')}
      </Heading>
      <Paragraph>{t('request.intro')}</Paragraph>
      {request.error !== undefined && (
        <ProblemAlert
          title={t('request.failed')}
          error={request.error}
          labels={{
            sections: t('request.sections'),
            until: t('request.until'),
            message: t('request.message'),
          }}
        />
      )}
      <form onSubmit={request.onSubmit} className="stack edit-form" data-testid="request-information-form">
        <Fieldset>
          <Fieldset.Legend>{t('request.sections')}</Fieldset.Legend>
          {application.sections.map((section) => (
            <Checkbox
              key={section.key}
              name="sections"
              value={section.key}
              label={sections(SECTION_TITLES[section.key])}
            />
          ))}
        </Fieldset>
        <Field>
          <Label htmlFor="request-until">{t('request.until')}</Label>
          <Input id="request-until" name="until" type="datetime-local" required />
        </Field>
        <Field>
          <Label htmlFor="request-message">{t('request.message')}</Label>
          <Textarea id="request-message" name="message" rows={4} required maxLength={4000} />
        </Field>
        <div>
          <Button type="submit" disabled={request.busy}>
            {t('request.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
