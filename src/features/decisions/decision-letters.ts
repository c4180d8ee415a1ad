import type { Locale, LocalizedText } from '../../shared/localized';

/** Kroner as a Norwegian letter writes them: "2 500 000 kr" (thin spaces would not survive mail). */
export function kroner(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${amount < 0 ? '-' : ''}${digits} kr`;
}

export type LetterFacts = {
  clusterName: string;
  callTitle: LocalizedText;
  outcome: 'admit' | 'reject' | 'extend';
  levelName: LocalizedText | null;
  startsOn: string | null;
  endsOn: string | null;
  grants: readonly { year: number; amountNok: number }[];
  conditions: string;
  /** The panel's reasons, as staff wrote them with the recommendation. */
  reason: string;
};

function grantLines(grants: LetterFacts['grants']): string {
  return grants.map((grant) => `  ${grant.year}: ${kroner(grant.amountNok)}`).join('\n');
}

const TEMPLATES: Record<Locale, Record<LetterFacts['outcome'], (f: LetterFacts) => string>> = {
  nb: {
    admit: (f) =>
      [
        `${f.clusterName} er tatt opp i ${f.levelName?.nb ?? ''} etter utlysningen «${f.callTitle.nb}».`,
        `Perioden varer fra ${f.startsOn} til ${f.endsOn}. Tilsagnet er:`,
        grantLines(f.grants),
        f.reason && `Begrunnelse fra panelet:\n${f.reason}`,
        f.conditions && `Vilkår:\n${f.conditions}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    reject: (f) =>
      [
        `Søknaden fra ${f.clusterName} i utlysningen «${f.callTitle.nb}» får dessverre avslag.`,
        f.reason && `Begrunnelse fra panelet:\n${f.reason}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    extend: (f) =>
      [
        `Perioden til ${f.clusterName} i ${f.levelName?.nb ?? ''} er forlenget til ${f.endsOn}. Tilsagnet for forlengelsen er:`,
        grantLines(f.grants),
        f.conditions && `Vilkår:\n${f.conditions}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
  },
  en: {
    admit: (f) =>
      [
        `${f.clusterName} is admitted to ${f.levelName?.en ?? ''} in the call "${f.callTitle.en || f.callTitle.nb}".`,
        `The period runs from ${f.startsOn} to ${f.endsOn}. The grant is:`,
        grantLines(f.grants),
        f.reason && `The panel's reasons:\n${f.reason}`,
        f.conditions && `Conditions:\n${f.conditions}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    reject: (f) =>
      [
        `We regret that the application from ${f.clusterName} in the call "${f.callTitle.en || f.callTitle.nb}" is rejected.`,
        f.reason && `The panel's reasons:\n${f.reason}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    extend: (f) =>
      [
        `The period of ${f.clusterName} at ${f.levelName?.en ?? ''} is extended to ${f.endsOn}. The grant for the extension is:`,
        grantLines(f.grants),
        f.conditions && `Conditions:\n${f.conditions}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
  },
};

/** The letter of a decision in both languages, from the template of its outcome. */
export function draftLetter(facts: LetterFacts): LocalizedText {
  return { nb: TEMPLATES.nb[facts.outcome](facts), en: TEMPLATES.en[facts.outcome](facts) };
}

/** The subject of the mail that carries a decision's letter. */
export function letterSubject(callTitle: LocalizedText, language: Locale): string {
  return language === 'nb' ? `Vedtak: ${callTitle.nb}` : `Decision: ${callTitle.en || callTitle.nb}`;
}
