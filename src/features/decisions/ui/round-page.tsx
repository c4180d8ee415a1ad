import {
  Alert,
  Button,
  Details,
  Field,
  Heading,
  Input,
  Label,
  Link,
  Paragraph,
  Select,
  Table,
  Tag,
  Textarea,
} from '@digdir/designsystemet-react';
import { type Locale, pick } from '../../../shared/localized';
import { type Api, ApiError } from '../../../web/kit/api';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { formatDate, formatDateTime, formatNok } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { definePage, type PageInput } from '../../../web/kit/page';
import {
  draftDecision,
  getProgramme,
  getRound,
  type ProgrammeView,
  publishDecisions,
  type RoundView,
} from './api';
import { decisionMessages } from './messages';

type RoundData = { round: RoundView; programme: ProgrammeView | null };
type Item = RoundView['items'][number];

async function loadRound(api: Api, { params: { id } }: PageInput<'id'>): Promise<RoundData> {
  const [round, programme] = await Promise.all([
    api.call(getRound, { params: { id } }),
    api.call(getProgramme).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }),
  ]);
  return { round, programme };
}

export function levelName(programme: ProgrammeView | null, code: string | null, locale: Locale): string {
  if (code === null) return '';
  const level = programme?.levels.find((candidate) => candidate.code === code);
  return level ? pick(level.name, locale) : code;
}

/** "2 000 000, 1 500 000" read as kroner per year; spaces inside a number are the thousands. */
export function grantsOf(text: string): number[] {
  return text
    .split(',')
    .map((part) => part.replace(/[\s\u00a0]/g, ''))
    .filter((part) => part !== '')
    .map(Number);
}

