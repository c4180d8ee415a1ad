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
import { browserApi } from '../../../web/kit/browser-api';
import { ProblemAlert } from '../../../web/kit/components/problem-alert';
import { useFormAction } from '../../../web/kit/components/use-form-action';
import { useLocale } from '../../../web/kit/locale-context';
import { refreshPage } from '../../../web/kit/navigation';
import { pick } from '../../../shared/localized';
import { type LevelView, type ProgrammeView, setUpProgramme } from './api';
import { programmeMessages } from './messages';
import { brandField, operatorField, programmeBodyFrom } from './setup-body';
import { useRows } from './use-rows';

type Operator = ProgrammeView['operatorOrganisations'][number];
type Brand = Pick<ProgrammeView['brands'][number], 'code' | 'name' | 'duringLevel' | 'fromYear'>;

const NO_OPERATOR: Operator = { orgnr: '', name: '', pressContact: null };

/** The programme's own fields, its operators and its brands, saved together with PUT /api/programme. */
export function ProgrammeForm({
  programme,
  levels,
}: {
  programme: ProgrammeView | null;
  levels: readonly LevelView[];
}) {
  const { locale, t } = useLocale(programmeMessages);
  const operators = useRows<Operator>(
    programme?.operatorOrganisations.length ? programme.operatorOrganisations : [NO_OPERATOR],
  );
  const brands = useRows<Brand>(programme?.brands ?? []);
  const offersBrands = levels.length > 0;
  const save = useFormAction(async (fields) => {
    const saved = await browserApi.call(setUpProgramme, {
      body: programmeBodyFrom(fields, {
        operators: operators.rows.map((row) => row.key),
        brands: offersBrands ? brands.rows.map((row) => row.key) : undefined,
      }),
    });
    refreshPage();
    return saved;
  });

  // The API names a bad field by its place in the body; the alert names it as the form does.
  const labels: Record<string, string> = {
    'name.nb': t('setup.nameNb'),
    'name.en': t('setup.nameEn'),
    'description.nb': t('setup.descriptionNb'),
    'description.en': t('setup.descriptionEn'),
    operatingAidCapYears: t('setup.cap'),
    operatorOrganisations: t('setup.operators'),
    brands: t('setup.brands'),
  };
  operators.rows.forEach((_row, index) => {
    const operator = t('setup.operator', { n: index + 1 });
    const at = `operatorOrganisations.${index}`;
    labels[`${at}.orgnr`] = `${operator}: ${t('setup.orgnr')}`;
    labels[`${at}.name`] = `${operator}: ${t('setup.operatorName')}`;
    labels[`${at}.pressContact.name`] = `${operator}: ${t('setup.pressContactName')}`;
    labels[`${at}.pressContact.email`] = `${operator}: ${t('setup.pressContactEmail')}`;
    labels[`${at}.pressContact.phone`] = `${operator}: ${t('setup.pressContactPhone')}`;
  });
  brands.rows.forEach((_row, index) => {
    const brand = t('setup.brand', { n: index + 1 });
    const at = `brands.${index}`;
    labels[`${at}.code`] = `${brand}: ${t('setup.brandCode')}`;
    labels[`${at}.name.nb`] = `${brand}: ${t('setup.brandNameNb')}`;
    labels[`${at}.name.en`] = `${brand}: ${t('setup.brandNameEn')}`;
    labels[`${at}.duringLevel`] = `${brand}: ${t('setup.brandLevel')}`;
    labels[`${at}.fromYear`] = `${brand}: ${t('setup.brandFromYear')}`;
  });

  return (
    <form onSubmit={save.onSubmit} className="stack edit-form" data-testid="programme-form">
      <Heading level={2} data-size="md">
        {t('setup.programme')}
      </Heading>
      <Field>
        <Label htmlFor="programme-name-nb">{labels['name.nb']}</Label>
        <Input
          id="programme-name-nb"
          name="nameNb"
          defaultValue={programme?.name.nb}
          required
          maxLength={200}
        />
      </Field>
      <Field>
        <Label htmlFor="programme-name-en">{labels['name.en']}</Label>
        <Input
          id="programme-name-en"
          name="nameEn"
          lang="en"
          defaultValue={programme?.name.en}
          required
          maxLength={200}
        />
      </Field>
      <Field>
        <Label htmlFor="programme-description-nb">{labels['description.nb']}</Label>
        <Textarea
          id="programme-description-nb"
          name="descriptionNb"
          rows={4}
          defaultValue={programme?.description.nb}
        />
      </Field>
      <Field>
        <Label htmlFor="programme-description-en">{labels['description.en']}</Label>
        <Textarea
          id="programme-description-en"
          name="descriptionEn"
          rows={4}
          lang="en"
          defaultValue={programme?.description.en}
        />
      </Field>
      <Field>
        <Label htmlFor="programme-cap">{labels.operatingAidCapYears}</Label>
        <Field.Description>{t('setup.capHelp')}</Field.Description>
        <Input
          id="programme-cap"
          name="operatingAidCapYears"
          type="number"
          min={1}
          max={50}
          required
          defaultValue={programme?.operatingAidCapYears ?? 10}
        />
      </Field>

      <Fieldset>
        <Fieldset.Legend>{t('setup.operators')}</Fieldset.Legend>
        <Fieldset.Description>{t('setup.operatorsHelp')}</Fieldset.Description>
        {operators.rows.map(({ key, value }, index) => {
          const id = (field: string) => `programme-${operatorField(key, field)}`;
          const field = (name: string, label: string, input: React.ReactNode) => (
            <Field>
              <Label htmlFor={id(name)}>{label}</Label>
              {input}
            </Field>
          );
          return (
            <div key={key} className="panel" data-testid="operator-row">
              <Heading level={3} data-size="xs">
                {t('setup.operator', { n: index + 1 })}
              </Heading>
              <div className="registry__filters">
                {field(
                  'orgnr',
                  t('setup.orgnr'),
                  <Input
                    id={id('orgnr')}
                    name={operatorField(key, 'orgnr')}
                    inputMode="numeric"
                    autoComplete="off"
                    required
                    defaultValue={value.orgnr}
                  />,
                )}
                {field(
                  'name',
                  t('setup.operatorName'),
                  <Input
                    id={id('name')}
                    name={operatorField(key, 'name')}
                    required
                    defaultValue={value.name}
                  />,
                )}
                {field(
                  'contactName',
                  t('setup.pressContactName'),
                  <Input
                    id={id('contactName')}
                    name={operatorField(key, 'contactName')}
                    autoComplete="off"
                    defaultValue={value.pressContact?.name}
                  />,
                )}
                {field(
                  'contactEmail',
                  t('setup.pressContactEmail'),
                  <Input
                    id={id('contactEmail')}
                    name={operatorField(key, 'contactEmail')}
                    type="email"
                    autoComplete="off"
                    defaultValue={value.pressContact?.email}
                  />,
                )}
                {field(
                  'contactPhone',
                  t('setup.pressContactPhone'),
                  <Input
                    id={id('contactPhone')}
                    name={operatorField(key, 'contactPhone')}
                    type="tel"
                    autoComplete="off"
                    defaultValue={value.pressContact?.phone ?? ''}
                  />,
                )}
              </div>
              {operators.rows.length > 1 && (
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => operators.remove(key)}>
                  {t('setup.removeOperator', { n: index + 1 })}
                </Button>
              )}
            </div>
          );
        })}
        <div>
          <Button type="button" variant="secondary" onClick={() => operators.add(NO_OPERATOR)}>
            {t('setup.addOperator')}
          </Button>
        </div>
      </Fieldset>

      <Fieldset>
        <Fieldset.Legend>{t('setup.brands')}</Fieldset.Legend>
        <Fieldset.Description>
          {offersBrands ? t('setup.brandsHelp') : t('setup.brandsNeedLevels')}
        </Fieldset.Description>
        {offersBrands &&
          brands.rows.map(({ key, value }, index) => {
            const id = (field: string) => `programme-${brandField(key, field)}`;
            return (
              <div key={key} className="panel" data-testid="brand-row">
                <Heading level={3} data-size="xs">
                  {t('setup.brand', { n: index + 1 })}
                </Heading>
                <div className="registry__filters">
                  <Field>
                    <Label htmlFor={id('code')}>{t('setup.brandCode')}</Label>
                    <Input
                      id={id('code')}
                      name={brandField(key, 'code')}
                      required
                      defaultValue={value.code}
                    />
                  </Field>
                  <Field>
                    <Label htmlFor={id('nameNb')}>{t('setup.brandNameNb')}</Label>
                    <Input
                      id={id('nameNb')}
                      name={brandField(key, 'nameNb')}
                      required
                      defaultValue={value.name.nb}
                    />
                  </Field>
                  <Field>
                    <Label htmlFor={id('nameEn')}>{t('setup.brandNameEn')}</Label>
                    <Input
                      id={id('nameEn')}
                      name={brandField(key, 'nameEn')}
                      required
                      defaultValue={value.name.en}
                    />
                  </Field>
                  <Field>
                    <Label htmlFor={id('duringLevel')}>{t('setup.brandLevel')}</Label>
                    <Select
                      id={id('duringLevel')}
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
                  <Field>
                    <Label htmlFor={id('fromYear')}>{t('setup.brandFromYear')}</Label>
                    <Input
                      id={id('fromYear')}
                      name={brandField(key, 'fromYear')}
                      type="number"
                      min={1990}
                      max={2100}
                      required
                      defaultValue={value.fromYear || ''}
                    />
                  </Field>
                </div>
                <Button type="button" variant="tertiary" data-size="sm" onClick={() => brands.remove(key)}>
                  {t('setup.removeBrand', { n: index + 1 })}
                </Button>
              </div>
            );
          })}
        {offersBrands && (
          <div>
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                brands.add({ code: '', name: { nb: '', en: '' }, duringLevel: levels[0]!.code, fromYear: 0 })
              }
            >
              {t('setup.addBrand')}
            </Button>
          </div>
        )}
      </Fieldset>

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
