import type { KeyOf } from '../../../web/kit/i18n';
import type { MAIL_STATUSES } from '../mail.contract';
import type { mailMessages } from './messages';

/** In the contract's order, which is also the order of the outbox's filter. */
export const MAIL_STATUS_LABELS: Record<(typeof MAIL_STATUSES)[number], KeyOf<typeof mailMessages>> = {
  queued: 'mailStatus.queued',
  sent: 'mailStatus.sent',
  failed: 'mailStatus.failed',
  kept: 'mailStatus.kept',
};