function DecisionForm({
  applicationId,
  cluster,
  appliedLevel,
  current,
  data,
}: {
  applicationId: string;
  cluster: string;
  appliedLevel: string | null;
  current: Item | null;
  data: RoundData;
}) {
  const { locale, t } = useLocale(decisionMessages);
  const save = useFormAction(async (fields) => {
    const text = (name: string) => String(fields.get(name) ?? '');
    const outcome = text('outcome') as 'admit' | 'reject';
    const letterNb = text('letterNb').trim();
    const letterEn = text('letterEn').trim();
    const saved = await browserApi.call(draftDecision, {
      params: { id: applicationId },
      body: {
        outcome,
        ...(outcome === 'admit'
          ? {
              level: text('level') as never,
              startsOn: text('startsOn'),
              yearlyGrantsNok: grantsOf(text('grants')),
            }
          : {}),
        conditions: text('conditions'),
        ...(letterNb && letterEn ? { letter: { nb: letterNb, en: letterEn } } : {}),
      },
    });
    refreshPage();
    return saved;
  });
  const id = (name: string) => `${name}-${applicationId}`;
  const levels = data.programme?.levels ?? [];
  return (
    <form
      onSubmit={save.onSubmit}
      onInput={save.onInput}
      className="stack edit-form"
      data-testid="decision-form"
    >
      {save.error !== undefined && (
        <ProblemAlert
          title={t('decisions.form.failed')}
          error={save.error}
          labels={{
            level: t('decisions.form.level'),
            startsOn: t('decisions.form.startsOn'),
            yearlyGrantsNok: t('decisions.form.grants'),
          }}
        />
      )}
      {save.result !== undefined && <Alert data-color="success">{t('decisions.form.saved')}</Alert>}
      <Field>
        <Label htmlFor={id('outcome')}>{t('decisions.form.outcome')}</Label>
        <Select
          id={id('outcome')}
          name="outcome"
          defaultValue={current?.outcome === 'reject' ? 'reject' : 'admit'}
        >
          <Select.Option value="admit">{t('decisions.form.admit')}</Select.Option>
          <Select.Option value="reject">{t('decisions.form.reject')}</Select.Option>
        </Select>
      </Field>
      <Field>
        <Label htmlFor={id('level')}>{t('decisions.form.level')}</Label>
        <Select id={id('level')} name="level" defaultValue={current?.level ?? appliedLevel ?? ''}>
          {levels.map((level) => (
            <Select.Option key={level.code} value={level.code}>
              {pick(level.name, locale)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={id('startsOn')}>{t('decisions.form.startsOn')}</Label>
        <Input id={id('startsOn')} name="startsOn" defaultValue={current?.startsOn ?? ''} />
      </Field>
      <Field>
        <Label htmlFor={id('grants')}>{t('decisions.form.grants')}</Label>
        <Input
          id={id('grants')}
          name="grants"
          defaultValue={current?.grants.map((grant) => grant.amountNok).join(', ') ?? ''}
        />
      </Field>
      <Field>
        <Label htmlFor={id('conditions')}>{t('decisions.form.conditions')}</Label>
        <Textarea id={id('conditions')} name="conditions" rows={2} defaultValue={current?.conditions ?? ''} />
      </Field>
      <Field>
        <Label htmlFor={id('letterNb')}>{t('decisions.form.letterNb')}</Label>
        <Textarea id={id('letterNb')} name="letterNb" rows={6} defaultValue={current?.letter.nb ?? ''} />
      </Field>
      <Field>
        <Label htmlFor={id('letterEn')}>{t('decisions.form.letterEn')}</Label>
        <Textarea id={id('letterEn')} name="letterEn" rows={6} defaultValue={current?.letter.en ?? ''} />
      </Field>
      <div>
        <Button type="submit" disabled={save.busy}>
          {t('decisions.form.save')}
        </Button>
      </div>
      <span className="visually-hidden">{cluster}</span>
    </form>
  );
}

function PublishForm({ round }: { round: RoundView }) {
  const { t } = useLocale(decisionMessages);
  const publish = useFormAction(async (fields) => {
    const reason = String(fields.get('reason') ?? '').trim();
    const result = await browserApi.call(publishDecisions, {
      params: { id: round.call.id },
      body: reason ? { override: { reason } } : {},
    });
    refreshPage();
    return result;
  });
  return (
    <section className="panel stack" aria-labelledby="publish-heading">
      <Heading level={2} data-size="xs" id="publish-heading">
        {t('decisions.publish.title')}
      </Heading>
      <Paragraph>{t('decisions.publish.intro')}</Paragraph>
      {publish.error !== undefined && (
        <ProblemAlert title={t('decisions.publish.failed')} error={publish.error} />
      )}
      {publish.result !== undefined && (
        <Alert data-color="success">
          {t('decisions.publish.done', {
            count: publish.result.published,
            letters: publish.result.lettersQueued,
          })}
        </Alert>
      )}
      <form
        onSubmit={publish.onSubmit}
        onInput={publish.onInput}
        className="stack"
        data-testid="publish-form"
      >
        {round.mayOverride && (
          <Field>
            <Label htmlFor="override-reason">{t('decisions.publish.reason')}</Label>
            <Textarea id="override-reason" name="reason" rows={3} />
          </Field>
        )}
        <div>
          <Button type="submit" disabled={publish.busy}>
            {t('decisions.publish.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Warnings({ item }: { item: Item }) {
  const { t } = useLocale(decisionMessages);
  const frame = item.warnings.frameYears;
  const aid = item.warnings.stateAid;
  if (frame.length === 0 && !aid?.overCap) return <>{t('decisions.round.noWarnings')}</>;
  return (
    <span className="stack">
      {frame.length > 0 && (
        <Tag data-color="warning" data-testid="frame-warning">
          {t('decisions.round.frameWarning', { years: frame.join(', ') })}
        </Tag>
      )}
      {aid?.overCap && (
        <Tag data-color="danger" data-testid="cap-warning">
          {t('decisions.round.capWarning', { years: aid.withProposalYears, cap: aid.capYears })}
        </Tag>
      )}
    </span>
  );
}

function RoundPage({ data }: { data: RoundData }) {
  const { locale, t } = useLocale(decisionMessages);
  const { round, programme } = data;
  const title = pick(round.call.title, locale);
  const outcome = (item: Item) =>
    t(`decisions.round.outcome.${item.outcome}`, { level: levelName(programme, item.level, locale) });
  return (
    <article className="stack">
      <nav aria-label="breadcrumbs" className="breadcrumbs">
        <Link href={`/calls/${round.call.id}`}>{title}</Link> <span aria-hidden="true">›</span>{' '}
        <span>{t('decisions.round.title')}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {t('decisions.round.pageTitle', { title })}
      </Heading>
      <Paragraph>{t('decisions.round.intro')}</Paragraph>
      {round.publishedAt && (
        <Alert data-color="info" data-testid="round-published">
          {t('decisions.round.published', { at: formatDateTime(round.publishedAt, locale) })}{' '}
          <Link href={`/calls/${round.call.id}/announcement`}>{t('decisions.round.announcement')}</Link>
        </Alert>
      )}
      {round.frameOverruns.length > 0 && (
        <Alert data-color="warning" data-testid="frame-overruns">
          <Heading level={2} data-size="xs">
            {t('decisions.round.overruns')}
          </Heading>
          <ul>
            {round.frameOverruns.map((o) => (
              <li key={o.year}>
                {t('decisions.round.overrun', {
                  year: o.year,
                  frame: formatNok(o.frameNok, locale),
                  committed: formatNok(o.committedNok, locale),
                  adding: formatNok(o.addingNok, locale),
                  over: formatNok(o.overNok, locale),
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {round.overCap.length > 0 && (
        <Alert data-color="danger" data-testid="over-cap">
          <ul>
            {round.overCap.map((o) => (
              <li key={o.cluster}>
                {t('decisions.round.overCap', {
                  cluster: o.cluster,
                  years: o.withProposalYears,
                  cap: o.capYears,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {round.items.length === 0 ? (
        <Paragraph>{t('decisions.round.empty')}</Paragraph>
      ) : (
        <div className="scrollable">
          <Table data-testid="decisions">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('decisions.round.column.cluster')}</Table.HeaderCell>
                <Table.HeaderCell>{t('decisions.round.column.outcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('decisions.round.column.period')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('decisions.round.column.total')}</Table.HeaderCell>
                <Table.HeaderCell>{t('decisions.round.column.warnings')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {round.items.map((item) => (
                <Table.Row key={item.id} data-testid="decision-row" data-cluster={item.cluster.slug}>
                  <Table.Cell>
                    {item.applicationId ? (
                      <Link href={`/applications/${item.applicationId}/decision`}>{item.cluster.name}</Link>
                    ) : (
                      item.cluster.name
                    )}
                  </Table.Cell>
                  <Table.Cell>{outcome(item)}</Table.Cell>
                  <Table.Cell>
                    {item.startsOn && item.endsOn
                      ? `${formatDate(item.startsOn, locale)} – ${formatDate(item.endsOn, locale)}`
                      : '–'}
                  </Table.Cell>
                  <Table.Cell className="numeric">{formatNok(item.totalNok, locale)}</Table.Cell>
                  <Table.Cell>
                    <Warnings item={item} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {!round.published &&
        round.items.map((item) => (
          <Details key={item.id}>
            <Details.Summary>{t('decisions.form.summary', { cluster: item.cluster.name })}</Details.Summary>
            <Details.Content>
              <DecisionForm
                applicationId={item.applicationId ?? ''}
                cluster={item.cluster.name}
                appliedLevel={item.appliedLevel}
                current={item}
                data={data}
              />
            </Details.Content>
          </Details>
        ))}
      {round.undecided.length > 0 && (
        <section className="stack" aria-labelledby="undecided-heading">
          <Heading level={2} data-size="sm" id="undecided-heading">
            {t('decisions.round.undecided')}
          </Heading>
          {round.undecided.map((entry) => (
            <Details key={entry.applicationId} data-testid="undecided">
              <Details.Summary>
                {t('decisions.form.summary', { cluster: entry.cluster.name })} ·{' '}
                {levelName(programme, entry.level, locale)} · {formatNok(entry.moneyAskedNok, locale)}
                {entry.recommendation &&
                  ` · ${t('decisions.round.recommendation', { recommendation: entry.recommendation })}`}
              </Details.Summary>
              <Details.Content>
                <DecisionForm
                  applicationId={entry.applicationId}
                  cluster={entry.cluster.name}
                  appliedLevel={entry.level}
                  current={null}
                  data={data}
                />
              </Details.Content>
            </Details>
          ))}
        </section>
      )}
      {round.mayPublish && <PublishForm round={round} />}
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: decisionMessages,
  load: loadRound,
  title: ({ round }, t) => t('decisions.round.documentTitle', round.call.title),
  Component: RoundPage,
});
