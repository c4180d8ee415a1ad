import {
  Alert,
  Button,
  Checkbox,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Table,
  Textarea,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { pick } from '../../../shared/localized';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { valuesOf } from '../../../web/kit/i18n';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import type { LevelCode } from '../levels';
import { addLevel, type LevelView, updateLevel } from './api';
import { LEVEL_CODE_LABELS } from './labels';
import { programmeMessages } from './messages';
import { levelBodyFrom, newLevelBodyFrom } from './setup-body';

/** The labels of a level's fields, by their place in the request body. */
function useLevelLabels() {
  const { t } = useLocale(programmeMessages);
  return {
    code: t('levels.code'),
    'name.nb': t('levels.nameNb'),
    'name.en': t('levels.nameEn'),
    'description.nb': t('levels.descriptionNb'),
    'description.en': t('levels.descriptionEn'),
    durationYears: t('levels.duration'),
    extensionYears: t('levels.extension'),
    openFromYear: t('levels.openFrom'),
    openToYear: t('levels.openTo'),
    funded: t('levels.funded'),
    operatingAid: t('levels.operatingAid'),
  };
}

/** The fields of one level, for changing it or adding it; `prefix` keeps their ids apart. */
function LevelFields({ prefix, level }: { prefix: string; level: LevelView | undefined }) {
  const { t } = useLocale(programmeMessages);
  const labels = useLevelLabels();
  const id = (field: string) => `${prefix}-${field}`;
  const text = (field: 'name' | 'description', language: 'nb' | 'en', required: boolean) => (
    <Field>
      <Label htmlFor={id(`${field}-${language}`)}>{labels[`${field}.${language}`]}</Label>
      {field === 'name' ? (
        <Input
          id={id(`${field}-${language}`)}
          name={`${field}${language === 'nb' ? 'Nb' : 'En'}`}
          lang={language === 'en' ? 'en' : undefined}
          required={required}
          maxLength={200}
          defaultValue={level?.name[language]}
        />
      ) : (
        <Textarea
          id={id(`${field}-${language}`)}
          name={`${field}${language === 'nb' ? 'Nb' : 'En'}`}
          lang={language === 'en' ? 'en' : undefined}
          rows={3}
          defaultValue={level?.description[language]}
        />
      )}
    </Field>
  );
  const year = (field: 'durationYears' | 'extensionYears' | 'openFromYear' | 'openToYear', min: number) => (
    <Field>
      <Label htmlFor={id(field)}>{labels[field]}</Label>
      {field === 'openToYear' && <Field.Description>{t('levels.openToHelp')}</Field.Description>}
      <Input
        id={id(field)}
        name={field}
        type="number"
        min={min}
        max={field.startsWith('open') ? 2100 : 30}
        required={field !== 'openToYear'}
        defaultValue={level?.[field] ?? (field === 'extensionYears' ? 0 : '')}
      />
    </Field>
  );
  return (
    <>
      {text('name', 'nb', true)}
      {text('name', 'en', true)}
      {text('description', 'nb', false)}
      {text('description', 'en', false)}
      <div className="registry__filters">
        {year('durationYears', 1)}
        {year('extensionYears', 0)}
        {year('openFromYear', 1990)}
        {year('openToYear', 1990)}
      </div>
      <Checkbox
        name="operatingAid"
        label={labels.operatingAid}
        description={t('levels.operatingAidHelp')}
        defaultChecked={level?.operatingAid ?? false}
      />
      <Checkbox name="funded" label={labels.funded} defaultChecked={level?.funded ?? true} />
    </>
  );
}

/** Changes one level with PATCH /api/programme/levels/{code}: a save of its own. */
function EditLevelForm({ level, onClose }: { level: LevelView; onClose: () => void }) {
  const { locale, t } = useLocale(programmeMessages);
  const labels = useLevelLabels();
  const name = pick(level.name, locale);
  const save = useFormAction(async (fields) => {
    const saved = await browserApi.call(updateLevel, {
      params: { code: level.code },
      body: levelBodyFrom(fields),
    });
    refreshPage();
    return saved;
  });
  return (
    <form
      onSubmit={save.onSubmit}
      className="stack edit-form panel"
      data-testid="level-form"
      aria-labelledby="level-form-heading"
    >
      <Heading level={3} data-size="sm" id="level-form-heading">
        {t('levels.edit', { level: name })}
      </Heading>
      <LevelFields prefix={`level-${level.code}`} level={level} />
      {save.error !== undefined && (
        <ProblemAlert title={t('levels.failed')} error={save.error} labels={labels} />
      )}
      {save.result && (
        <Alert data-color="success" role="status">
          {t('levels.saved', { level: pick(save.result.name, locale) })}
        </Alert>
      )}
      <div className="registry__actions">
        <Button type="submit" disabled={save.busy}>
          {t('levels.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {t('levels.close')}
        </Button>
      </div>
    </form>
  );
}

/** Adds one of the level codes the programme does not have yet, with POST /api/programme/levels. */
function AddLevelForm({ missing }: { missing: LevelCode[] }) {
  const { locale, t } = useLocale(programmeMessages);
  const labels = useLevelLabels();
  const add = useFormAction(async (fields, form) => {
    const added = await browserApi.call(addLevel, { body: newLevelBodyFrom(fields) });
    form.reset();
    refreshPage();
    return added;
  });
  return (
    <form
      onSubmit={add.onSubmit}
      className="stack edit-form panel"
      data-testid="add-level-form"
      aria-labelledby="add-level-heading"
    >
      <Heading level={3} data-size="sm" id="add-level-heading">
        {t('levels.add')}
      </Heading>
      <Field>
        <Label htmlFor="add-level-code">{labels.code}</Label>
        <Select id="add-level-code" name="code" required>
          {missing.map((code) => (
            <Select.Option key={code} value={code}>
              {t(LEVEL_CODE_LABELS[code])} ({code})
            </Select.Option>
          ))}
        </Select>
      </Field>
      <LevelFields prefix="add-level" level={undefined} />
      {add.error !== undefined && (
        <ProblemAlert title={t('levels.addFailed')} error={add.error} labels={labels} />
      )}
      {add.result && (
        <Alert data-color="success" role="status">
          {t('levels.added', { level: pick(add.result.name, locale) })}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={add.busy}>
          {t('levels.addSubmit')}
        </Button>
      </div>
    </form>
  );
}

/** The programme's levels: a table to read, a form to change one at a time, and one to add a level. */
export function LevelsSection({ levels }: { levels: readonly LevelView[] }) {
  const { locale, t } = useLocale(programmeMessages);
  const [editing, setEditing] = useState<LevelCode | null>(null);
  const yesNo = (value: boolean) => (value ? t('levels.yes') : t('levels.no'));
  const configured = new Set(levels.map((level) => level.code));
  const missing = valuesOf(LEVEL_CODE_LABELS).filter((code) => !configured.has(code));
  const edited = levels.find((level) => level.code === editing);
  return (
    <section aria-labelledby="levels-heading" className="stack">
      <Heading level={2} data-size="md" id="levels-heading">
        {t('levels.title')}
      </Heading>
      <Paragraph>{levels.length > 0 ? t('levels.intro') : t('levels.none')}</Paragraph>
      {levels.length > 0 && (
        // A narrow screen scrolls the table sideways rather than squeezing its numbers.
        <div style={{ overflowX: 'auto' }}>
          <Table data-testid="level-table" className="registry__table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('levels.level')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('levels.duration')}</Table.HeaderCell>
                <Table.HeaderCell className="numeric">{t('levels.extension')}</Table.HeaderCell>
                <Table.HeaderCell>{t('levels.open')}</Table.HeaderCell>
                <Table.HeaderCell>{t('levels.operatingAid')}</Table.HeaderCell>
                <Table.HeaderCell>{t('levels.funded')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('levels.change')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {levels.map((level) => {
                const name = pick(level.name, locale);
                return (
                  <Table.Row key={level.code} data-level={level.code}>
                    <Table.Cell>{name}</Table.Cell>
                    <Table.Cell className="numeric">{level.durationYears}</Table.Cell>
                    <Table.Cell className="numeric">{level.extensionYears}</Table.Cell>
                    <Table.Cell>{`${level.openFromYear}–${level.openToYear ?? ''}`}</Table.Cell>
                    <Table.Cell>{yesNo(level.operatingAid)}</Table.Cell>
                    <Table.Cell>{yesNo(level.funded)}</Table.Cell>
                    <Table.Cell>
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('levels.edit', { level: name })}
                        aria-expanded={editing === level.code}
                        onClick={() => setEditing(editing === level.code ? null : level.code)}
                      >
                        {t('levels.change')}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
      {edited && <EditLevelForm key={edited.code} level={edited} onClose={() => setEditing(null)} />}
      {missing.length > 0 ? (
        <AddLevelForm missing={missing} />
      ) : (
        <Paragraph>{t('levels.allAdded')}</Paragraph>
      )}
    </section>
  );
}
