import { DEFAULT_LOCALE, isLocale, type Locale } from '../shared/localized';

/** Every string the UI shows, in Bokmål and English. Keys are checked at compile time. */
const nb = {
  'app.name': 'Klynge',
  'app.tagline': 'Register over klyngene i programmet',
  'nav.skipToContent': 'Hopp til hovedinnhold',
  'nav.registry': 'Klyngeregister',
  'nav.apiDocs': 'API',
  'nav.organisations': 'Virksomheter',
  'nav.language': 'Språk',
  'nav.switchTo': 'English',
  'nav.breadcrumbs': 'Brødsmuler',
  'registry.title': 'Klynger',
  'registry.intro': '{programme}: {active} aktive klynger med {partners} partnere.',
  'registry.search': 'Søk i klynger',
  'registry.searchButton': 'Søk',
  'registry.filters': 'Filtrer',
  'registry.level': 'Nivå',
  'registry.county': 'Fylke',
  'registry.sector': 'Næring',
  'registry.status': 'Status',
  'registry.sort': 'Sortering',
  'registry.sortName': 'Navn',
  'registry.sortRelevance': 'Relevans',
  'registry.any': 'Alle',
  'registry.apply': 'Bruk filter',
  'registry.clear': 'Nullstill',
  'registry.results': '{total} klynger',
  'registry.resultsFor': '{total} klynger for «{q}»',
  'registry.fuzzyNotice': 'Ingen treff på ordene. Viser navn som ligner.',
  'registry.empty': 'Ingen klynger passer til søket.',
  'registry.column.name': 'Klynge',
  'registry.column.level': 'Nivå nå',
  'registry.column.counties': 'Fylker',
  'registry.column.members': 'Partnere',
  'registry.noLevel': 'Ikke i programmet nå',
  'status.active': 'Aktiv',
  'status.ended': 'Avsluttet',
  'pagination.label': 'Sidenavigasjon',
  'pagination.previous': 'Forrige',
  'pagination.next': 'Neste',
  'pagination.page': 'Side {page} av {pages}',
  'cluster.currentLevel': 'Nivå nå',
  'cluster.since': 'siden {date}',
  'cluster.founded': 'Etablert',
  'cluster.counties': 'Fylker',
  'cluster.sectors': 'Næringer',
  'cluster.website': 'Nettsted',
  'cluster.host': 'Vertsorganisasjon',
  'cluster.focusAreas': 'Satsingsområder',
  'cluster.levelHistory': 'Nivåhistorikk',
  'cluster.history.level': 'Nivå',
  'cluster.history.period': 'Periode',
  'cluster.history.grant': 'Årlig tilskudd',
  'cluster.history.current': 'Nå',
  'cluster.history.extended': 'forlenget til {date}',
  'cluster.history.ended': 'avsluttet {date}',
  'cluster.brands': 'Merkenavn',
  'cluster.hubs': 'Hub',
  'cluster.hubOf': '{name} er node under huben',
  'cluster.nodes': 'Noder',
  'cluster.partners': 'Partnere',
  'cluster.partnerStats': 'Partnere i dag',
  'cluster.byActorType': 'Etter aktørtype',
  'cluster.byCounty': 'Etter fylke',
  'cluster.bySize': 'Etter størrelse',
  'cluster.byRole': 'Etter rolle',
  'cluster.bySection': 'Etter næring',
  'cluster.smeShare': 'SMB-andel blant bedriftene',
  'cluster.members': 'Partnerliste',
  'cluster.membersTotal': '{total} partnere',
  'cluster.noMembers': 'Ingen partnere er registrert.',
  'cluster.column.organisation': 'Virksomhet',
  'cluster.column.role': 'Rolle',
  'cluster.column.actorType': 'Aktørtype',
  'cluster.column.joined': 'Partner siden',
  'organisation.orgnr': 'Organisasjonsnummer',
  'organisation.form': 'Organisasjonsform',
  'organisation.industry': 'Næringskode',
  'organisation.employees': 'Ansatte',
  'organisation.county': 'Fylke',
  'organisation.municipality': 'Kommune',
  'organisation.actorType': 'Aktørtype',
  'organisation.size': 'Størrelse',
  'organisation.clusters': 'Klynger',
  'organisation.noClusters': 'Ikke partner i noen klynge.',
  'organisation.left': 'gikk ut {date}',
  'organisations.title': 'Virksomheter',
  'organisations.intro': 'Søk i registerkopien etter navn eller organisasjonsnummer.',
  'organisations.search': 'Navn eller organisasjonsnummer',
  'organisations.results': '{total} virksomheter',
  'organisations.empty': 'Ingen virksomheter passer til søket.',
  'organisations.fuzzyNotice': 'Ingen treff på ordene. Viser navn som ligner.',
  'organisation.register': 'Fra Enhetsregisteret',
  'organisation.registerAsOf': 'Registeropplysninger per {date}.',
  'organisation.unverified': 'Ikke funnet i registerkopien. Opplysningene er lagt inn for hånd.',
  'organisation.bankrupt': 'Konkurs',
  'organisation.dissolving': 'Under avvikling',
  'organisation.deleted': 'Slettet {date}',
  'organisation.founded': 'Stiftet',
  'organisation.address': 'Sted',
  'organisation.overridden': '(satt manuelt)',
  'role.core_partner': 'Kjernepartner',
  'role.partner': 'Partner',
  'role.associate': 'Assosiert',
  'actor.sme': 'SMB',
  'actor.large_company': 'Stor bedrift',
  'actor.research': 'FoU',
  'actor.education': 'Utdanning',
  'actor.public_development': 'Offentlig utviklingsaktør',
  'actor.financier': 'Finansiør',
  'actor.interest_organisation': 'Interesseorganisasjon',
  'size.micro': 'Under 10 ansatte',
  'size.small': '10–49 ansatte',
  'size.medium': '50–249 ansatte',
  'size.large': '250 ansatte eller flere',
  'size.unknown': 'Ukjent',
  'county.unknown': 'Ukjent',
  'error.notFoundTitle': 'Fant ikke siden',
  'error.notFoundBody': 'Det finnes ingenting på denne adressen. Kanskje lenken er gammel?',
  'error.title': 'Noe gikk galt',
  'error.body': 'Vi klarte ikke å vise siden. Prøv igjen om litt.',
  'error.backToRegistry': 'Til klyngeregisteret',
  loading: 'Laster …',
  'account.signIn': 'Logg inn',
  'account.signOut': 'Logg ut',
  'account.signedInAs': 'Innlogget som {name}',
  'account.title': 'Logg inn',
  'account.intro': 'For programansatte, klyngeledere og partnere.',
  'account.email': 'E-postadresse',
  'account.password': 'Passord',
  'account.submit': 'Logg inn',
  'account.failed': 'Innloggingen mislyktes',
  // single sign-on
  'sso.button': 'Logg inn med {name}',
  'sso.orPassword': 'Eller logg inn med e-postadresse og passord:',
  'sso.failed': 'Du ble ikke logget inn',
  'sso.error.unavailable':
    'Innlogging via innloggingstjenesten er ikke tilgjengelig akkurat nå. Prøv igjen senere, eller bruk e-postadresse og passord.',
  'sso.error.cancelled': 'Innloggingen ble avbrutt hos innloggingstjenesten.',
  'sso.error.stale':
    'Innloggingen var utløpt, allerede brukt eller startet i en annen nettleser. Start innloggingen på nytt.',
  'sso.error.failed': 'Svaret fra innloggingstjenesten kunne ikke bekreftes. Start innloggingen på nytt.',
  'sso.error.unverified':
    'Innloggingstjenesten har ikke bekreftet e-postadressen din, så den kan ikke brukes til å finne kontoen din.',
  'sso.error.noAccount':
    'Denne identiteten gir ikke tilgang til Klynge. Be om en invitasjon fra programmet eller klyngen din, eller logg inn med e-postadresse og passord.',
  'member.add': 'Legg til partner',
  'member.addIntro': 'Skriv organisasjonsnummeret. Virksomheten hentes fra registerkopien.',
  'member.orgnr': 'Organisasjonsnummer',
  'member.role': 'Rolle',
  'member.name': 'Navn på virksomheten',
  'member.nameHint':
    'Virksomheten finnes ikke i registerkopien. Oppgi navnet for å legge den til som ikke verifisert.',
  'member.joinedOn': 'Partner fra',
  'member.submit': 'Legg til',
  'member.added': '{name} er lagt til som partner.',
  'member.failed': 'Partneren ble ikke lagt til',
  'classify.title': 'Endre aktørtype',
  'classify.submit': 'Lagre aktørtype',
  'classify.reset': 'Bruk registerets klassifisering',
  'classify.saved': 'Aktørtypen er lagret.',
  'classify.failed': 'Aktørtypen ble ikke lagret',
  'footer.about': 'Klynge er åpen kildekode for klyngeprogrammer og klyngene i dem.',
  'footer.boundaries': 'Fylkesinndeling fra 2024.',
} as const;

