import { defineMessages, type KeyOf } from './i18n';

/**
 * Texts any page may use, in Bokmål and English: the frame around the pages, the status pages,
 * pagination and filters, and the names of partner roles, actor types and size classes, which
 * several features show.
 */
export const kitMessages = defineMessages({
  nb: {
    'app.name': 'Klynge',
    'app.tagline': 'Register over klyngene i programmet',
    'nav.skipToContent': 'Hopp til hovedinnhold',
    'nav.registry': 'Klyngeregister',
    'nav.apiDocs': 'API',
    'nav.organisations': 'Virksomheter',
    'nav.switchTo': 'English',
    'nav.breadcrumbs': 'Brødsmuler',
    'filter.search': 'Søk',
    'filter.label': 'Filtrer',
    'filter.all': 'Alle',
    'filter.clear': 'Nullstill',
    'pagination.label': 'Sidenavigasjon',
    'pagination.previous': 'Forrige',
    'pagination.next': 'Neste',
    'pagination.page': 'Side {page} av {pages}',
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
    'actor.unknown': 'Ukjent (ikke bekreftet av registeret)',
    'size.micro': 'Under 10 ansatte',
    'size.small': '10–49 ansatte',
    'size.medium': '50–249 ansatte',
    'size.large': '250 ansatte eller flere',
    'size.unknown': 'Ukjent',
    'error.notFoundTitle': 'Fant ikke siden',
    'error.notFoundBody': 'Det finnes ingenting på denne adressen. Kanskje lenken er gammel?',
    'error.title': 'Noe gikk galt',
    'error.body': 'Vi klarte ikke å vise siden. Prøv igjen om litt.',
    'error.backToRegistry': 'Til klyngeregisteret',
    'account.signIn': 'Logg inn',
    'account.signOut': 'Logg ut',
    'account.signedInAs': 'Innlogget som {name}',
    'footer.about': 'Klynge er åpen kildekode for klyngeprogrammer og klyngene i dem.',
    'footer.boundaries': 'Fylkesinndeling fra 2024.',
    'access.signInTitle': 'Logg inn for å se siden',
    'access.signInBody': 'Denne siden er bare for innloggede brukere med riktig rolle.',
    'access.forbiddenTitle': 'Du har ikke tilgang',
    'access.forbiddenBody': 'Rollene dine gir ikke tilgang til denne siden.',
  },
  en: {
    'app.name': 'Klynge',
    'app.tagline': 'Registry of the clusters in the programme',
    'nav.skipToContent': 'Skip to main content',
    'nav.registry': 'Cluster registry',
    'nav.apiDocs': 'API',
    'nav.organisations': 'Organisations',
    'nav.switchTo': 'Norsk',
    'nav.breadcrumbs': 'Breadcrumbs',
    'filter.search': 'Search',
    'filter.label': 'Filter',
    'filter.all': 'All',
    'filter.clear': 'Clear',
    'pagination.label': 'Pages',
    'pagination.previous': 'Previous',
    'pagination.next': 'Next',
    'pagination.page': 'Page {page} of {pages}',
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
    'actor.unknown': 'Unknown (not confirmed by the register)',
    'size.micro': 'Fewer than 10 employees',
    'size.small': '10–49 employees',
    'size.medium': '50–249 employees',
    'size.large': '250 employees or more',
    'size.unknown': 'Unknown',
    'error.notFoundTitle': 'Page not found',
    'error.notFoundBody': 'There is nothing at this address. Perhaps the link is old?',
    'error.title': 'Something went wrong',
    'error.body': 'We could not show the page. Please try again shortly.',
    'error.backToRegistry': 'To the cluster registry',
    'account.signIn': 'Sign in',
    'account.signOut': 'Sign out',
    'account.signedInAs': 'Signed in as {name}',
    'footer.about': 'Klynge is open-source software for cluster programmes and their clusters.',
    'footer.boundaries': 'Counties as of 2024.',
    'access.signInTitle': 'Sign in to see this page',
    'access.signInBody': 'This page is only for signed-in users with the right role.',
    'access.forbiddenTitle': 'You do not have access',
    'access.forbiddenBody': 'Your roles do not give access to this page.',
  },
});

export type KitKey = KeyOf<typeof kitMessages>;

/*
 * The kit knows no feature, so these maps are keyed by the values' spelling rather than by the
 * features' types. Reading one with a value the map lacks does not compile, so a new partner
 * role, actor type or size class fails the build until it has its text here.
 */

export const MEMBERSHIP_ROLE_LABELS = {
  core_partner: 'role.core_partner',
  partner: 'role.partner',
  associate: 'role.associate',
} as const satisfies Record<string, KitKey>;

export const ACTOR_TYPE_LABELS = {
  sme: 'actor.sme',
  large_company: 'actor.large_company',
  research: 'actor.research',
  education: 'actor.education',
  public_development: 'actor.public_development',
  financier: 'actor.financier',
  interest_organisation: 'actor.interest_organisation',
} as const satisfies Record<string, KitKey>;

/** Partner statistics count an organisation of unknown type apart (entered by hand, type not said). */
export const COUNTED_ACTOR_TYPE_LABELS = {
  ...ACTOR_TYPE_LABELS,
  unknown: 'actor.unknown',
} as const satisfies Record<string, KitKey>;

export const SIZE_CLASS_LABELS = {
  micro: 'size.micro',
  small: 'size.small',
  medium: 'size.medium',
  large: 'size.large',
  unknown: 'size.unknown',
} as const satisfies Record<string, KitKey>;
