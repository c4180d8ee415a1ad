import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api';

/** The text of the label of the page's form control named `name`, if the browser shows one. */
function pageLabel(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const control = document.querySelector<HTMLInputElement>(`[name="${CSS.escape(name)}"]`);
  const text = control?.labels?.[0]?.textContent ?? control?.getAttribute('aria-label');
  return text?.trim() || undefined;
}

/**
 * How a person knows a field: the label `labels` gives its path (or the path's first part), else
 * the label of the form control of that name on the page, with the item's number for a field in a
 * list ("Næringer (3)"). Never the API's own path, which means nothing to a reader: a field
 * with no label shows its message alone.
 */
export function fieldLabel(path: (string | number)[], labels: Record<string, string>): string | undefined {
  const key = path.slice(1);
  const whole = key.join('.');
  if (labels[whole]) return labels[whole];
  const top = String(key[0] ?? '');
  // A field inside a list item (grants.0.cluster) may have a control of its own name on the page.
  const last = key.length > 1 ? key.at(-1) : undefined;
  const own = typeof last === 'string' ? (labels[last] ?? pageLabel(last)) : undefined;
  if (own) return own;
  const label = labels[top] ?? pageLabel(top);
  if (!label) return undefined;
  return typeof key[1] === 'number' ? `${label} (${key[1] + 1})` : label;
}

/**
 * Shows why a request failed: the problem's detail and each field's message, named by the form's
 * label for that field (see `fieldLabel`).
 */
export function ProblemAlert({
  title,
  error,
  labels = {},
}: {
  title: string;
  error: unknown;
  labels?: Record<string, string>;
}) {
  const detail = error instanceof ApiError ? error.problem.detail : undefined;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert data-color="danger" role="alert">
      <Heading level={2} data-size="xs">
        {title}
      </Heading>
      {detail && <Paragraph>{detail}</Paragraph>}
      {fields.length > 0 && (
        <ul>
          {fields.map((field) => {
            const label = fieldLabel(field.path as (string | number)[], labels);
            return (
              <li key={`${field.path.join('.')}-${field.message}`}>
                {label ? `${label}: ${field.message}` : field.message}
              </li>
            );
          })}
        </ul>
      )}
      {!detail && fields.length === 0 && <Paragraph>{String(error)}</Paragraph>}
    </Alert>
  );
}
