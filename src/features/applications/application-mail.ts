import type { Locale } from '../../shared/localized';
import type { OutgoingMail } from '../mail/mail.service';
import type { SectionBodies } from './applications.contract';
import type { SectionKey } from './applications.lifecycle';

// The applicant's mail is written in their language: the one they submitted in, or started the
// application in. The texts are the mail's own; the pages have theirs in ui/messages.ts.

const SECTION_TITLES: Record<SectionKey, Record<Locale, string>> = {
  background: { nb: 'Bakgrunn', en: 'Background' },
  vision_goals: { nb: 'Visjon og målbare mål', en: 'Vision and measurable goals' },
  focus_activities: {
    nb: 'Satsingsområder, aktiviteter og gjennomføringsplan',
    en: 'Focus areas, activities and implementation plan',
  },
  expected_effects: { nb: 'Forventede effekter', en: 'Expected effects' },
  resource_base: { nb: 'Ressursgrunnlag', en: 'Resource base' },
  ecosystem_role: {
    nb: 'Rolle i det regionale og nasjonale økosystemet',
    en: 'Role in the regional and national ecosystem',
  },
  budget: { nb: 'Budsjett og medfinansiering', en: 'Budget and co-financing' },
  pre_project: { nb: 'Forprosjektets finansiering', en: "The pre-project's funding" },
  hub: { nb: 'Hub-klynge', en: 'Hub cluster' },
};

const WORDS = {
  nb: {
    vision: 'Visjon',
    goals: 'Mål',
    indicator: 'måles ved',
    target: 'mål',
    focusAreas: 'Satsingsområder',
    activities: 'Aktiviteter',
    plan: 'Gjennomføringsplan',
    owner: 'Prosjekteier',
    partners: 'Partnere',
    core_partner: 'kjernepartner',
    partner: 'partner',
    cash: 'kontant',
    inKind: 'natura',
    perYear: 'per år',
    years: 'År',
    cost: 'kostnad',
    asked: 'søkt fra programmet',
    cofinancing: 'Medfinansiering',
    funder: 'Finansiør',
    amount: 'Beløp',
    hub: 'Hub',
    empty: '(ikke fylt ut)',
  },
  en: {
    vision: 'Vision',
    goals: 'Goals',
    indicator: 'measured by',
    target: 'target',
    focusAreas: 'Focus areas',
    activities: 'Activities',
    plan: 'Implementation plan',
    owner: 'Project owner',
    partners: 'Partners',
    core_partner: 'core partner',
    partner: 'partner',
    cash: 'cash',
    inKind: 'in kind',
    perYear: 'a year',
    years: 'Years',
    cost: 'cost',
    asked: 'asked of the programme',
    cofinancing: 'Co-financing',
    funder: 'Funder',
    amount: 'Amount',
    hub: 'Hub',
    empty: '(not filled in)',
  },
} as const;

function nok(amount: number | null, language: Locale): string {
  if (amount === null) return '–';
  return `${new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB').format(amount)} NOK`;
}

function osloTime(at: Date, language: Locale): string {
  return new Intl.DateTimeFormat(language === 'nb' ? 'nb-NO' : 'en-GB', {
    timeZone: 'Europe/Oslo',
    dateStyle: 'long',
    timeStyle: 'medium',
  }).format(at);
}

const text = (value: string, language: Locale) => value.trim() || WORDS[language].empty;
const list = (lines: string[]) => lines.map((line) => `- ${line}`);

/** One section as plain text, field by field. */
function sectionText(section: SectionCopy, language: Locale): string[] {
  const w = WORDS[language];
  switch (section.key) {
    case 'background':
    case 'expected_effects':
    case 'ecosystem_role':
      return [text(section.body.text, language)];
    case 'vision_goals':
      return [
        `${w.vision}: ${text(section.body.vision, language)}`,
        `${w.goals}:`,
        ...list(
          section.body.goals.map(
            (g) => `${g.goal} (${w.indicator}: ${g.indicator}; ${w.target}: ${g.target})`,
          ),
        ),
      ];
    case 'focus_activities':
      return [
        `${w.focusAreas}: ${section.body.focusAreas.join(', ') || w.empty}`,
        `${w.activities}:`,
        ...list(section.body.activities.map((a) => `${a.name}: ${a.description}`)),
        `${w.plan}: ${text(section.body.plan, language)}`,
      ];
    case 'resource_base':
      return [
        `${w.owner}: ${text(section.body.projectOwnerOrgnr, language)}`,
        `${w.partners}:`,
        ...list(
          section.body.partners.map(
            (p) =>
              `${p.orgnr}, ${w[p.commitment]}: ${nok(p.cashNok, language)} ${w.cash} + ${nok(p.inKindNok, language)} ${w.inKind} ${w.perYear}`,
          ),
        ),
        text(section.body.text, language),
      ];
    case 'budget':
      return [
        `${w.years}:`,
        ...list(
          section.body.years.map(
            (y) =>
              `${y.year ?? '–'}: ${w.cost} ${nok(y.costNok, language)}, ${w.asked} ${nok(y.programmeNok, language)}`,
          ),
        ),
        `${w.cofinancing}:`,
        ...list(
          section.body.cofinancing.map((c) => `${c.year ?? '–'}, ${c.source}: ${nok(c.amountNok, language)}`),
        ),
      ];
    case 'pre_project':
      return [
        `${w.funder}: ${text(section.body.funder, language)}`,
        `${w.amount}: ${nok(section.body.amountNok, language)}`,
      ];
    case 'hub':
      return [`${w.hub}: ${text(section.body.hubClusterSlug, language)}`];
  }
}

