import type { Role } from '../../shared/access';
import type { OutgoingMail } from '../mail/mail.service';

// Messages go out in both languages, Bokmål first: the sender does not know the reader's choice.

const ROLE_NAMES: Record<Role, [nb: string, en: string]> = {
  operator_admin: ['operatør', 'operator'],
  programme_staff: ['programmeansatt', 'programme staff'],
  assessor: ['fagvurderer', 'assessor'],
  cluster_manager: ['klyngeleder', 'cluster manager'],
  cluster_staff: ['klyngemedarbeider', 'cluster staff'],
  partner_contact: ['kontaktperson for partner', 'partner contact'],
};

export type GrantDescription = { role: Role; scopeName: string | null };

function describe(grants: GrantDescription[], language: 0 | 1): string {
  const joiner = language === 0 ? ' for ' : ' for ';
  return grants
    .map((g) => `- ${ROLE_NAMES[g.role][language]}${g.scopeName ? `${joiner}${g.scopeName}` : ''}`)
    .join('\n');
}

function osloTime(date: Date): string {
  return new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}

export function invitationMail(input: {
  to: string;
  name: string;
  inviterName: string;
  grants: GrantDescription[];
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const until = osloTime(input.expiresAt);
  return {
    to: input.to,
    kind: 'invitation',
    subject: 'Invitasjon til Klynge / Invitation to Klynge',
    text: [
      `Hei ${input.name},`,
      '',
      `${input.inviterName} har invitert deg til Klynge med disse rollene:`,
      describe(input.grants, 0),
      '',
      `Opprett kontoen din her (lenken virker én gang, til ${until}):`,
      input.link,
      '',
      '---',
      '',
      `Hello ${input.name},`,
      '',
      `${input.inviterName} has invited you to Klynge with these roles:`,
      describe(input.grants, 1),
      '',
      `Create your account here (the link works once, until ${until} Norwegian time):`,
      input.link,
      '',
    ].join('\n'),
  };
}

export function passwordResetMail(input: {
  to: string;
  name: string;
  link: string;
  expiresAt: Date;
}): OutgoingMail {
  const until = osloTime(input.expiresAt);
  return {
    to: input.to,
    kind: 'password_reset',
    subject: 'Nytt passord i Klynge / New password for Klynge',
    text: [
      `Hei ${input.name},`,
      '',
      `Noen ba om å sette nytt passord for kontoen din. Lenken virker én gang, til ${until}:`,
      input.link,
      'Ba du ikke om dette, kan du se bort fra meldingen. Passordet ditt er ikke endret.',
      '',
      '---',
      '',
      `Hello ${input.name},`,
      '',
      `Someone asked to set a new password for your account. The link works once, until ${until} Norwegian time:`,
      input.link,
      'If this was not you, ignore this message. Your password has not been changed.',
      '',
    ].join('\n'),
  };
}
