import { type SQL, sql } from 'drizzle-orm';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day written into a statement's text rather than sent as a parameter. PostgreSQL plans a
 * statement with parameters for the values it is given each time it runs (a "custom plan"),
 * unless a plan for any values is as cheap; with the day as a parameter the public reads never
 * got that far, and planning them cost more than running them. With the day in the text, the
 * statement's only parameters are the slug or organisation number, a named statement keeps one
 * plan per connection, and its text changes once a day. Only a well-formed day is accepted, so
 * nothing from a request is ever written into the text.
 */
export function dayLiteral(day: string): SQL {
  if (!DAY.test(day)) throw new Error(`not a day: ${JSON.stringify(day)}`);
  return sql.raw(`'${day}'::date`);
}

/**
 * A row count written into a statement's text, for the same reason: a limit or an offset sent as
 * a parameter makes PostgreSQL plan the partner list anew on every request. Only a whole number
 * from 0 up is accepted.
 */
export function countLiteral(count: number): SQL {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`not a row count: ${count}`);
  return sql.raw(String(count));
}
