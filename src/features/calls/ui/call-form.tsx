import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Input,
  Label,
  Link,
  Select,
  Textarea,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { pick } from '../../../shared/localized';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import type { CreateCallInput } from '../calls.contract';
import type { CallView, ProgrammeView } from './api';
import { callMessages } from './messages';
import { osloInstant, osloWallTime } from './oslo-time';

type LevelCode = ProgrammeView['levels'][number]['code'];
type CriterionValues = Omit<CallView['criteria'][number], 'id' | 'shares'>;
type Row = { key: number; initial: CriterionValues };

const BLANK_CRITERION: CriterionValues = {
  name: { nb: '', en: '' },
  guidance: { nb: '', en: '' },
  weight: 1,
  scaleMin: 1,
  scaleMax: 7,
  level: null,
};

/** What the form sends: the whole call, the same body whether it is new or a change to a draft. */
export type CallFormBody = Required<CreateCallInput>;

const TIMES = [
  { name: 'opensAt', required: true },
  { name: 'informationMeetingAt', required: false },
  { name: 'sketchDeadlineAt', required: false },
  { name: 'deadlineAt', required: true },
  { name: 'plannedDecisionAt', required: false },
] as const;

const text = (fields: FormData, name: string) => String(fields.get(name) ?? '').trim();

/** A wall time the reader typed as the instant it names; text that is none goes as typed, for the API's reason. */
function instantOf(fields: FormData, name: string): string | null {
  const typed = text(fields, name);
  return typed === '' ? null : (osloInstant(typed) ?? typed);
}

/**
 * The draft's form: titles and descriptions in both languages, the timeline in Norwegian time, the
 * levels with their money, and criteria rows that can be added, removed and reordered. Rows keep
 * their own inputs when they move (each is keyed), so nothing typed is lost.
 */