/** A section as the copy shows it. */
export type SectionCopy = { [K in SectionKey]: { key: K; body: SectionBodies[K] } }[SectionKey];

/** What was submitted, as plain text: every section under its title. */
export function submittedCopy(sections: readonly SectionCopy[], language: Locale): string {
  return sections
    .flatMap((section) => [
      SECTION_TITLES[section.key][language].toUpperCase(),
      ...sectionText(section, language),
      '',
    ])
    .join('\n');
}

export type ReceiptFacts = {
  to: string;
  name: string;
  clusterName: string;
  callTitle: string;
  levelName: string;
  submittedAt: Date;
  attachments: readonly string[];
  sections: readonly SectionCopy[];
  link: string;
  language: Locale;
};

/** The receipt: when the application arrived, and a copy of what it said. */
export function receiptMail(facts: ReceiptFacts): OutgoingMail {
  const when = osloTime(facts.submittedAt, facts.language);
  const attached = facts.attachments.length > 0 ? facts.attachments : [WORDS[facts.language].empty];
  const intro =
    facts.language === 'nb'
      ? [
          `Hei ${facts.name},`,
          '',
          `Søknaden fra ${facts.clusterName} om ${facts.levelName} i «${facts.callTitle}» kom inn ${when}.`,
          'Her er en kopi av det som ble sendt inn. Du finner søknaden her:',
          facts.link,
          '',
          'Vedlegg:',
        ]
      : [
          `Hello ${facts.name},`,
          '',
          `The application from ${facts.clusterName} for ${facts.levelName} in "${facts.callTitle}" arrived ${when} (Norwegian time).`,
          'Here is a copy of what was submitted. The application is here:',
          facts.link,
          '',
          'Attachments:',
        ];
  return {
    to: facts.to,
    kind: 'application_receipt',
    subject:
      facts.language === 'nb'
        ? `Kvittering: søknad om ${facts.levelName} fra ${facts.clusterName}`
        : `Receipt: application for ${facts.levelName} from ${facts.clusterName}`,
    text: [
      ...intro,
      ...list([...attached]),
      '',
      '---',
      '',
      submittedCopy(facts.sections, facts.language),
    ].join('\n'),
  };
}

/** To an applicant of a call whose deadline moved. */
export function deadlineExtendedMail(facts: {
  to: string;
  name: string;
  callTitle: string;
  previousDeadlineAt: Date;
  deadlineAt: Date;
  reason: string;
  language: Locale;
}): OutgoingMail {
  const before = osloTime(facts.previousDeadlineAt, facts.language);
  const after = osloTime(facts.deadlineAt, facts.language);
  const text =
    facts.language === 'nb'
      ? [
          `Hei ${facts.name},`,
          '',
          `Søknadsfristen i «${facts.callTitle}» er flyttet fra ${before} til ${after}.`,
          `Begrunnelse: ${facts.reason}`,
          '',
        ]
      : [
          `Hello ${facts.name},`,
          '',
          `The deadline of "${facts.callTitle}" has moved from ${before} to ${after} (Norwegian time).`,
          `Why: ${facts.reason}`,
          '',
        ];
  return {
    to: facts.to,
    kind: 'call_deadline_extended',
    subject:
      facts.language === 'nb' ? `Ny søknadsfrist: ${facts.callTitle}` : `New deadline: ${facts.callTitle}`,
    text: text.join('\n'),
  };
}

/** To the applicant whose application programme staff reopened. */
export function informationRequestedMail(facts: {
  to: string;
  name: string;
  clusterName: string;
  sections: readonly SectionKey[];
  until: Date;
  message: string;
  link: string;
  language: Locale;
}): OutgoingMail {
  const until = osloTime(facts.until, facts.language);
  const titles = list(facts.sections.map((key) => SECTION_TITLES[key][facts.language]));
  const text =
    facts.language === 'nb'
      ? [
          `Hei ${facts.name},`,
          '',
          `Programmet ber om mer informasjon i søknaden fra ${facts.clusterName}:`,
          facts.message,
          '',
          `Disse delene er åpnet for endring til ${until}:`,
          ...titles,
          '',
          'Send søknaden inn igjen når du er ferdig:',
          facts.link,
          '',
        ]
      : [
          `Hello ${facts.name},`,
          '',
          `The programme asks for more information in the application from ${facts.clusterName}:`,
          facts.message,
          '',
          `These parts are open for changes until ${until} (Norwegian time):`,
          ...titles,
          '',
          'Submit the application again when you are done:',
          facts.link,
          '',
        ];
  return {
    to: facts.to,
    kind: 'application_information_requested',
    subject:
      facts.language === 'nb'
        ? `Programmet ber om mer informasjon: ${facts.clusterName}`
        : `The programme asks for more information: ${facts.clusterName}`,
    text: text.join('\n'),
  };
}
