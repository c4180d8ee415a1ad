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
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import {
  type AssessorPage,
  assignAssessor,
  getPanel,
  listAssessors,
  type PanelView,
  type ProgrammeView,
  spreadAssessors,
} from './api';
import { levelName, programmeOrNull } from './labels';
import { ASSESSMENT_STATUS_LABELS, assessmentMessages } from './messages';
import { panelMessages } from './panel-messages';

type AssignData = { panel: PanelView; assessors: AssessorPage; programme: ProgrammeView | null };

async function loadAssign(api: Api, { params: { id } }: PageInput<'id'>): Promise<AssignData> {
  const [panel, assessors, programme] = await Promise.all([
    api.call(getPanel, { params: { id } }),
    api.call(listAssessors, { query: { pageSize: '100' } }),
    programmeOrNull(api),
  ]);
  return { panel, assessors, programme };
}

/** Spreads the call's applications over the assessors ticked, with at most N each. */
function SpreadForm({ data }: { data: AssignData }) {
  const { t } = useLocale(panelMessages);
  const spread = useFormAction(async (fields) => {
    const result = await browserApi.call(spreadAssessors, {
      params: { id: data.panel.call.id },
      body: {
        assessorAccountIds: fields.getAll('assessor').map(String),
        perApplication: Number(fields.get('perApplication')),
        maxPerAssessor: Number(fields.get('maxPerAssessor')),
      },
    });
    refreshPage();
    return result;
  });
  return (
    <section aria-labelledby="spread-heading" className="panel stack">
      <Heading level={2} data-size="xs" id="spread-heading">
        {t('assessmentPanel.assign.spread')}
      </Heading>
      {spread.error !== undefined && (
        <ProblemAlert
          title={t('assessmentPanel.assign.spreadFailed')}
          error={spread.error}
          labels={{
            assessorAccountIds: t('assessmentPanel.assign.panel'),
            perApplication: t('assessmentPanel.assign.perApplication'),
            maxPerAssessor: t('assessmentPanel.assign.maxPerAssessor'),
          }}
        />
      )}
      {spread.result && (
        <Alert data-color="success" role="status">
          {t('assessmentPanel.assign.spreadDone', { count: spread.result.assigned.length })}
        </Alert>
      )}
      {data.assessors.items.length === 0 ? (
        <Paragraph>{t('assessmentPanel.assign.noAssessors')}</Paragraph>
      ) : (
        <form
          onSubmit={spread.onSubmit}
          onInput={spread.onInput}
          className="stack edit-form"
          data-testid="spread-form"
        >
          <Fieldset>
            <Fieldset.Legend>{t('assessmentPanel.assign.panel')}</Fieldset.Legend>
            {data.assessors.items.map((assessor) => (
              <Checkbox
                key={assessor.accountId}
                label={assessor.name}
                name="assessor"
                value={assessor.accountId}
              />
            ))}
          </Fieldset>
          <Field>
            <Label htmlFor="spread-per-application">{t('assessmentPanel.assign.perApplication')}</Label>
            <Input
              id="spread-per-application"
              name="perApplication"
              type="number"
              min={1}
              max={10}
              defaultValue={2}
              required
            />
          </Field>
          <Field>
            <Label htmlFor="spread-max">{t('assessmentPanel.assign.maxPerAssessor')}</Label>
            <Input
              id="spread-max"
              name="maxPerAssessor"
              type="number"
              min={1}
              max={500}
              defaultValue={10}
              required
            />
          </Field>
          <div className="registry__actions">
            <Button type="submit" disabled={spread.busy}>
              {t('assessmentPanel.assign.spreadSubmit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function AssignOne({
  application,
  data,
}: {
  application: PanelView['applications'][number];
  data: AssignData;
}) {
  const { t } = useLocale(panelMessages);
  const assign = useFormAction(async (fields) => {
    const made = await browserApi.call(assignAssessor, {
      params: { id: application.id },
      body: { assessorAccountId: String(fields.get('assessorAccountId') ?? '') },
    });
    refreshPage();
    return made;
  });
  const taken = new Set(application.assessors.map((assessor) => assessor.assessorAccountId));
  const free = data.assessors.items.filter((assessor) => !taken.has(assessor.accountId));
  if (free.length === 0) return null;
  const id = `assign-${application.id}`;
  return (
    <form onSubmit={assign.onSubmit} onInput={assign.onInput} className="stack">
      {assign.error !== undefined && (
        <ProblemAlert title={t('assessmentPanel.assign.failed')} error={assign.error} />
      )}
      <Field>
        <Label htmlFor={id}>
          {t('assessmentPanel.assign.assessor', { cluster: application.cluster.name })}
        </Label>
        <Select id={id} name="assessorAccountId" required>
          {free.map((assessor) => (
            <Select.Option key={assessor.accountId} value={assessor.accountId}>
              {assessor.name}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div className="registry__actions">
        <Button type="submit" variant="secondary" data-size="sm" disabled={assign.busy}>
          {t('assessmentPanel.assign.submit')}
        </Button>
      </div>
    </form>
  );
}

function AssignPage({ data }: { data: AssignData }) {
  const { locale, t } = useLocale(panelMessages);
  const { t: ta } = useLocale(assessmentMessages);
  const { panel, programme } = data;
  const title = pick(panel.call.title, locale);
  return (
    <article className="stack">
      <nav aria-label="breadcrumbs" className="breadcrumbs">
        <Link href={`/calls/${panel.call.id}`}>{title}</Link> <span aria-hidden="true">›</span>{' '}
        <Link href={`/calls/${panel.call.id}/panel`}>{t('assessmentPanel.panel.title')}</Link>{' '}
        <span aria-hidden="true">›</span> <span>{t('assessmentPanel.assign.title')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('assessmentPanel.assign.pageTitle', { title })}
      </Heading>
      <Paragraph>{t('assessmentPanel.assign.intro')}</Paragraph>
      {panel.status === 'open' && <SpreadForm data={data} />}
      <section aria-labelledby="applications-heading" className="stack">
        <Heading level={2} data-size="sm" id="applications-heading">
          {t('assessmentPanel.assign.applications')}
        </Heading>
        <Table data-testid="assignments">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('assessmentPanel.panel.column.cluster')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assessmentPanel.assign.assigned')}</Table.HeaderCell>
              <Table.HeaderCell>{t('assessmentPanel.assign.submit')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {panel.applications.map((application) => (
              <Table.Row key={application.id}>
                <Table.Cell>
                  {application.cluster.name}
                  <span className="muted"> · {levelName(programme, application.level, locale)}</span>
                </Table.Cell>
                <Table.Cell>
                  {application.assessors.length === 0 ? (
                    t('assessmentPanel.assign.nobody')
                  ) : (
                    <ul className="plain-list">
                      {application.assessors.map((assessor) => (
                        <li key={assessor.assessmentId}>
                          {assessor.name}{' '}
                          <Tag data-size="sm">{ta(ASSESSMENT_STATUS_LABELS[assessor.status])}</Tag>
                          {assessor.links > 0 && (
                            <> {t('assessmentPanel.assign.links', { count: assessor.links })}</>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {panel.status === 'open' && <AssignOne application={application} data={data} />}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: panelMessages,
  load: loadAssign,
  title: ({ panel }, t) => t('assessmentPanel.assign.documentTitle', panel.call.title),
  Component: AssignPage,
});