export function CallForm({
  programme,
  call,
  save,
  cancelHref,
}: {
  programme: ProgrammeView;
  call?: CallView;
  save: (body: CallFormBody) => Promise<unknown>;
  cancelHref: string;
}) {
  const { locale, t } = useLocale(callMessages);
  const [chosen, setChosen] = useState<LevelCode[]>(call?.levels.map((entry) => entry.level) ?? []);
  const [rows, setRows] = useState<Row[]>(() =>
    (call?.criteria ?? [BLANK_CRITERION]).map((initial, key) => ({ key, initial })),
  );
  const [nextKey, setNextKey] = useState(rows.length);
  // Levels no longer open to new engagements are left out, unless the draft already names one.
  const offered = programme.levels.filter(
    (level) => level.openToYear === null || chosen.includes(level.code),
  );
  const nameOf = (code: string) => {
    const level = programme.levels.find((candidate) => candidate.code === code);
    return level ? pick(level.name, locale) : code;
  };

  const submit = useFormAction(async (fields) => {
    const levels = offered
      .filter((level) => chosen.includes(level.code))
      .map((level) => ({ level: level.code, moneyNok: Number(text(fields, `money-${level.code}`)) }));
    const criteria = rows.map(({ key }) => {
      const field = (name: string) => text(fields, `criterion-${key}-${name}`);
      const level = field('level');
      return {
        name: { nb: field('nameNb'), en: field('nameEn') },
        guidance: { nb: field('guidanceNb'), en: field('guidanceEn') },
        weight: Number(field('weight')),
        scaleMin: Number(field('scaleMin')),
        scaleMax: Number(field('scaleMax')),
        level: level === '' ? null : (level as LevelCode),
      };
    });
    return save({
      title: { nb: text(fields, 'titleNb'), en: text(fields, 'titleEn') },
      description: { nb: text(fields, 'descriptionNb'), en: text(fields, 'descriptionEn') },
      opensAt: instantOf(fields, 'opensAt') ?? '',
      informationMeetingAt: instantOf(fields, 'informationMeetingAt'),
      sketchDeadlineAt: instantOf(fields, 'sketchDeadlineAt'),
      deadlineAt: instantOf(fields, 'deadlineAt') ?? '',
      plannedDecisionAt: instantOf(fields, 'plannedDecisionAt'),
      levels,
      criteria,
    });
  });

  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row!);
      return next;
    });
  const remove = (index: number) => setRows((current) => current.filter((_, i) => i !== index));
  const add = () => {
    setRows((current) => [...current, { key: nextKey, initial: BLANK_CRITERION }]);
    setNextKey((key) => key + 1);
  };
  const toggle = (code: LevelCode, on: boolean) =>
    setChosen((current) => (on ? [...current, code] : current.filter((c) => c !== code)));

  // The API names a bad field by its path; the form's own words for it read better.
  const labels: Record<string, string> = {
    title: t('callForm.titleNb'),
    'title.nb': t('callForm.titleNb'),
    'title.en': t('callForm.titleEn'),
    description: t('callForm.descriptionNb'),
    levels: t('call.levels'),
    criteria: t('call.criteria'),
    ...Object.fromEntries(TIMES.map(({ name }) => [name, t(`call.${name}`)])),
  };
  offered
    .filter((level) => chosen.includes(level.code))
    .forEach((level, index) => {
      labels[`levels.${index}.moneyNok`] = t('callForm.moneyFor', { level: nameOf(level.code) });
      labels[`levels.${index}.level`] = nameOf(level.code);
    });
  rows.forEach((_, index) => {
    const n = t('callForm.criterion', { n: index + 1 });
    for (const [field, key] of [
      ['name.nb', 'callForm.nameNb'],
      ['name.en', 'callForm.nameEn'],
      ['weight', 'callForm.weight'],
      ['scaleMin', 'callForm.scaleMin'],
      ['scaleMax', 'callForm.scaleMax'],
      ['level', 'callForm.criterionLevel'],
    ] as const) {
      labels[`criteria.${index}.${field}`] = `${n}, ${t(key).toLowerCase()}`;
    }
  });

  return (
    <>
      {submit.error !== undefined && (
        <ProblemAlert title={t('callForm.failed')} error={submit.error} labels={labels} />
      )}
      <form onSubmit={submit.onSubmit} className="stack edit-form" data-testid="call-form">
        <Field>
          <Label htmlFor="call-title-nb">{t('callForm.titleNb')}</Label>
          <Input id="call-title-nb" name="titleNb" required maxLength={200} defaultValue={call?.title.nb} />
        </Field>
        <Field>
          <Label htmlFor="call-title-en">{t('callForm.titleEn')}</Label>
          <Input
            id="call-title-en"
            name="titleEn"
            lang="en"
            required
            maxLength={200}
            defaultValue={call?.title.en}
          />
        </Field>
        <Field>
          <Label htmlFor="call-description-nb">{t('callForm.descriptionNb')}</Label>
          <Textarea
            id="call-description-nb"
            name="descriptionNb"
            rows={5}
            defaultValue={call?.description.nb}
          />
        </Field>
        <Field>
          <Label htmlFor="call-description-en">{t('callForm.descriptionEn')}</Label>
          <Textarea
            id="call-description-en"
            name="descriptionEn"
            lang="en"
            rows={5}
            defaultValue={call?.description.en}
          />
        </Field>

        <Fieldset>
          <Fieldset.Legend>{t('call.timeline')}</Fieldset.Legend>
          <Fieldset.Description>{t('call.osloTime')}</Fieldset.Description>
          {TIMES.map(({ name, required }) => {
            const at = call?.[name];
            return (
              <Field key={name}>
                <Label htmlFor={`call-${name}`}>{t(`call.${name}`)}</Label>
                {!required && (
                  <Field.Description>
                    {name === 'sketchDeadlineAt' ? t('callForm.sketchHelp') : t('callForm.optional')}
                  </Field.Description>
                )}
                <Input
                  id={`call-${name}`}
                  name={name}
                  type="datetime-local"
                  required={required}
                  defaultValue={at ? osloWallTime(at) : ''}
                />
              </Field>
            );
          })}
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('call.levels')}</Fieldset.Legend>
          <Fieldset.Description>{t('callForm.levelsHelp')}</Fieldset.Description>
          {offered.map((level) => {
            const on = chosen.includes(level.code);
            const money = call?.levels.find((entry) => entry.level === level.code)?.moneyNok;
            return (
              <div key={level.code} className="stack">
                <Checkbox
                  label={pick(level.name, locale)}
                  value={level.code}
                  checked={on}
                  onChange={(event) => toggle(level.code, event.target.checked)}
                />
                {on && (
                  <Field>
                    <Label htmlFor={`call-money-${level.code}`}>
                      {t('callForm.moneyFor', { level: pick(level.name, locale) })}
                    </Label>
                    <Input
                      id={`call-money-${level.code}`}
                      name={`money-${level.code}`}
                      type="number"
                      inputMode="numeric"
                      min={0}
                      step={1}
                      required
                      defaultValue={money ?? ''}
                    />
                  </Field>
                )}
              </div>
            );
          })}
        </Fieldset>

        <Fieldset>
          <Fieldset.Legend>{t('call.criteria')}</Fieldset.Legend>
          <Fieldset.Description>{t('callForm.criteriaHelp')}</Fieldset.Description>
          {rows.map(({ key, initial }, index) => {
            const n = index + 1;
            const id = (name: string) => `criterion-${key}-${name}`;
            return (
              <Fieldset key={key} className="panel" data-testid="criterion-row">
                <Fieldset.Legend>{t('callForm.criterion', { n })}</Fieldset.Legend>
                {(
                  [
                    ['nameNb', 'callForm.nameNb', initial.name.nb],
                    ['nameEn', 'callForm.nameEn', initial.name.en],
                  ] as const
                ).map(([name, label, value]) => (
                  <Field key={name}>
                    <Label htmlFor={id(name)}>{t(label)}</Label>
                    <Input id={id(name)} name={id(name)} required maxLength={200} defaultValue={value} />
                  </Field>
                ))}
                {(
                  [
                    ['guidanceNb', 'callForm.guidanceNb', initial.guidance.nb],
                    ['guidanceEn', 'callForm.guidanceEn', initial.guidance.en],
                  ] as const
                ).map(([name, label, value]) => (
                  <Field key={name}>
                    <Label htmlFor={id(name)}>{t(label)}</Label>
                    <Textarea id={id(name)} name={id(name)} rows={2} defaultValue={value} />
                  </Field>
                ))}
                <Field>
                  <Label htmlFor={id('weight')}>{t('callForm.weight')}</Label>
                  <Input
                    id={id('weight')}
                    name={id('weight')}
                    type="number"
                    min={0.01}
                    step={0.01}
                    required
                    defaultValue={initial.weight}
                  />
                </Field>
                {(
                  [
                    ['scaleMin', 'callForm.scaleMin', initial.scaleMin],
                    ['scaleMax', 'callForm.scaleMax', initial.scaleMax],
                  ] as const
                ).map(([name, label, value]) => (
                  <Field key={name}>
                    <Label htmlFor={id(name)}>{t(label)}</Label>
                    <Input
                      id={id(name)}
                      name={id(name)}
                      type="number"
                      min={0}
                      max={10}
                      step={1}
                      required
                      defaultValue={value}
                    />
                  </Field>
                ))}
                <Field>
                  <Label htmlFor={id('level')}>{t('callForm.criterionLevel')}</Label>
                  <Select id={id('level')} name={id('level')} defaultValue={initial.level ?? ''}>
                    <Select.Option value="">{t('callForm.allLevels')}</Select.Option>
                    {offered
                      .filter((level) => chosen.includes(level.code) || level.code === initial.level)
                      .map((level) => (
                        <Select.Option key={level.code} value={level.code}>
                          {pick(level.name, locale)}
                        </Select.Option>
                      ))}
                  </Select>
                </Field>
                <div className="registry__actions">
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('callForm.moveUp', { n })}
                  >
                    ↑
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('callForm.moveDown', { n })}
                  >
                    ↓
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    data-color="danger"
                    onClick={() => remove(index)}
                  >
                    {t('callForm.remove', { n })}
                  </Button>
                </div>
              </Fieldset>
            );
          })}
          <div>
            <Button type="button" variant="secondary" onClick={add}>
              {t('callForm.addCriterion')}
            </Button>
          </div>
        </Fieldset>

        <div className="registry__actions">
          <Button type="submit" disabled={submit.busy}>
            {t('callForm.save')}
          </Button>
          <Link href={cancelHref}>{t('callForm.cancel')}</Link>
        </div>
      </form>
    </>
  );
}
