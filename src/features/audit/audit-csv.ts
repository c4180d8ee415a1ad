import { csvRecord, UTF8_BOM } from '../../shared/csv';
import type { AuditEventView } from './audit.contract';

// sv-SE writes date and time as "2026-06-15 12:00:00", which spreadsheets read as a time.
const OSLO_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const COLUMNS = [
  'occurred_at_utc',
  'occurred_at_oslo',
  'actor',
  'actor_account_id',
  'action',
  'entity_type',
  'entity_id',
  'entity_name',
  'cluster',
  'before',
  'after',
  'request_id',
];

/** The first line of the export: the byte-order mark and the column names. */
export const AUDIT_CSV_HEADER = `${UTF8_BOM}${csvRecord(COLUMNS)}`;

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

export function auditCsvRecord(event: AuditEventView): string {
  return csvRecord([
    event.occurredAt,
    OSLO_TIME.format(new Date(event.occurredAt)),
    event.actorName,
    event.actorAccountId,
    event.action,
    event.entityType,
    event.entityId,
    event.entityName,
    event.cluster?.slug ?? event.clusterId,
    json(event.before),
    json(event.after),
    event.requestId,
  ]);
}
