import type { Role } from '../../../shared/access';
import type { Locale } from '../../../shared/localized';
import type { KeyOf } from '../../../web/kit/i18n';
import type { MAIL_STATUSES } from '../../mail/mail.contract';
import type { SingleSignOnFailure } from '../accounts.contract';
import type { INVITATION_STATES } from '../invitations.contract';
import type { accountMessages } from './messages';

type AccountKey = KeyOf<typeof accountMessages>;
type InvitationState = (typeof INVITATION_STATES)[number];

export const ACCOUNT_ROLE_LABELS: Record<Role, AccountKey> = {
  operator_admin: 'accountRole.operator_admin',
  programme_staff: 'accountRole.programme_staff',
  assessor: 'accountRole.assessor',
  cluster_manager: 'accountRole.cluster_manager',
  cluster_staff: 'accountRole.cluster_staff',
  partner_contact: 'accountRole.partner_contact',
};

/** In the contract's order, which is also the order of the invitation list's filter. */
export const INVITATION_STATE_LABELS: Record<InvitationState, AccountKey> = {
  open: 'invitationState.open',
  accepted: 'invitationState.accepted',
  expired: 'invitationState.expired',
  revoked: 'invitationState.revoked',
};

type MailStatus = (typeof MAIL_STATUSES)[number];

export const MAIL_STATE_LABELS: Record<MailStatus, AccountKey> = {
  queued: 'mailState.queued',
  sent: 'mailState.sent',
  failed: 'mailState.failed',
  kept: 'mailState.kept',
};

/** What the invite form says once the invitation is made: where its mail is, never more. */
export const INVITED_MESSAGES: Record<MailStatus, AccountKey> = {
  queued: 'invitations.done.queued',
  sent: 'invitations.done.sent',
  failed: 'invitations.done.failed',
  kept: 'invitations.done.kept',
};

export const LANGUAGE_LABELS: Record<Locale, AccountKey> = { nb: 'language.nb', en: 'language.en' };

/** Why an invitation link no longer works, for each state but open. */
export const CLOSED_INVITATION_MESSAGES: Record<Exclude<InvitationState, 'open'>, AccountKey> = {
  accepted: 'accept.state.accepted',
  expired: 'accept.state.expired',
  revoked: 'accept.state.revoked',
};

export const FAILURE_MESSAGES: Record<SingleSignOnFailure, AccountKey> = {
  unavailable: 'sso.error.unavailable',
  cancelled: 'sso.error.cancelled',
  stale: 'sso.error.stale',
  failed: 'sso.error.failed',
  unverified: 'sso.error.unverified',
  no_account: 'sso.error.noAccount',
  linked_elsewhere: 'sso.error.linkedElsewhere',
};

export function isFailure(value: string | null): value is SingleSignOnFailure {
  return value !== null && Object.hasOwn(FAILURE_MESSAGES, value);
}
