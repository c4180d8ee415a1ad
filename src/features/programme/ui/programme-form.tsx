import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Input,
  Label,
  Select,
  Textarea,
} from '@digdir/designsystemet-react';
import type { ComponentProps } from 'react';
import { pick } from '../../../shared/localized';
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { type LevelView, type ProgrammeView, setUpProgramme } from './api';
import { programmeMessages } from './messages';
import { brandField, operatorField, programmeBodyFrom } from './setup-body';
import { useRows } from './use-rows';

type Operator = ProgrammeView['operatorOrganisations'][number];
type Brand = Pick<ProgrammeView['brands'][number], 'code' | 'name' | 'duringLevel' | 'fromYear'>;
type Rows<T> = ReturnType<typeof useRows<T>>;

const NO_OPERATOR: Operator = { orgnr: '', name: '', pressContact: null };

/** A labelled input of the form; its name, which a row's key keeps unique, gives its id. */
function LabelledInput({
  label,
  name,
  ...input
}: { label: string; name: string } & ComponentProps<typeof Input>) {
  return (
    <Field>
      <Label htmlFor={`programme-${name}`}>{label}</Label>
      <Input id={`programme-${name}`} name={name} {...input} />
    </Field>
  );
}

function OperatorRows({ operators }: { operators: Rows<Operator> }) {
  const { t } = useLocale(programmeMessages);
  return (
    <Fieldset>
      <Fieldset.Legend>{t('setup.operators')}</Fieldset.Legend>
      <Fieldset.Description>{t('setup.operatorsHelp')}</Fieldset.Description>
      {operators.rows.map(({ key, value }, index) => (
        <div key={key} className="panel" data-testid="operator-row">
          <Heading level={3} data-size="xs">
            {t('setup.operator', { n: index + 1 })}
          </Heading>
          <div className="registry__filters">
            <LabelledInput
              label={t('setup.orgnr')}
              name={operatorField(key, 'orgnr')}
              inputMode="numeric"
              autoComplete="off"
              required
              defaultValue={value.orgnr}
            />
            <LabelledInput
              label={t('setup.operatorName')}
              name={operatorField(key, 'name')}
              required
              defaultValue={value.name}
            />
            <LabelledInput
              label={t('setup.pressContactName')}
              name={operatorField(key, 'contactName')}
              autoComplete="off"
              defaultValue={value.pressContact?.name}
            />
            <LabelledInput
              label={t('setup.pressContactEmail')}
              name={operatorField(key, 'contactEmail')}
              type="email"
              autoComplete="off"
              defaultValue={value.pressContact?.email}
            />
            <LabelledInput
              label={t('setup.pressContactPhone')}
              name={operatorField(key, 'contactPhone')}
              type="tel"
              autoComplete="off"
              defaultValue={value.pressContact?.phone ?? ''}
            />
          </div>
          {operators.rows.length > 1 && (
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => operators.remove(key)}>
              {t('setup.removeOperator', { n: index + 1 })}
            </Button>
          )}
        </div>
      ))}
      <div>
        <Button type="button" variant="secondary" onClick={() => operators.add(NO_OPERATOR)}>
          {t('setup.addOperator')}
        </Button>
      </div>
    </Fieldset>
  );
}

