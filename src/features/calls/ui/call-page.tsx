import { Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { pick } from '../../../shared/localized';
import type { Api } from '../../../web/kit/api';
import { formatDateTime, formatNok, formatNumber, formatPercent } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import { definePage, type PageInput } from '../../../web/kit/page';
import { Slot, type SlotData } from '../../../web/kit/slots';
import { useViewer } from '../../../web/kit/viewer-context';
import { canManageCalls } from '../calls.policy';
import { type CallView, getCall, type ProgrammeView, programmeOrNull } from './api';
import { ExtendDeadlinePanel, OpenCallPanel } from './call-actions';
import { levelName } from './labels';
import { CALL_STATUS_LABELS, callMessages } from './messages';

type CallData = { call: CallView; programme: ProgrammeView | null; slots: SlotData };

const slotPropsOf = (call: CallView) => ({
  callId: call.id,
  status: call.status,
  deadlineAt: call.deadlineAt,
});

async function loadCall(api: Api, { params: { id }, slot }: PageInput<'id'>): Promise<CallData> {
  const [call, programme] = await Promise.all([api.call(getCall, { params: { id } }), programmeOrNull(api)]);
  return { call, programme, slots: await slot('call-page', slotPropsOf(call)) };
}

const TIMELINE = [
  'opensAt',
  'informationMeetingAt',
  'sketchDeadlineAt',
  'deadlineAt',
  'plannedDecisionAt',
] as const satisfies readonly (keyof CallView)[];

/** Paragraphs of a description: blank lines part them. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean);
}

function Criteria({ call, programme }: Omit<CallData, 'slots'>) {
  const { locale, t } = useLocale(callMessages);
  const level = (code: string) => levelName(programme, code, locale);
  // One share column when every criterion weighs the same at every level; else a column per level.
  const perLevel = call.criteria.some((criterion) => criterion.level !== null);
  const shareColumns = perLevel
    ? call.levels.map((entry) => entry.level)
    : call.levels.slice(0, 1).map((e) => e.level);
  if (call.criteria.length === 0) return <Paragraph>{t('call.noCriteria')}</Paragraph>;
  return (
    <Table aria-labelledby="criteria-heading" data-testid="criteria-table">
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{t('call.criterionColumn')}</Table.HeaderCell>
          <Table.HeaderCell>{t('call.scaleColumn')}</Table.HeaderCell>
          <Table.HeaderCell className="numeric">{t('call.weightColumn')}</Table.HeaderCell>
          {shareColumns.map((code) => (
            <Table.HeaderCell key={code} className="numeric">
              {perLevel ? t('call.shareFor', { level: level(code) }) : t('call.shareColumn')}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {call.criteria.map((criterion) => (
          <Table.Row key={criterion.id}>
            <Table.Cell>
              <strong>{pick(criterion.name, locale)}</strong>
              {criterion.level && (
                <span className="muted"> ({t('call.onlyFor', { level: level(criterion.level) })})</span>
              )}
              {pick(criterion.guidance, locale) && (
                <Paragraph data-size="sm">{pick(criterion.guidance, locale)}</Paragraph>
              )}
            </Table.Cell>
            <Table.Cell>
              {criterion.scaleMin}–{criterion.scaleMax}
            </Table.Cell>
            <Table.Cell className="numeric">{formatNumber(criterion.weight, locale)}</Table.Cell>
            {shareColumns.map((code) => {
              const share = criterion.shares.find((entry) => entry.level === code)?.share;
              return (
                <Table.Cell key={code} className="numeric" data-share-level={code}>
                  {share === undefined ? '–' : formatPercent(share, locale)}
                </Table.Cell>
              );
            })}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function CallPage({ data }: { data: CallData }) {
  const { locale, t } = useLocale(callMessages);
  const viewer = useViewer();
  const { call, programme } = data;
  const title = pick(call.title, locale);
  return (
    <article className="stack">
      <nav aria-label={t('nav.breadcrumbs')} className="breadcrumbs">
        <Link href="/calls">{t('calls.title')}</Link> <span aria-hidden="true">›</span> <span>{title}</span>
      </nav>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <p>
        <Tag data-color={call.status === 'open' ? 'success' : 'neutral'} data-testid="call-status">
          {t(CALL_STATUS_LABELS[call.status])}
        </Tag>
      </p>
      {paragraphsOf(pick(call.description, locale)).map((paragraph) => (
        <Paragraph key={paragraph}>{paragraph}</Paragraph>
      ))}
      {/* Applying, the applications, their assessment and decisions belong to later features. */}
      <Slot name="call-page" props={slotPropsOf(call)} data={data.slots} />
      {call.status === 'draft' && canManageCalls(viewer) && (
        <Paragraph>
          <Link href={`/calls/${call.id}/edit`}>{t('call.edit')}</Link>
        </Paragraph>
      )}

      <section aria-labelledby="timeline-heading">
        <Heading level={2} data-size="sm" id="timeline-heading">
          {t('call.timeline')}
        </Heading>
        <dl className="facts" data-testid="call-timeline">
          {TIMELINE.map((field) => {
            const at = call[field];
            return at === null ? null : (
              <div key={field} data-field={field}>
                <dt>{t(`call.${field}`)}</dt>
                <dd>
                  <time dateTime={at}>{formatDateTime(at, locale)}</time>
                </dd>
              </div>
            );
          })}
        </dl>
        {call.deadlineExtensions.length > 0 && (
          <ul className="plain-list" data-testid="deadline-extensions">
            {call.deadlineExtensions.map((extension) => (
              <li key={extension.extendedAt}>
                {t('call.extended', {
                  from: formatDateTime(extension.previousDeadlineAt, locale),
                  to: formatDateTime(extension.deadlineAt, locale),
                  reason: extension.reason,
                })}
              </li>
            ))}
          </ul>
        )}
        <Paragraph data-size="sm" className="muted">
          {t('call.osloTime')}
        </Paragraph>
      </section>

      <section aria-labelledby="levels-heading">
        <Heading level={2} data-size="sm" id="levels-heading">
          {t('call.levels')}
        </Heading>
        {call.levels.length === 0 ? (
          <Paragraph>{t('call.noLevels')}</Paragraph>
        ) : (
          <Table aria-labelledby="levels-heading" data-testid="levels-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('call.levelColumn')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('call.moneyColumn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {call.levels.map((entry) => (
                <Table.Row key={entry.level}>
                  <Table.Cell>{levelName(programme, entry.level, locale)}</Table.Cell>
                  <Table.Cell className="numeric">{formatNok(entry.moneyNok, locale)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.Cell>{t('call.total')}</Table.Cell>
                <Table.Cell className="numeric">{formatNok(call.totalMoneyNok, locale)}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
        )}
      </section>

      <section aria-labelledby="criteria-heading">
        <Heading level={2} data-size="sm" id="criteria-heading">
          {t('call.criteria')}
        </Heading>
        <Paragraph>{t('call.criteriaIntro')}</Paragraph>
        <Criteria call={call} programme={programme} />
      </section>

      {call.actions.includes('open') && <OpenCallPanel call={call} />}
      {call.actions.includes('extend_deadline') && <ExtendDeadlinePanel call={call} />}
    </article>
  );
}

export const page = definePage({
  source: import.meta.url,
  messages: callMessages,
  load: loadCall,
  title: ({ call }, t) => t('call.pageTitle', call.title),
  description: ({ call }, locale) => pick(call.description, locale) || undefined,
  Component: CallPage,
});
