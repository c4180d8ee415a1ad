import type { Translate } from '../../../web/kit/i18n';
import type { SectionKey } from '../applications.lifecycle';
import type { CheckProblem } from './api';
import { SECTION_TITLES, type SectionMessageKey } from './section-messages';

// What each section of an application holds, field by field: the form that writes it and the view
// that reads it are both drawn from this, so a field is named the same wherever it shows.

export type Field =
  | {
      kind: 'text' | 'textarea' | 'orgnr' | 'hub';
      key: string;
      label: SectionMessageKey;
      help?: SectionMessageKey;
    }
  | { kind: 'nok' | 'year' | 'commitment'; key: string; label: SectionMessageKey }
  | { kind: 'strings'; key: string; label: SectionMessageKey; item: SectionMessageKey }
  | {
      kind: 'rows';
      key: string;
      label: SectionMessageKey;
      item: SectionMessageKey;
      fields: Field[];
      blank: Record<string, unknown>;
    };

const textarea = (key: string, label: SectionMessageKey): Field => ({ kind: 'textarea', key, label });

export const SECTION_FIELDS: Record<SectionKey, Field[]> = {
  background: [textarea('text', 'section.background')],
  vision_goals: [
    textarea('vision', 'field.vision'),
    {
      kind: 'rows',
      key: 'goals',
      label: 'field.goals',
      item: 'field.goal',
      fields: [
        { kind: 'text', key: 'goal', label: 'field.goal' },
        { kind: 'text', key: 'indicator', label: 'field.indicator' },
        { kind: 'text', key: 'target', label: 'field.target' },
      ],
      blank: { goal: '', indicator: '', target: '' },
    },
  ],
  focus_activities: [
    { kind: 'strings', key: 'focusAreas', label: 'field.focusAreas', item: 'field.focusArea' },
    {
      kind: 'rows',
      key: 'activities',
      label: 'field.activities',
      item: 'field.activity',
      fields: [
        { kind: 'text', key: 'name', label: 'field.name' },
        textarea('description', 'field.description'),
      ],
      blank: { name: '', description: '' },
    },
    textarea('plan', 'field.plan'),
  ],
  expected_effects: [textarea('text', 'section.expected_effects')],
  resource_base: [
    {
      kind: 'orgnr',
      key: 'projectOwnerOrgnr',
      label: 'field.projectOwnerOrgnr',
      help: 'field.projectOwnerHelp',
    },
    {
      kind: 'rows',
      key: 'partners',
      label: 'field.partners',
      item: 'field.partner',
      fields: [
        { kind: 'orgnr', key: 'orgnr', label: 'field.orgnr' },
        { kind: 'commitment', key: 'commitment', label: 'field.commitment' },
        { kind: 'nok', key: 'cashNok', label: 'field.cashNok' },
        { kind: 'nok', key: 'inKindNok', label: 'field.inKindNok' },
      ],
      blank: { orgnr: '', commitment: 'core_partner', cashNok: null, inKindNok: null },
    },
    textarea('text', 'field.text'),
  ],
  ecosystem_role: [textarea('text', 'section.ecosystem_role')],
  budget: [
    {
      kind: 'rows',
      key: 'years',
      label: 'field.years',
      item: 'field.budgetYear',
      fields: [
        { kind: 'year', key: 'year', label: 'field.year' },
        { kind: 'nok', key: 'costNok', label: 'field.costNok' },
        { kind: 'nok', key: 'programmeNok', label: 'field.programmeNok' },
      ],
      blank: { year: null, costNok: null, programmeNok: null },
    },
    {
      kind: 'rows',
      key: 'cofinancing',
      label: 'field.cofinancing',
      item: 'field.cofinancingRow',
      fields: [
        { kind: 'year', key: 'year', label: 'field.year' },
        { kind: 'text', key: 'source', label: 'field.source' },
        { kind: 'nok', key: 'amountNok', label: 'field.amountNok' },
      ],
      blank: { year: null, source: '', amountNok: null },
    },
  ],
  pre_project: [
    { kind: 'text', key: 'funder', label: 'field.funder' },
    { kind: 'nok', key: 'amountNok', label: 'field.amountNok' },
  ],
  hub: [{ kind: 'hub', key: 'hubClusterSlug', label: 'field.hubClusterSlug', help: 'field.hubHelp' }],
};

/** The id of a field's control on the page, from its path: a check's problem links to it. */
export function fieldId(path: readonly (string | number)[]): string {
  return `field-${path.join('-')}`;
}

/** How a reader knows the field a path names: "Ressursgrunnlag og partnere › Partnere (3) › Organisasjonsnummer". */
export function pathLabel(path: readonly (string | number)[], t: Translate<SectionMessageKey>): string {
  if (path[0] !== 'sections') return path[0] === 'level' ? t('rule.level') : path.join('.');
  const section = path[1] as SectionKey;
  const parts = [t(SECTION_TITLES[section] ?? section)];
  let fields: Field[] | undefined = SECTION_FIELDS[section];
  for (let i = 2; i < path.length && fields; i++) {
    const field: Field | undefined = fields.find((candidate) => candidate.key === path[i]);
    if (!field) break;
    const index = path[i + 1];
    const own = field.label === SECTION_TITLES[section] ? undefined : t(field.label);
    if (typeof index === 'number') {
      parts.push(`${own ?? ''} (${index + 1})`.trim());
      i += 1;
    } else if (own) parts.push(own);
    fields = field.kind === 'rows' ? field.fields : undefined;
  }
  return parts.join(' › ');
}

/** A broken rule in the reader's language, from its code and facts. */
export function ruleText(
  problem: Pick<CheckProblem, 'code' | 'params'>,
  t: Translate<SectionMessageKey>,
): string {
  const params = { ...problem.params };
  if (problem.code === 'hub_level' && !params.level) params.level = t('rule.no_level');
  return t(`rule.${problem.code}` as SectionMessageKey, params);
}