/** A brand is granted during a level, so brands are offered once the programme has levels. */
function BrandRows({ brands, levels }: { brands: Rows<Brand>; levels: readonly LevelView[] }) {
  const { locale, t } = useLocale(programmeMessages);
  const [firstLevel] = levels;
  return (
    <Fieldset>
      <Fieldset.Legend>{t('setup.brands')}</Fieldset.Legend>
      <Fieldset.Description>
        {firstLevel ? t('setup.brandsHelp') : t('setup.brandsNeedLevels')}
      </Fieldset.Description>
      {firstLevel &&
        brands.rows.map(({ key, value }, index) => (
          <div key={key} className="panel" data-testid="brand-row">
            <Heading level={3} data-size="xs">
              {t('setup.brand', { n: index + 1 })}
            </Heading>
            <div className="registry__filters">
              <LabelledInput
                label={t('setup.brandCode')}
                name={brandField(key, 'code')}
                required
                defaultValue={value.code}
              />
              <LabelledInput
                label={t('setup.brandNameNb')}
                name={brandField(key, 'nameNb')}
                required
                defaultValue={value.name.nb}
              />
              <LabelledInput
                label={t('setup.brandNameEn')}
                name={brandField(key, 'nameEn')}
                lang="en"
                required
                defaultValue={value.name.en}
              />
              <Field>
                <Label htmlFor={`programme-${brandField(key, 'duringLevel')}`}>{t('setup.brandLevel')}</Label>
                <Select
                  id={`programme-${brandField(key, 'duringLevel')}`}
                  name={brandField(key, 'duringLevel')}
                  defaultValue={value.duringLevel}
                >
                  {levels.map((level) => (
                    <Select.Option key={level.code} value={level.code}>
                      {pick(level.name, locale)}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
              <LabelledInput
                label={t('setup.brandFromYear')}
                name={brandField(key, 'fromYear')}
                type="number"
                min={1990}
                max={2100}
                required
                defaultValue={value.fromYear || ''}
              />
            </div>
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => brands.remove(key)}>
              {t('setup.removeBrand', { n: index + 1 })}
            </Button>
          </div>
        ))}
      {firstLevel && (
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              brands.add({ code: '', name: { nb: '', en: '' }, duringLevel: firstLevel.code, fromYear: 0 })
            }
          >
            {t('setup.addBrand')}
          </Button>
        </div>
      )}
    </Fieldset>
  );
}

/** The labels of the form's fields by their place in the request body, as the API names a bad one. */
function useFieldLabels(operatorRows: number, brandRows: number): Record<string, string> {
  const { t } = useLocale(programmeMessages);
  const labels: Record<string, string> = {
    'name.nb': t('setup.nameNb'),
    'name.en': t('setup.nameEn'),
    'description.nb': t('setup.descriptionNb'),
    'description.en': t('setup.descriptionEn'),
    operatingAidCapYears: t('setup.cap'),
    operatorOrganisations: t('setup.operators'),
    brands: t('setup.brands'),
  };
  for (let index = 0; index < operatorRows; index++) {
    const operator = t('setup.operator', { n: index + 1 });
    const at = `operatorOrganisations.${index}`;
    labels[`${at}.orgnr`] = `${operator}: ${t('setup.orgnr')}`;
    labels[`${at}.name`] = `${operator}: ${t('setup.operatorName')}`;
    labels[`${at}.pressContact.name`] = `${operator}: ${t('setup.pressContactName')}`;
    labels[`${at}.pressContact.email`] = `${operator}: ${t('setup.pressContactEmail')}`;
    labels[`${at}.pressContact.phone`] = `${operator}: ${t('setup.pressContactPhone')}`;
  }
  for (let index = 0; index < brandRows; index++) {
    const brand = t('setup.brand', { n: index + 1 });
    const at = `brands.${index}`;
    labels[`${at}.code`] = `${brand}: ${t('setup.brandCode')}`;
    labels[`${at}.name.nb`] = `${brand}: ${t('setup.brandNameNb')}`;
    labels[`${at}.name.en`] = `${brand}: ${t('setup.brandNameEn')}`;
    labels[`${at}.duringLevel`] = `${brand}: ${t('setup.brandLevel')}`;
    labels[`${at}.fromYear`] = `${brand}: ${t('setup.brandFromYear')}`;
  }
  return labels;
}

/** The programme's own fields, its operators and its brands, saved together with PUT /api/programme. */
export function ProgrammeForm({
  programme,
  levels,
}: {
  programme: ProgrammeView | null;
  levels: readonly LevelView[];
}) {
  const { t } = useLocale(programmeMessages);
  const operators = useRows<Operator>(
    programme?.operatorOrganisations.length ? programme.operatorOrganisations : [NO_OPERATOR],
  );
  const brands = useRows<Brand>(programme?.brands ?? []);
  const labels = useFieldLabels(operators.rows.length, brands.rows.length);
  const save = useFormAction(async (fields) => {
    const saved = await browserApi.call(setUpProgramme, {
      body: programmeBodyFrom(fields, {
        operators: operators.rows.map((row) => row.key),
        brands: levels.length > 0 ? brands.rows.map((row) => row.key) : undefined,
      }),
    });
    refreshPage();
    return saved;
  });

  return (
    <form onSubmit={save.onSubmit} className="stack edit-form" data-testid="programme-form">
      <Heading level={2} data-size="md">
        {t('setup.programme')}
      </Heading>
      <LabelledInput
        label={t('setup.nameNb')}
        name="nameNb"
        required
        maxLength={200}
        defaultValue={programme?.name.nb}
      />
      <LabelledInput
        label={t('setup.nameEn')}
        name="nameEn"
        lang="en"
        required
        maxLength={200}
        defaultValue={programme?.name.en}
      />
      <Field>
        <Label htmlFor="programme-descriptionNb">{labels['description.nb']}</Label>
        <Textarea
          id="programme-descriptionNb"
          name="descriptionNb"
          rows={4}
          defaultValue={programme?.description.nb}
        />
      </Field>
      <Field>
        <Label htmlFor="programme-descriptionEn">{labels['description.en']}</Label>
        <Textarea
          id="programme-descriptionEn"
          name="descriptionEn"
          rows={4}
          lang="en"
          defaultValue={programme?.description.en}
        />
      </Field>
      <Field>
        <Label htmlFor="programme-operatingAidCapYears">{labels.operatingAidCapYears}</Label>
        <Field.Description>{t('setup.capHelp')}</Field.Description>
        <Input
          id="programme-operatingAidCapYears"
          name="operatingAidCapYears"
          type="number"
          min={1}
          max={50}
          required
          defaultValue={programme?.operatingAidCapYears ?? 10}
        />
      </Field>
      <OperatorRows operators={operators} />
      <BrandRows brands={brands} levels={levels} />

      {save.error !== undefined && (
        <ProblemAlert title={t('setup.failed')} error={save.error} labels={labels} />
      )}
      {save.result && (
        <Alert data-color="success" role="status">
          {t('setup.saved')}
        </Alert>
      )}
      <div className="registry__actions">
        <Button type="submit" disabled={save.busy}>
          {programme ? t('setup.save') : t('setup.create')}
        </Button>
      </div>
    </form>
  );
}
