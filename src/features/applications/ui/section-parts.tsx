import { Button, Field, Fieldset, Input, Label, Select, Table, Textarea } from '@digdir/designsystemet-react';
import { formatNok } from '../../../web/kit/format';
import { useLocale } from '../../../web/kit/locale-context';
import type { SectionKey } from '../applications.lifecycle';
import { type Field as FieldSpec, fieldId, SECTION_FIELDS } from './section-fields';
import { SECTION_TITLES, sectionMessages } from './section-messages';

type Body = Record<string, unknown>;
type Path = (string | number)[];

/** A hub a hub-node may name, as the form offers it. */
export type HubOption = { slug: string; name: string };

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

function Value({ field, value, hubs }: { field: FieldSpec; value: unknown; hubs: readonly HubOption[] }) {
  const { locale, t } = useLocale(sectionMessages);
  const empty = <span className="muted">{t('field.empty')}</span>;
  if (value === null || value === undefined || value === '') return empty;
  switch (field.kind) {
    case 'nok':
      return <>{formatNok(Number(value), locale)}</>;
    case 'commitment':
      return <>{t(value === 'core_partner' ? 'commitment.core_partner' : 'commitment.partner')}</>;
    case 'hub': {
      const hub = hubs.find((candidate) => candidate.slug === value);
      return <>{hub ? `${hub.name} (${hub.slug})` : String(value)}</>;
    }
    case 'textarea':
      return (
        <>
          {String(value)
            .split(/\n\s*\n/)
            .map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
        </>
      );
    default:
      return <>{String(value)}</>;
  }
}

function RowsView({
  field,
  rows,
  hubs,
}: {
  field: FieldSpec & { kind: 'rows' };
  rows: Body[];
  hubs: readonly HubOption[];
}) {
  const { t } = useLocale(sectionMessages);
  if (rows.length === 0) return <span className="muted">{t('field.empty')}</span>;
  return (
    <Table data-size="sm" className="registry__table">
      <Table.Head>
        <Table.Row>
          {field.fields.map((column) => (
            <Table.HeaderCell key={column.key} className={column.kind === 'nok' ? 'numeric' : undefined}>
              {t(column.label)}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {rows.map((row, index) => (
          // Rows have no identity of their own; their place is what they are known by.
          // biome-ignore lint/suspicious/noArrayIndexKey: read-only rows in their saved order
          <Table.Row key={index}>
            {field.fields.map((column) => (
              <Table.Cell key={column.key} className={column.kind === 'nok' ? 'numeric' : undefined}>
                <Value field={column} value={row[column.key]} hubs={hubs} />
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

/** A section as text, as anyone who may not change it reads it. Plain HTML: no script needed. */
export function SectionRead({
  sectionKey,
  body,
  hubs = [],
}: {
  sectionKey: SectionKey;
  body: Body;
  hubs?: readonly HubOption[];
}) {
  const { t } = useLocale(sectionMessages);
  const fields = SECTION_FIELDS[sectionKey];
  return (
    <dl className="facts application-section" data-section={sectionKey}>
      {fields.map((field) => {
        const value = body[field.key];
        const own = field.label !== SECTION_TITLES[sectionKey];
        return (
          <div key={field.key} data-field={field.key}>
            {own && <dt>{t(field.label)}</dt>}
            <dd>
              {field.kind === 'rows' ? (
                <RowsView field={field} rows={(value as Body[]) ?? []} hubs={hubs} />
              ) : field.kind === 'strings' ? (
                (value as string[]).length === 0 ? (
                  <span className="muted">{t('field.empty')}</span>
                ) : (
                  <ul>
                    {(value as string[]).map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                )
              ) : (
                <Value field={field} value={value} hubs={hubs} />
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

// ── Writing ──────────────────────────────────────────────────────────────────────────────────────

/** Whole kroner or a year from what was typed: spaces and dots between thousands are ignored. */
function numberOf(typed: string): number | null {
  const digits = typed.replace(/[\s.\u00a0]/g, '');
  if (digits === '' || !/^\d+$/.test(digits)) return null;
  return Number(digits);
}

type Change = (path: Path, value: unknown) => void;

function Control({
  field,
  path,
  value,
  onChange,
  hubs,
  label,
}: {
  field: FieldSpec;
  path: Path;
  value: unknown;
  onChange: Change;
  hubs: readonly HubOption[];
  label: string;
}) {
  const { t } = useLocale(sectionMessages);
  const id = fieldId(path);
  const help = 'help' in field && field.help ? t(field.help) : undefined;
  const control = (() => {
    switch (field.kind) {
      case 'textarea':
        return (
          <Textarea
            id={id}
            rows={path.length > 3 ? 3 : 6}
            value={String(value ?? '')}
            onChange={(event) => onChange(path, event.target.value)}
          />
        );
      case 'nok':
      case 'year':
        return (
          <Input
            id={id}
            inputMode="numeric"
            value={value === null || value === undefined ? '' : String(value)}
            onChange={(event) => onChange(path, numberOf(event.target.value))}
          />
        );
      case 'commitment':
        return (
          <Select
            id={id}
            value={String(value ?? 'core_partner')}
            onChange={(event) => onChange(path, event.target.value)}
          >
            <Select.Option value="core_partner">{t('commitment.core_partner')}</Select.Option>
            <Select.Option value="partner">{t('commitment.partner')}</Select.Option>
          </Select>
        );
      case 'hub': {
        const current = String(value ?? '');
        const options =
          hubs.some((hub) => hub.slug === current) || current === ''
            ? hubs
            : [{ slug: current, name: current }, ...hubs];
        return (
          <Select id={id} value={current} onChange={(event) => onChange(path, event.target.value)}>
            <Select.Option value="">{t('field.hubNone')}</Select.Option>
            {options.map((hub) => (
              <Select.Option key={hub.slug} value={hub.slug}>
                {hub.name}
              </Select.Option>
            ))}
          </Select>
        );
      }
      default:
        return (
          <Input
            id={id}
            inputMode={field.kind === 'orgnr' ? 'numeric' : undefined}
            autoComplete="off"
            value={String(value ?? '')}
            onChange={(event) => onChange(path, event.target.value)}
          />
        );
    }
  })();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      {help && <Field.Description>{help}</Field.Description>}
      {control}
    </Field>
  );
}

function ListEditor({
  field,
  path,
  items,
  onChange,
  hubs,
}: {
  field: FieldSpec & { kind: 'rows' | 'strings' };
  path: Path;
  items: unknown[];
  onChange: Change;
  hubs: readonly HubOption[];
}) {
  const { t } = useLocale(sectionMessages);
  const item = t(field.item);
  const blank = field.kind === 'rows' ? field.blank : '';
  return (
    <Fieldset className="stack">
      <Fieldset.Legend>{t(field.label)}</Fieldset.Legend>
      {items.map((entry, index) => {
        const at = [...path, index];
        const n = index + 1;
        const remove = (
          <Button
            key="remove"
            type="button"
            variant="tertiary"
            data-size="sm"
            onClick={() =>
              onChange(
                path,
                items.filter((_, i) => i !== index),
              )
            }
          >
            {t('field.remove', { item: item.toLowerCase(), n })}
          </Button>
        );
        return field.kind === 'strings' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list
          <div key={index} className="application-row">
            <Control
              field={{ kind: 'text', key: String(index), label: field.item }}
              path={at}
              value={entry}
              onChange={onChange}
              hubs={hubs}
              label={`${item} ${n}`}
            />
            {remove}
          </div>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the list
          <div key={index} className="application-row panel" data-testid={`${field.key}-row`}>
            {field.fields.map((sub) => (
              <Control
                key={sub.key}
                field={sub}
                path={[...at, sub.key]}
                value={(entry as Body)[sub.key]}
                onChange={onChange}
                hubs={hubs}
                label={`${t(sub.label)}, ${item.toLowerCase()} ${n}`}
              />
            ))}
            {remove}
          </div>
        );
      })}
      <div>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={() => onChange(path, [...items, structuredClone(blank)])}
        >
          {t('field.add', { item: item.toLowerCase() })}
        </Button>
      </div>
    </Fieldset>
  );
}

/** Sets the value at a path inside a body, copying what it passes through. */
export function setAt(body: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(body)) {
    const copy = [...body];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy;
  }
  const record = (body ?? {}) as Body;
  return { ...record, [head as string]: setAt(record[head as string], rest, value) };
}

/** The controls of a section: each field of its body, lists with rows to add and remove. */
export function SectionControls({
  sectionKey,
  body,
  onChange,
  hubs = [],
}: {
  sectionKey: SectionKey;
  body: Body;
  onChange: Change;
  hubs?: readonly HubOption[];
}) {
  const { t } = useLocale(sectionMessages);
  const base: Path = ['sections', sectionKey];
  return (
    <div className="stack">
      {SECTION_FIELDS[sectionKey].map((field) =>
        field.kind === 'rows' || field.kind === 'strings' ? (
          <ListEditor
            key={field.key}
            field={field}
            path={[...base, field.key]}
            items={(body[field.key] as unknown[]) ?? []}
            onChange={onChange}
            hubs={hubs}
          />
        ) : (
          <Control
            key={field.key}
            field={field}
            path={[...base, field.key]}
            value={body[field.key]}
            onChange={onChange}
            hubs={hubs}
            label={t(field.label)}
          />
        ),
      )}
    </div>
  );
}
