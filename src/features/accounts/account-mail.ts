import type { Role } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import type { OutgoingMail } from '../mail/mail.service';

// Every message goes out in one language, the reader's: an invitation in the language the inviter
// chose for the person, a reset link in the language the form was asked in, a sign-up in the
// language chosen on the form. Dates in a message are written the way that language writes them.

const ROLE_NAMES: Record<Role, Record<Locale, string>> = {
  operator_admin: { nb: 'operatør', en: 'operator' },
  programme_staff: { nb: 'programmeansatt', en: 'programme staff' },
  assessor: { nb: 'fagvurderer', en: 'assessor' },
  cluster_manager: { nb: 'klyngeleder', en: 'cluster manager' },
  cluster_staff: { nb: 'klyngemedarbeider', en: 'cluster staff' },
  partner_contact: { nb: 'kontaktperson for partner', en: 'partner contact' },
};

export type GrantDescription = { role: Role; scopeName: string | null };

function describe(grants: GrantDescription[], language: Locale): string {
  return grants
    .map((g) => `- ${ROLE_NAMES[g.role][language]}${g.scopeName ? ` for ${g.scopeName}` : ''}`)
    .join('\n');
}

/** A moment in Oslo's time, as the language writes it: "3. desember 2026 kl. 10:35" or "3 December 2026 at 10:35". */
export function osloTime(date: Date, language: Locale): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
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
  language: Locale;
}): OutgoingMail {
  const until = osloTime(input.expiresAt, input.language);
  const roles = describe(input.grants, input.language);
  const text =
    input.language === 'nb'
      ? [
          `Hei ${input.name},`,
          '',
          `${input.inviterName} har invitert deg til Klynge med disse rollene:`,
          roles,
          '',
          `Opprett kontoen din her (lenken virker én gang, til ${until}):`,
          input.link,
          '',
        ]
      : [
          `Hello ${input.name},`,
          '',
          `${input.inviterName} has invited you to Klynge with these roles:`,
          roles,
          '',
          `Create your account here (the link works once, until ${until} Norwegian time):`,
          input.link,
          '',
        ];
  return {
    to: input.to,
    kind: 'invitation',
    subject: input.language === 'nb' ? 'Invitasjon til Klynge' : 'Invitation to Klynge',
    text: text.join('\n'),
  };
}

export function passwordResetMail(input: {
  to: string;
  name: string;
  link: string;
  expiresAt: Date;
  language: Locale;
}): OutgoingMail {
  const until = osloTime(input.expiresAt, input.language);
  const text =
    input.language === 'nb'
      ? [
          `Hei ${input.name},`,
          '',
          `Noen ba om å sette nytt passord for kontoen din. Lenken virker én gang, til ${until}:`,
          input.link,
          'Ba du ikke om dette, kan du se bort fra meldingen. Passordet ditt er ikke endret.',
          '',
        ]
      : [
          `Hello ${input.name},`,
          '',
          `Someone asked to set a new password for your account. The link works once, until ${until} Norwegian time:`,
          input.link,
          'If this was not you, ignore this message. Your password has not been changed.',
          '',
        ];
  return {
    to: input.to,
    kind: 'password_reset',
    subject: input.language === 'nb' ? 'Nytt passord i Klynge' : 'New password for Klynge',
    text: text.join('\n'),
  };
}

export function signUpMail(input: {
  to: string;
  name: string;
  link: string;
  expiresAt: Date;
  language: Locale;
}): OutgoingMail {
  const until = osloTime(input.expiresAt, input.language);
  const text =
    input.language === 'nb'
      ? [
          `Hei ${input.name},`,
          '',
          'Takk for at du vil bruke Klynge. Velg et passord her for å opprette kontoen din.',
          `Lenken virker én gang, til ${until}:`,
          input.link,
          '',
          'Ba du ikke om dette, kan du se bort fra meldingen. Ingen konto er opprettet.',
          '',
        ]
      : [
          `Hello ${input.name},`,
          '',
          'Thank you for signing up to Klynge. Choose a password here to create your account.',
          `The link works once, until ${until} Norwegian time:`,
          input.link,
          '',
          'If this was not you, ignore this message. No account has been created.',
          '',
        ];
  return {
    to: input.to,
    kind: 'sign_up',
    subject: input.language === 'nb' ? 'Opprett kontoen din i Klynge' : 'Create your Klynge account',
    text: text.join('\n'),
  };
}

/** To an address that has an account already: no second account, but the ways back into the first. */
export function existingAccountMail(input: {
  to: string;
  name: string;
  signInLink: string;
  resetLink: string;
  language: Locale;
}): OutgoingMail {
  const text =
    input.language === 'nb'
      ? [
          `Hei ${input.name},`,
          '',
          'Noen ba om å opprette en konto i Klynge med denne adressen, men du har allerede en konto.',
          `Logg inn her: ${input.signInLink}`,
          `Har du glemt passordet, kan du sette et nytt her: ${input.resetLink}`,
          '',
          'Ba du ikke om dette, kan du se bort fra meldingen. Ingenting er endret.',
          '',
        ]
      : [
          `Hello ${input.name},`,
          '',
          'Someone asked to create a Klynge account with this address, but you already have one.',
          `Sign in here: ${input.signInLink}`,
          `If you have forgotten the password, set a new one here: ${input.resetLink}`,
          '',
          'If this was not you, ignore this message. Nothing has been changed.',
          '',
        ];
  return {
    to: input.to,
    kind: 'sign_up_existing',
    subject:
      input.language === 'nb' ? 'Du har allerede en konto i Klynge' : 'You already have a Klynge account',
    text: text.join('\n'),
  };
}
