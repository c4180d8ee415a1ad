import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Link,
  Paragraph,
  Radio,
  Select,
  Table,
  Tag,
  Textarea,
} from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime, formatNok, formatNumber } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import { useViewer } from '../../../web/kit/viewer-context';
import { canManageAssessments } from '../assessments.policy';
import { weightedTotal } from '../weighted-total';
import {
  type AssessmentView,
  completeAssessment,
  declare,
  getAssessment,
  type ProgrammeView,
  reopenAssessment,
  saveScores,
} from './api';
import { formatTotal, levelName, programmeOrNull } from './labels';
import { ASSESSMENT_STATUS_LABELS, assessmentMessages } from './messages';
import { SectionView } from './section-view';

type AssessmentData = { assessment: AssessmentView; programme: ProgrammeView | null };

async function loadAssessment(api: Api, { params: { id } }: PageInput<'id'>): Promise<AssessmentData> {
  const [assessment, programme] = await Promise.all([
    api.call(getAssessment, { params: { id } }),
    programmeOrNull(api),
  ]);
  return { assessment, programme };
}

const ROLE_LABELS = {
  host: 'assessments.assessment.role.host',
  project_owner: 'assessments.assessment.role.project_owner',
  partner: 'assessments.assessment.role.partner',
} as const;

/** The ways an organisation takes part, in words: "host, project owner". */
function roleList(
  roles: readonly (keyof typeof ROLE_LABELS)[],
  label: (key: (typeof ROLE_LABELS)[keyof typeof ROLE_LABELS]) => string,
): string {
  return roles.map((role) => label(ROLE_LABELS[role])).join(', ');
}

