import { z } from '@hono/zod-openapi';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from './app-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    requestId: z.string(),
    errors: z
      .array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
          code: z.string().optional(),
        }),
      )
      .optional(),
  })
  .openapi('Problem', { description: 'An RFC 9457 problem details object.' });

export type Problem = z.infer<typeof ProblemSchema>;

export function problemBody(error: AppError, instance: string, requestId: string): Problem {
  return {
    type: `/problems/${error.code}`,
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance,
    code: error.code,
    requestId,
    ...(error.fieldErrors.length > 0 ? { errors: error.fieldErrors } : {}),
  };
}

const DESCRIPTIONS: Partial<Record<number, string>> = {
  400: 'The request could not be read',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  413: 'Larger than this endpoint takes',
  415: 'The body is not JSON',
  422: 'Invalid input, with one entry per bad field',
  429: 'Too many requests',
  500: 'Unexpected error',
  503: 'The database cannot be reached just now; try again after `Retry-After` seconds',
};

/** OpenAPI response entries for the error statuses a route can answer. */
export function problemResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ]),
  ) as Record<
    S,
    { description: string; content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof ProblemSchema } } }
  >;
}

/** Turns zod issues from request validation into field errors under the part of the request they came from. */
export function fieldErrorsFromZod(
  target: string,
  issues: readonly { path: PropertyKey[]; message: string; code: string }[],
): FieldError[] {
  // Hono calls a JSON body "json"; the answers call it "body", as the services' own checks do.
  const part = target === 'json' ? 'body' : target;
  return issues.map((issue) => ({
    path: [part, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    message: issue.message,
    code: issue.code,
  }));
}

export function validationError(target: string, issues: Parameters<typeof fieldErrorsFromZod>[1]): AppError {
  return invalidFields(fieldErrorsFromZod(target, issues));
}

/** The one answer to bad input: 422, naming each field at fault. */
export function invalidFields(errors: FieldError[]): AppError {
  const fields = errors.map((e) => e.path.slice(1).join('.') || e.path[0]).join(', ');
  return new AppError('validation_failed', `Some of the input is not valid: ${fields}.`, {
    fieldErrors: errors,
  });
}
