import {
  Alert,
  Button,
  Details,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Tag,
  Textarea,
} from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDateTime, formatNok, formatNumber } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import {
  closePanel,
  getPanel,
  type PanelView,
  type ProgrammeView,
  setInterviewNotes,
  setRecommendation,
} from './api';
import { formatTotal, levelName, programmeOrNull } from './labels';
import { ASSESSMENT_STATUS_LABELS, assessmentMessages } from './messages';
import { panelMessages, RECOMMENDATION_LABELS } from './panel-messages';

type PanelData = { panel: PanelView; programme: ProgrammeView | null };
type PanelApplication = PanelView['applications'][number];

async function loadPanel(api: Api, { params: { id } }: PageInput<'id'>): Promise<PanelData> {
  const [panel, programme] = await Promise.all([
    api.call(getPanel, { params: { id } }),
    programmeOrNull(api),
  ]);
  return { panel, programme };
}

function RecommendationForm({ application, data }: { application: PanelApplication; data: PanelData }) {
  const { locale, t } = useLocale(panelMessages);
  const current = application.recommendation;
  const save = useFormAction(async (fields) => {
    const level = String(fields.get('level') ?? '');
    const saved = await browserApi.call(setRecommendation, {
      params: { id: application.id },
      body: {
        recommendation: String(fields.get('recommendation') ?? '') as never,
        level: (level === '' ? null : level) as never,
        reason: String(fields.get('reason') ?? ''),
      },
    });
    refreshPage();
    return saved;
  });
  const id = (name: string) => `${name}-${application.id}`;
  return (
    <form
      onSubmit={save.onSubmit}
      onInput={save.onInput}
      className="stack edit-form"
      data-testid="recommendation-form"
    >
      {save.error !== undefined && (
        <ProblemAlert
          title={t('assessmentPanel.recommendation.failed')}
          error={save.error}
          labels={{
            level: t('assessmentPanel.recommendation.level'),
            reason: t('assessmentPanel.recommendation.reason'),
          }}
        />
      )}
      {save.result && (
        <Alert data-color="success" role="status">
          {t('assessmentPanel.recommendation.saved')}
        </Alert>
      )}
      <Field>
        <Label htmlFor={id('recommendation')}>
          {t('assessmentPanel.recommendation.kind', { cluster: application.cluster.name })}
        </Label>
        <Select
          id={id('recommendation')}
          name="recommendation"
          required
          defaultValue={current?.recommendation ?? ''}
        >
          <Select.Option value="" disabled>
            {t('assessmentPanel.recommendation.none')}
          </Select.Option>
          {(Object.keys(RECOMMENDATION_LABELS) as (keyof typeof RECOMMENDATION_LABELS)[]).map((kind) => (
            <Select.Option key={kind} value={kind}>
              {t(RECOMMENDATION_LABELS[kind])}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={id('level')}>{t('assessmentPanel.recommendation.level')}</Label>
        <Select id={id('level')} name="level" defaultValue={current?.level ?? ''}>
          <Select.Option value="">{t('assessmentPanel.recommendation.noLevel')}</Select.Option>
          {data.panel.levels
            .filter((entry) => entry.level !== application.level)
            .map((entry) => (
              <Select.Option key={entry.level} value={entry.level}>
                {levelName(data.programme, entry.level, locale)}
              </Select.Option>
            ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={id('reason')}>{t('assessmentPanel.recommendation.reason')}</Label>
        <Textarea
          id={id('reason')}
          name="reason"
          rows={3}
          required
          maxLength={5000}
          defaultValue={current?.reason ?? ''}
        />
      </Field>
      <div className="registry__actions">
        <Button type="submit" disabled={save.busy}>
          {t('assessmentPanel.recommendation.save')}
        </Button>
      </div>
    </form>
  );
}

function NotesForm({ application }: { application: PanelApplication }) {
  const { t } = useLocale(panelMessages);
  const save = useFormAction(async (fields) =>
    browserApi.call(setInterviewNotes, {
      params: { id: application.id },
      body: { notes: String(fields.get('notes') ?? '') },
    }),
  );
  return (
    <form onSubmit={save.onSubmit} onInput={save.onInput} className="stack edit-form">
      {save.error !== undefined && (
        <ProblemAlert title={t('assessmentPanel.notes.failed')} error={save.error} />
      )}
      {save.result && (
        <Alert data-color="success" role="status">
          {t('assessmentPanel.notes.saved')}
        </Alert>
      )}
      <Field>
        <Label htmlFor={`notes-${application.id}`}>
          {t('assessmentPanel.notes.label', { cluster: application.cluster.name })}
        </Label>
        <Textarea
          id={`notes-${application.id}`}
          name="notes"
          rows={4}
          maxLength={20_000}
          defaultValue={application.recommendation?.interviewNotes ?? ''}
        />
      </Field>
      <div className="registry__actions">
        <Button type="submit" variant="secondary" disabled={save.busy}>
          {t('assessmentPanel.notes.save')}
        </Button>
      </div>
    </form>
  );
}

/** Every assessor of one application: their declaration, links found, scores and total. */
function Assessors({ application, panel }: { application: PanelApplication; panel: PanelView }) {
  const { locale, t } = useLocale(panelMessages);
  const { t: ta } = useLocale(assessmentMessages);
  const criteria = panel.criteria.filter((c) => c.level === null || c.level === application.level);
  return (
    <Table data-testid="panel-assessors">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('assessmentPanel.panel.assessor')}</Table.HeaderCell>
          <Table.HeaderCell>{t('assessmentPanel.panel.declaration')}</Table.HeaderCell>
          <Table.HeaderCell className="numeric">{t('assessmentPanel.panel.links')}</Table.HeaderCell>
          {criteria.map((criterion) => (
            <Table.HeaderCell key={criterion.id} className="numeric">
              {pick(criterion.name, locale)}
            </Table.HeaderCell>
          ))}
          <Table.HeaderCell className="numeric">{t('assessmentPanel.panel.column.total')}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {application.assessors.map((assessor) => (
          <Table.Row key={assessor.assessmentId}>
            <Table.Cell>
              <Link href={`/assessments/${assessor.assessmentId}`}>{assessor.name}</Link>
              <br />
              <Tag data-size="sm">{ta(ASSESSMENT_STATUS_LABELS[assessor.status])}</Tag>
            </Table.Cell>
            <Table.Cell data-testid="panel-declaration">
              {assessor.declaration === null
                ? t('assessmentPanel.panel.notDeclared')
                : assessor.declaration.conflict
                  ? t('assessmentPanel.panel.conflict', { reason: assessor.declaration.reason })
                  : t('assessmentPanel.panel.noConflict')}
            </Table.Cell>
            <Table.Cell className="numeric">{assessor.links}</Table.Cell>
            {criteria.map((criterion) => {
              const score = assessor.scores.find((entry) => entry.criterionId === criterion.id);
              return (
                <Table.Cell key={criterion.id} className="numeric" title={score?.comment || undefined}>
                  {score?.notApplicable ? ta('assessments.scores.notApplicable') : (score?.score ?? '–')}
                </Table.Cell>
              );
            })}
            <Table.Cell className="numeric">{formatTotal(assessor.total, locale)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function ClosePanelForm({ panel }: { panel: PanelView }) {
  const { t } = useLocale(panelMessages);
  const close = useFormAction(async () => {
    const closed = await browserApi.call(closePanel, { params: { id: panel.call.id } });
    refreshPage();
    return closed;
  });
  return (
    <section className="panel stack" aria-labelledby="close-panel-heading">
      <Heading level={2} data-size="xs" id="close-panel-heading">
        {t('assessmentPanel.panel.close')}
      </Heading>
      <Paragraph>{t('assessmentPanel.panel.closeIntro')}</Paragraph>
      {close.error !== undefined && (
        <ProblemAlert title={t('assessmentPanel.panel.closeFailed')} error={close.error} />
      )}
      <form onSubmit={close.onSubmit}>
        <Button type="submit" variant="secondary" disabled={close.busy}>
          {t('assessmentPanel.panel.close')}
        </Button>
      </form>
    </section>
  );
}

function PanelPage({ data }: { data: PanelData }) {
  const { locale, t } = useLocale(panelMessages);
  const { panel, programme } = data;
  const title = pick(panel.call.title, locale);
  return (
    <article className="stack">
      <nav aria-label="breadcrumbs" className="breadcrumbs">
        <Link href={`/calls/${panel.call.id}`}>{title}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{t('assessmentPanel.panel.title')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('assessmentPanel.panel.pageTitle', { title })}
      </Heading>
      <p>
        <Tag data-color={panel.status === 'open' ? 'success' : 'neutral'} data-testid="panel-status">
          {panel.closedAt
            ? t('assessmentPanel.panel.closed', { at: formatDateTime(panel.closedAt, locale) })
            : t('assessmentPanel.panel.open')}
        </Tag>
      </p>
      <Paragraph>{t('assessmentPanel.panel.intro')}</Paragraph>
      <Paragraph>
        <a href={`/api/calls/${panel.call.id}/panel.csv`} download data-external-nav>
          {t('assessmentPanel.panel.csv')}
        </a>{' '}
        · <Link href={`/calls/${panel.call.id}/assessors`}>{t('assessmentPanel.panel.assign')}</Link>
      </Paragraph>
      {panel.levels.map((level) => {
        const applications = panel.applications.filter((application) => application.level === level.level);
        const criteria = panel.criteria.filter((c) => c.level === null || c.level === level.level);
        const headingId = `level-${level.level}`;
        return (
          <section key={level.level} aria-labelledby={headingId} className="stack">
            <Heading level={2} data-size="sm" id={headingId}>
              {levelName(programme, level.level, locale)}
            </Heading>
            <Paragraph>
              {t('assessmentPanel.panel.money', {
                available: formatNok(level.moneyAvailableNok, locale),
                asked: formatNok(level.moneyAskedNok, locale),
                count: level.applications,
              })}
            </Paragraph>
            {applications.length === 0 ? (
              <Paragraph>{t('assessmentPanel.panel.empty')}</Paragraph>
            ) : (
              <div className="scrollable">
                <Table data-testid="panel-ranking" data-level={level.level}>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell className="numeric">
                        {t('assessmentPanel.panel.column.rank')}
                      </Table.HeaderCell>
                      <Table.HeaderCell>{t('assessmentPanel.panel.column.cluster')}</Table.HeaderCell>
                      <Table.HeaderCell className="numeric">
                        {t('assessmentPanel.panel.column.total')}
                      </Table.HeaderCell>
                      {criteria.map((criterion) => (
                        <Table.HeaderCell key={criterion.id} className="numeric">
                          {pick(criterion.name, locale)}
                        </Table.HeaderCell>
                      ))}
                      <Table.HeaderCell className="numeric">
                        {t('assessmentPanel.panel.column.completed')}
                      </Table.HeaderCell>
                      <Table.HeaderCell className="numeric">
                        {t('assessmentPanel.panel.column.asked')}
                      </Table.HeaderCell>
                      <Table.HeaderCell className="numeric">
                        {t('assessmentPanel.panel.column.cumulative')}
                      </Table.HeaderCell>
                      <Table.HeaderCell>{t('assessmentPanel.panel.column.recommendation')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {applications.map((application) => (
                      <Table.Row key={application.id} data-testid="panel-row">
                        <Table.Cell className="numeric">{application.rank ?? '–'}</Table.Cell>
                        <Table.Cell>{application.cluster.name}</Table.Cell>
                        <Table.Cell className="numeric">{formatTotal(application.total, locale)}</Table.Cell>
                        {criteria.map((criterion) => {
                          const stat = application.criteria.find(
                            (entry) => entry.criterionId === criterion.id,
                          );
                          return (
                            <Table.Cell key={criterion.id} className="numeric">
                              {stat?.mean == null
                                ? '–'
                                : t('assessmentPanel.panel.meanSpread', {
                                    mean: formatNumber(stat.mean, locale),
                                    spread: formatNumber(stat.spread ?? 0, locale),
                                  })}
                            </Table.Cell>
                          );
                        })}
                        <Table.Cell className="numeric">{application.completed}</Table.Cell>
                        <Table.Cell className="numeric">
                          {formatNok(application.moneyAskedNok, locale)}
                        </Table.Cell>
                        <Table.Cell className="numeric">
                          {formatNok(application.cumulativeAskedNok, locale)}{' '}
                          <Tag data-size="sm" data-color={application.withinMoney ? 'success' : 'warning'}>
                            {application.withinMoney
                              ? t('assessmentPanel.panel.withinMoney')
                              : t('assessmentPanel.panel.beyondMoney')}
                          </Tag>
                        </Table.Cell>
                        <Table.Cell>
                          {application.recommendation?.recommendation
                            ? t(RECOMMENDATION_LABELS[application.recommendation.recommendation])
                            : '–'}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
            {applications.map((application) => (
              <Details key={application.id}>
                <Details.Summary>
                  {t('assessmentPanel.panel.details', { cluster: application.cluster.name })}
                </Details.Summary>
                <Details.Content>
                  <div className="stack">
                    <Assessors application={application} panel={panel} />
                    <RecommendationForm application={application} data={data} />
                    <NotesForm application={application} />
                  </div>
                </Details.Content>
              </Details>
            ))}
          </section>
        );
      })}
      {panel.actions.includes('close') && <ClosePanelForm panel={panel} />}
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: panelMessages,
  load: loadPanel,
  title: ({ panel }, t) => t('assessmentPanel.panel.documentTitle', panel.call.title),
  Component: PanelPage,
});
