import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api';

/**
 * Shows why a request failed: the problem's detail and each field's message, named by the form's
 * label for that field when `labels` has one (keys are the field's path in the body, e.g. "website").
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
            const name = field.path.slice(1).join('.');
            const label = labels[name] ?? labels[String(field.path[1] ?? '')] ?? name;
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
