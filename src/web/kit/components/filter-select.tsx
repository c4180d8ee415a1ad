import { Field, Label, Select } from '@digdir/designsystemet-react';
import { COUNTIES } from '../../../shared/counties';
import { useLocale } from '../locale-context';

export type FilterOption = { value: string; label: string };

/** A labelled select for a GET filter form, with "all" as its empty choice. */
export function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly FilterOption[];
  emptyLabel?: string;
}) {
  const { t } = useLocale();
  return (
    <Field>
      <Label htmlFor={props.id}>{props.label}</Label>
      <Select id={props.id} name={props.name} defaultValue={props.value ?? ''}>
        <Select.Option value="">{props.emptyLabel ?? t('filter.all')}</Select.Option>
        {props.options.map((option) => (
          <Select.Option key={option.value} value={option.value}>
            {option.label}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

export const COUNTY_OPTIONS: readonly FilterOption[] = COUNTIES.map((c) => ({
  value: c.code,
  label: c.name,
}));