/** Every link Klynge found, in words, and the applicant's organisations. */
function Links({ assessment }: { assessment: AssessmentView }) {
  const { t } = useLocale(assessmentMessages);
  const named = (orgnr: string, name: string | null) => (name ? `${name} (${orgnr})` : orgnr);
  return (
    <section aria-labelledby="links-heading" className="stack">
      <Heading level={2} data-size="sm" id="links-heading">
        {t('assessments.links.title')}
      </Heading>
      {assessment.links.length === 0 ? (
        <Paragraph data-testid="no-links">{t('assessments.links.none')}</Paragraph>
      ) : (
        <>
          <Paragraph>{t('assessments.links.intro')}</Paragraph>
          <ul data-testid="conflict-links">
            {assessment.links.map((link) => (
              <li key={`${link.kind}-${link.assessorOrgnr}-${link.applicantOrgnr}`}>
                {t(`assessments.links.${link.kind}`, {
                  assessor: named(link.assessorOrgnr, link.assessorOrganisation),
                  applicant: named(link.applicantOrgnr, link.applicantOrganisation),
                  roles: roleList(link.applicantRoles, (key) => t(key)),
                  parent: named(link.parentOrgnr ?? '', link.parentOrganisation),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      <details>
        <summary>{t('assessments.assessment.parties')}</summary>
        <ul className="plain-list">
          {assessment.parties.map((party) => (
            <li key={party.orgnr}>
              {named(party.orgnr, party.name)} – {roleList(party.roles, (key) => t(key))}
            </li>
          ))}
        </ul>
      </details>
      <Paragraph data-size="sm">
        <Link href="/account">{t('assessments.links.addOrganisations')}</Link>
      </Paragraph>
    </section>
  );
}

/** The assessor declares a conflict of interest or none; a conflict hides the application from them. */
function DeclarationForm({ assessment }: { assessment: AssessmentView }) {
  const { t } = useLocale(assessmentMessages);
  const [conflictDeclared, setConflictDeclared] = useState(false);
  const send = useFormAction(async (fields) => {
    const conflict = fields.get('conflict') === 'yes';
    const made = await browserApi.call(declare, {
      params: { id: assessment.id },
      body: { conflict, reason: String(fields.get('reason') ?? '') },
    });
    if (conflict) setConflictDeclared(true);
    else refreshPage();
    return made;
  });
  if (conflictDeclared) {
    return (
      <Alert data-color="info" role="status" data-testid="conflict-declared">
        <Paragraph>{t('assessments.declaration.conflictDone')}</Paragraph>
        <Link href="/assessments">{t('assessments.declaration.toQueue')}</Link>
      </Alert>
    );
  }
  return (
    <section aria-labelledby="declaration-heading" className="panel stack">
      <Heading level={2} data-size="xs" id="declaration-heading">
        {t('assessments.declaration.title')}
      </Heading>
      <Paragraph>{t('assessments.declaration.intro')}</Paragraph>
      {send.error !== undefined && (
        <ProblemAlert
          title={t('assessments.declaration.failed')}
          error={send.error}
          labels={{
            reason: t('assessments.declaration.reason'),
            conflict: t('assessments.declaration.choice'),
          }}
        />
      )}
      <form
        onSubmit={send.onSubmit}
        onInput={send.onInput}
        className="stack edit-form"
        data-testid="declaration-form"
      >
        <Fieldset>
          <Fieldset.Legend>{t('assessments.declaration.choice')}</Fieldset.Legend>
          <Radio label={t('assessments.declaration.noConflict')} name="conflict" value="no" required />
          <Radio label={t('assessments.declaration.conflict')} name="conflict" value="yes" required />
        </Fieldset>
        <Field>
          <Label htmlFor="declaration-reason">{t('assessments.declaration.reason')}</Label>
          <Paragraph data-size="sm" className="muted">
            {t('assessments.declaration.reasonHint')}
          </Paragraph>
          <Textarea id="declaration-reason" name="reason" rows={3} maxLength={2000} />
        </Field>
        <div className="registry__actions">
          <Button type="submit" disabled={send.busy}>
            {t('assessments.declaration.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

type Draft = Record<string, { value: string; comment: string }>;

/** What a score field holds: a number on the scale, "na", or "" for not set. */
function draftOf(assessment: AssessmentView): Draft {
  return Object.fromEntries(
    assessment.criteria.map((criterion) => {
      const score = assessment.scores.find((entry) => entry.criterionId === criterion.id);
      const value = score?.notApplicable ? 'na' : score?.score === null || !score ? '' : String(score.score);
      return [criterion.id, { value, comment: score?.comment ?? '' }];
    }),
  );
}

const scoresOf = (draft: Draft) =>
  Object.entries(draft).map(([criterionId, { value, comment }]) => ({
    criterionId,
    score: value === '' || value === 'na' ? null : Number(value),
    notApplicable: value === 'na',
    comment,
  }));

/** The scores per criterion, with the weighted total as the assessor chooses; save, or save and complete. */
function ScoringForm({ assessment }: { assessment: AssessmentView }) {
  const { locale, t } = useLocale(assessmentMessages);
  const [draft, setDraft] = useState<Draft>(() => draftOf(assessment));
  const intent = useRef<'save' | 'complete'>('save');
  const total = weightedTotal(assessment.criteria, scoresOf(draft));
  const editable = assessment.mayScore;
  const send = useFormAction(async () => {
    const saved = await browserApi.call(saveScores, {
      params: { id: assessment.id },
      body: { scores: scoresOf(draft) },
    });
    if (intent.current === 'complete') {
      await browserApi.call(completeAssessment, { params: { id: assessment.id } });
      refreshPage();
    }
    return saved;
  });
  const set = (id: string, change: Partial<Draft[string]>) =>
    setDraft((current) => ({ ...current, [id]: { ...current[id]!, ...change } }));
  return (
    <section aria-labelledby="scores-heading" className="stack">
      <Heading level={2} data-size="sm" id="scores-heading">
        {t('assessments.scores.title')}
      </Heading>
      <Paragraph>{t('assessments.scores.intro')}</Paragraph>
      {send.error !== undefined && (
        <ProblemAlert
          title={t(
            intent.current === 'complete' ? 'assessments.complete.failed' : 'assessments.scores.failed',
          )}
          error={send.error}
        />
      )}
      {send.result && intent.current === 'save' && (
        <Alert data-color="success" role="status">
          {t('assessments.scores.saved')}
        </Alert>
      )}
      <form
        onSubmit={send.onSubmit}
        onInput={send.onInput}
        className="stack edit-form"
        data-testid="scoring-form"
      >
        {assessment.criteria.map((criterion) => {
          const name = pick(criterion.name, locale);
          const entry = draft[criterion.id]!;
          return (
            <Fieldset key={criterion.id} data-testid="criterion-score">
              <Fieldset.Legend>{name}</Fieldset.Legend>
              <Fieldset.Description>
                {pick(criterion.guidance, locale)}{' '}
                {t('assessments.scores.scale', {
                  min: criterion.scaleMin,
                  max: criterion.scaleMax,
                  weight: formatNumber(criterion.weight, locale),
                })}
              </Fieldset.Description>
              <Field>
                <Label htmlFor={`score-${criterion.id}`}>
                  {t('assessments.scores.score', { criterion: name })}
                </Label>
                <Select
                  id={`score-${criterion.id}`}
                  name={`score-${criterion.id}`}
                  value={entry.value}
                  disabled={!editable}
                  onChange={(event) => set(criterion.id, { value: event.target.value })}
                >
                  <Select.Option value="">{t('assessments.scores.none')}</Select.Option>
                  {Array.from(
                    { length: criterion.scaleMax - criterion.scaleMin + 1 },
                    (_, i) => criterion.scaleMin + i,
                  ).map((value) => (
                    <Select.Option key={value} value={String(value)}>
                      {value}
                    </Select.Option>
                  ))}
                  <Select.Option value="na">{t('assessments.scores.notApplicable')}</Select.Option>
                </Select>
              </Field>
              <Field>
                <Label htmlFor={`comment-${criterion.id}`}>
                  {t('assessments.scores.comment', { criterion: name })}
                </Label>
                <Textarea
                  id={`comment-${criterion.id}`}
                  name={`comment-${criterion.id}`}
                  rows={2}
                  maxLength={5000}
                  value={entry.comment}
                  readOnly={!editable}
                  onChange={(event) => set(criterion.id, { comment: event.target.value })}
                />
              </Field>
            </Fieldset>
          );
        })}
        <p className="weighted-total" aria-live="polite">
          <strong>{t('assessments.scores.total')}:</strong>{' '}
          <span data-testid="weighted-total">
            {total === null ? t('assessments.scores.totalNone') : formatTotal(total, locale)}
          </span>
        </p>
        {editable ? (
          <div className="registry__actions">
            <Button type="submit" disabled={send.busy} onClick={() => (intent.current = 'save')}>
              {t('assessments.scores.save')}
            </Button>
            {assessment.actions.includes('complete') && (
              <Button
                type="submit"
                variant="secondary"
                disabled={send.busy}
                onClick={() => (intent.current = 'complete')}
              >
                {t('assessments.complete.submit')}
              </Button>
            )}
          </div>
        ) : (
          <Paragraph data-size="sm" className="muted">
            {assessment.panelStatus === 'closed' ? t('panelClosed') : t('assessments.scores.readOnly')}
          </Paragraph>
        )}
      </form>
    </section>
  );
}

function ReopenForm({ assessment }: { assessment: AssessmentView }) {
  const { t } = useLocale(assessmentMessages);
  const reopen = useFormAction(async () => {
    const opened = await browserApi.call(reopenAssessment, { params: { id: assessment.id } });
    refreshPage();
    return opened;
  });
  return (
    <form onSubmit={reopen.onSubmit}>
      {reopen.error !== undefined && (
        <ProblemAlert title={t('assessments.reopen.failed')} error={reopen.error} />
      )}
      <Button type="submit" variant="secondary" disabled={reopen.busy}>
        {t('assessments.reopen.submit')}
      </Button>
    </form>
  );
}

/** The other assessors' completed scores, shown once this assessment is completed. */
function Others({ assessment }: { assessment: AssessmentView }) {
  const { locale, t } = useLocale(assessmentMessages);
  return (
    <section aria-labelledby="others-heading" className="stack">
      <Heading level={2} data-size="sm" id="others-heading">
        {t('assessments.others.title')}
      </Heading>
      {assessment.others === null ? (
        <Paragraph data-testid="others-hidden">{t('assessments.others.hidden')}</Paragraph>
      ) : assessment.others.length === 0 ? (
        <Paragraph>{t('assessments.others.none')}</Paragraph>
      ) : (
        <Table data-testid="other-assessments">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('assessments.others.assessor')}</Table.HeaderCell>
              {assessment.criteria.map((criterion) => (
                <Table.HeaderCell key={criterion.id} className="numeric">
                  {pick(criterion.name, locale)}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell className="numeric">{t('assessments.scores.total')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {assessment.others.map((other) => (
              <Table.Row key={other.assessmentId}>
                <Table.Cell>{other.assessorName}</Table.Cell>
                {assessment.criteria.map((criterion) => {
                  const score = other.scores.find((entry) => entry.criterionId === criterion.id);
                  return (
                    <Table.Cell key={criterion.id} className="numeric" title={score?.comment || undefined}>
                      {score?.notApplicable ? t('assessments.scores.notApplicable') : (score?.score ?? '–')}
                    </Table.Cell>
                  );
                })}
                <Table.Cell className="numeric">{formatTotal(other.total, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}

function AssessmentPage({ data }: { data: AssessmentData }) {
  const { locale, t } = useLocale(assessmentMessages);
  const viewer = useViewer();
  const { assessment, programme } = data;
  const staff = canManageAssessments(viewer);
  const declaring = assessment.actions.includes('declare_no_conflict');
  const declaration = assessment.declaration;
  const at = declaration ? formatDateTime(declaration.declaredAt, locale) : '';
  return (
    <article className="stack">
      <nav aria-label="breadcrumbs" className="breadcrumbs">
        {staff ? (
          <Link href={`/calls/${assessment.call.id}/panel`}>{pick(assessment.call.title, locale)}</Link>
        ) : (
          <Link href="/assessments">{t('assessments.assessment.breadcrumb')}</Link>
        )}{' '}
        <span aria-hidden="true">›</span> <span>{assessment.application.cluster.name}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('assessments.assessment.pageTitle', { cluster: assessment.application.cluster.name })}
      </Heading>
      <p>
        <Tag data-testid="assessment-status">{t(ASSESSMENT_STATUS_LABELS[assessment.status])}</Tag>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('assessments.assessment.level')}</dt>
          <dd>{levelName(programme, assessment.application.level, locale)}</dd>
        </div>
        <div>
          <dt>{t('assessments.assessment.moneyAsked')}</dt>
          <dd>{formatNok(assessment.application.moneyAskedNok, locale)}</dd>
        </div>
        <div>
          <dt>{t('assessments.assessment.assessor')}</dt>
          <dd>{assessment.assessor.name}</dd>
        </div>
      </dl>
      {staff && (
        <Paragraph data-testid="staff-declaration">
          {declaration === null
            ? t('assessments.declaration.staffPending', { name: assessment.assessor.name })
            : declaration.conflict
              ? t('assessments.declaration.staffConflict', {
                  name: assessment.assessor.name,
                  at,
                  reason: declaration.reason,
                })
              : t('assessments.declaration.staffNone', { name: assessment.assessor.name, at })}
        </Paragraph>
      )}
      {assessment.panelStatus === 'closed' && <Alert data-color="info">{t('panelClosed')}</Alert>}
      <Links assessment={assessment} />
      {declaring && <DeclarationForm assessment={assessment} />}
      {!staff && declaration && !declaration.conflict && (
        <Paragraph data-testid="declaration-made">
          {declaration.reason
            ? t('assessments.declaration.madeWithReason', { at, reason: declaration.reason })
            : t('assessments.declaration.made', { at })}
        </Paragraph>
      )}
      {assessment.sections !== null && (
        <section aria-labelledby="application-heading" className="stack">
          <Heading level={2} data-size="sm" id="application-heading">
            {t('assessments.application.title')}
          </Heading>
          {assessment.sections.map((section) => (
            <SectionView key={section.key} section={section} />
          ))}
        </section>
      )}
      {(assessment.status === 'scoring' || assessment.status === 'completed') && (
        <ScoringForm assessment={assessment} />
      )}
      {assessment.actions.includes('reopen') && <ReopenForm assessment={assessment} />}
      {(assessment.status === 'scoring' || assessment.status === 'completed' || staff) && (
        <Others assessment={assessment} />
      )}
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: assessmentMessages,
  load: loadAssessment,
  title: ({ assessment }, t) =>
    t('assessments.assessment.pageTitle', { cluster: assessment.application.cluster.name }),
  Component: AssessmentPage,
});
