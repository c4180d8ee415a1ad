/** The closed set of error codes every service and route speaks. */
export const ERROR_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/**
 * What a 503 `unavailable` answer asks the caller to wait (`Retry-After`). The database comes back
 * within about this long after a restart: a PostgreSQL server in one to two seconds, the embedded
 * database's process a little later (decision 019).
 */
export const RETRY_AFTER_SECONDS = 5;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one input field; `path` is the field's location, e.g. ["query", "page"]. */
export type FieldError = { path: (string | number)[]; message: string; code?: string };

const TITLES: Record<ErrorCode, string> = {
  unauthenticated: 'You are not signed in',
  forbidden: 'You may not do this',
  not_found: 'Not found',
  conflict: 'Conflict with the current data',
  invalid_state: 'Not possible in the current state',
  payload_too_large: 'The request is larger than this endpoint takes',
  unsupported_media_type: 'The body is not in a format this endpoint reads',
  validation_failed: 'The request is not valid',
  rate_limited: 'Too many requests',
  internal: 'Something went wrong on our side',
  unavailable: 'Unavailable for a moment',
};

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  /** Safe to show to the caller. The Error message is for logs only. */
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  /** When trying again may succeed, in seconds: sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { internal?: string; fieldErrors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(options.internal ?? detail);
    this.code = code;
    this.detail = detail;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  get title(): string {
    return TITLES[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError('not_found', `${what} was not found.`);
}

/** Unique violations from PostgreSQL become a conflict; anything else passes through. */
export function conflictOnUniqueViolation(error: unknown, detail: string): unknown {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.code ??
    (error as { cause?: { code?: string } })?.cause?.code;
  return code === '23505' ? new AppError('conflict', detail) : error;
}
