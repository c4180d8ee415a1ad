import { defineMessages } from '../../../web/kit/i18n';

/** The outbox, in Bokmål and English. */
export const mailMessages = defineMessages({
  nb: {
    'outbox.title': 'Utboks',
    'outbox.intro':
      'All e-post Klynge har sendt eller holder på. Uten SMTP-server blir e-posten liggende her, og operatøren må videresende lenkene.',
    'outbox.filter': 'Vis e-post',
    'outbox.empty': 'Ingen e-post.',
    'outbox.created': 'Laget',
    'outbox.state': 'Status',
    'outbox.attempts': 'Forsøk på å sende',
    'outbox.sentAt': 'Sendt',
    'outbox.lastError': 'Siste feil',
    'mailStatus.queued': 'I kø',
    'mailStatus.sent': 'Sendt',
    'mailStatus.failed': 'Feilet',
    'mailStatus.kept': 'Bare i utboksen',
  },
  en: {
    'outbox.title': 'Outbox',
    'outbox.intro':
      'Every message Klynge has sent or is holding. With no SMTP server, mail stays here and an operator must pass the links on.',
    'outbox.filter': 'Show mail',
    'outbox.empty': 'No mail.',
    'outbox.created': 'Made',
    'outbox.state': 'State',
    'outbox.attempts': 'Attempts to send',
    'outbox.sentAt': 'Sent',
    'outbox.lastError': 'Last error',
    'mailStatus.queued': 'Queued',
    'mailStatus.sent': 'Sent',
    'mailStatus.failed': 'Failed',
    'mailStatus.kept': 'Outbox only',
  },
});
