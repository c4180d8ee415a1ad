import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ApiError } from '../api-client';

/** Shows why a request failed: the problem's detail and each field's message. */
export function ProblemAlert({ title, error }: { title: string; error: unknown }) {
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
          {fields.map((field) => (
            <li key={`${field.path.join('.')}-${field.message}`}>{field.message}</li>
          ))}
        </ul>
      )}
      {!detail && fields.length === 0 && <Paragraph>{String(error)}</Paragraph>}
    </Alert>
  );
}