export type MessageKey = keyof typeof nb;

const en: Record<MessageKey, string> = {
  'app.name': 'Klynge',
  'app.tagline': 'Registry of the clusters in the programme',
  'nav.skipToContent': 'Skip to main content',
  'nav.registry': 'Cluster registry',
  'nav.apiDocs': 'API',
  'nav.organisations': 'Organisations',
  'nav.language': 'Language',
  'nav.switchTo': 'Norsk',
  'nav.breadcrumbs': 'Breadcrumbs',
  'registry.title': 'Clusters',
  'registry.intro': '{programme}: {active} active clusters with {partners} partners.',
  'registry.search': 'Search clusters',
  'registry.searchButton': 'Search',
  'registry.filters': 'Filter',
  'registry.level': 'Level',
  'registry.county': 'County',
  'registry.sector': 'Industry',
  'registry.status': 'Status',
  'registry.sort': 'Sort by',
  'registry.sortName': 'Name',
  'registry.sortRelevance': 'Relevance',
  'registry.any': 'All',
  'registry.apply': 'Apply filters',
  'registry.clear': 'Clear',
  'registry.results': '{total} clusters',
  'registry.resultsFor': '{total} clusters for “{q}”',
  'registry.fuzzyNotice': 'No match for the words. Showing similar names.',
  'registry.empty': 'No cluster matches the search.',
  'registry.column.name': 'Cluster',
  'registry.column.level': 'Current level',
  'registry.column.counties': 'Counties',
  'registry.column.members': 'Partners',
  'registry.noLevel': 'Not in the programme now',
  'status.active': 'Active',
  'status.ended': 'Ended',
  'pagination.label': 'Pages',
  'pagination.previous': 'Previous',
  'pagination.next': 'Next',
  'pagination.page': 'Page {page} of {pages}',
  'cluster.currentLevel': 'Current level',
  'cluster.since': 'since {date}',
  'cluster.founded': 'Founded',
  'cluster.counties': 'Counties',
  'cluster.sectors': 'Industries',
  'cluster.website': 'Website',
  'cluster.host': 'Host organisation',
  'cluster.focusAreas': 'Focus areas',
  'cluster.levelHistory': 'Level history',
  'cluster.history.level': 'Level',
  'cluster.history.period': 'Period',
  'cluster.history.grant': 'Yearly grant',
  'cluster.history.current': 'Now',
  'cluster.history.extended': 'extended to {date}',
  'cluster.history.ended': 'ended {date}',
  'cluster.brands': 'Brands',
  'cluster.hubs': 'Hub',
  'cluster.hubOf': '{name} is a node of the hub',
  'cluster.nodes': 'Nodes',
  'cluster.partners': 'Partners',
  'cluster.partnerStats': 'Partners today',
  'cluster.byActorType': 'By actor type',
  'cluster.byCounty': 'By county',
  'cluster.bySize': 'By size',
  'cluster.byRole': 'By role',
  'cluster.bySection': 'By industry',
  'cluster.smeShare': 'SME share among companies',
  'cluster.members': 'Partner list',
  'cluster.membersTotal': '{total} partners',
  'cluster.noMembers': 'No partners are registered.',
  'cluster.column.organisation': 'Organisation',
  'cluster.column.role': 'Role',
  'cluster.column.actorType': 'Actor type',
  'cluster.column.joined': 'Partner since',
  'organisation.orgnr': 'Organisation number',
  'organisation.form': 'Organisation form',
  'organisation.industry': 'Industry code',
  'organisation.employees': 'Employees',
  'organisation.county': 'County',
  'organisation.municipality': 'Municipality',
  'organisation.actorType': 'Actor type',
  'organisation.size': 'Size',
  'organisation.clusters': 'Clusters',
  'organisation.noClusters': 'Not a partner in any cluster.',
  'organisation.left': 'left {date}',
  'organisations.title': 'Organisations',
  'organisations.intro': 'Search the register copy by name or organisation number.',
  'organisations.search': 'Name or organisation number',
  'organisations.results': '{total} organisations',
  'organisations.empty': 'No organisation matches the search.',
  'organisations.fuzzyNotice': 'No match for the words. Showing similar names.',
  'organisation.register': 'From the Central Coordinating Register',
  'organisation.registerAsOf': 'Register facts as of {date}.',
  'organisation.unverified': 'Not found in the register copy. The facts were entered by hand.',
  'organisation.bankrupt': 'Bankrupt',
  'organisation.dissolving': 'Being dissolved',
  'organisation.deleted': 'Deleted {date}',
  'organisation.founded': 'Founded',
  'organisation.address': 'Location',
  'organisation.overridden': '(set by hand)',
  'role.core_partner': 'Core partner',
  'role.partner': 'Partner',
  'role.associate': 'Associate',
  'actor.sme': 'SME',
  'actor.large_company': 'Large company',
  'actor.research': 'R&D',
  'actor.education': 'Education',
  'actor.public_development': 'Public development actor',
  'actor.financier': 'Financier',
  'actor.interest_organisation': 'Interest organisation',
  'size.micro': 'Fewer than 10 employees',
  'size.small': '10–49 employees',
  'size.medium': '50–249 employees',
  'size.large': '250 employees or more',
  'size.unknown': 'Unknown',
  'county.unknown': 'Unknown',
  'error.notFoundTitle': 'Page not found',
  'error.notFoundBody': 'There is nothing at this address. Perhaps the link is old?',
  'error.title': 'Something went wrong',
  'error.body': 'We could not show the page. Please try again shortly.',
  'error.backToRegistry': 'To the cluster registry',
  loading: 'Loading …',
  'account.signIn': 'Sign in',
  'account.signOut': 'Sign out',
  'account.signedInAs': 'Signed in as {name}',
  'account.title': 'Sign in',
  'account.intro': 'For programme staff, cluster managers and partners.',
  'account.email': 'E-mail address',
  'account.password': 'Password',
  'account.submit': 'Sign in',
  'account.failed': 'Sign-in failed',
  // single sign-on
  'sso.button': 'Sign in with {name}',
  'sso.orPassword': 'Or sign in with your e-mail address and password:',
  'sso.failed': 'You were not signed in',
  'sso.error.unavailable':
    'Signing in through the identity provider is not available right now. Try again later, or use your e-mail address and password.',
  'sso.error.cancelled': 'The sign-in was cancelled at the identity provider.',
  'sso.error.stale':
    'The sign-in had expired, had already been used, or was started in another browser. Please start again.',
  'sso.error.failed': 'The answer from the identity provider could not be verified. Please start again.',
  'sso.error.unverified':
    'The identity provider has not confirmed your e-mail address, so it cannot be used to find your account.',
  'sso.error.noAccount':
    'This identity does not give access to Klynge. Ask your programme or cluster for an invitation, or sign in with your e-mail address and password.',
  'member.add': 'Add a partner',
  'member.addIntro': 'Type the organisation number. The organisation is filled in from the register copy.',
  'member.orgnr': 'Organisation number',
  'member.role': 'Role',
  'member.name': "The organisation's name",
  'member.nameHint': 'The organisation is not in the register copy. Give its name to add it as unverified.',
  'member.joinedOn': 'Partner from',
  'member.submit': 'Add',
  'member.added': '{name} was added as a partner.',
  'member.failed': 'The partner was not added',
  'classify.title': 'Change actor type',
  'classify.submit': 'Save actor type',
  'classify.reset': "Use the register's classification",
  'classify.saved': 'The actor type is saved.',
  'classify.failed': 'The actor type was not saved',
  'footer.about': 'Klynge is open-source software for cluster programmes and their clusters.',
  'footer.boundaries': 'Counties as of 2024.',
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { nb, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one locale. A missing English text falls back to Bokmål, then to the key. */
export function translator(locale: Locale): Translate {
  const messages = MESSAGES[locale];
  return (key, params) => {
    const template = messages[key] || MESSAGES.nb[key] || key;
    return params
      ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match))
      : template;
  };
}

/**
 * The reader's language: an explicit `?lang=` first, then the remembered choice (cookie), then
 * the browser's Accept-Language, then Bokmål. Norwegian in any form (no, nn, nb) reads Bokmål.
 */
export function negotiateLocale(input: {
  query?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.query)) return input.query;
  if (isLocale(input.cookie)) return input.cookie;
  const ranked = (input.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
    if (base === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}

export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d!)));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB').format(value);
}

export function formatNok(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    style: 'currency',
    currency: 'NOK',
    maximumFractionDigits: 0,
  }).format(value);
}

export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { style: 'percent' }).format(share);
}
