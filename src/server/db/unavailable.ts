import { DrizzleQueryError } from 'drizzle-orm/errors';

/**
 * SQLSTATEs that say the server cannot serve us now, not that the statement was wrong: connection
 * exceptions (class 08), a server shutting down, crashing or starting up (57P01–57P03), too many
 * connections (53300), and the timeouts Klynge sets (statement 57014, idle in transaction 25P03,
 * idle session 57P05).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300', '57014', '25P03']);

/** Socket errors on the way to the database: refused, reset, unreachable, or a socket file gone. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * node-postgres and its pool report a lost or unreachable server with plain errors that carry no
 * code, only these messages (pg 8, pg-pool 3).
 */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

type ErrorFacts = { code?: unknown; syscall?: unknown; message?: unknown; errors?: unknown };

function saysUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, syscall, errors } = error as ErrorFacts;
  if (typeof code === 'string') {
    if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code)) return true;
    if (UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    // A unix socket that is not there: the embedded database's process is starting again.
    if (code === 'ENOENT' && syscall === 'connect') return true;
  }
  // Connecting to a name with several addresses fails with one error per address.
  if (error instanceof AggregateError && Array.isArray(errors)) return errors.some(saysUnavailable);
  return UNAVAILABLE_MESSAGES.includes(error.message);
}

/**
 * Whether an error means the database cannot be reached or cannot answer in time, so the request
 * may succeed if tried again shortly: onError answers it 503 with `Retry-After`, not 500. Drizzle
 * wraps the driver's error in a DrizzleQueryError; the cause is what tells.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DrizzleQueryError) return saysUnavailable(error.cause);
  return saysUnavailable(error);
}
