import { defineMessages } from '../../../web/kit/i18n';

/** The state-aid clock, in Bokmål and English. */
export const stateAidMessages = defineMessages({
  nb: {
    'page.title': 'Statsstøtteklokke: {name}',
    'page.intro':
      'EØS-reglene for statsstøtte gir en klyngeorganisasjon driftsstøtte i høyst {cap} år til sammen. Her telles årene på nivåer med driftsstøtte, hver periode til sin nåværende slutt.',
    'page.back': 'Til klyngens profil',
    'clock.heading': 'Statsstøtteklokke',
    'clock.used': '{used} av {cap} år med driftsstøtte brukt',
    'clock.left': '{left} år igjen før taket.',
    'clock.near': 'Nær taket: {left} år igjen før taket på {cap} år.',
    'clock.over': 'Over taket på {cap} år med driftsstøtte.',
    'clock.details': 'Se periodene som teller',
    'clock.label': 'År med driftsstøtte brukt av taket',
    'engagements.heading': 'Periodene som teller',
    'engagements.none': 'Klyngen har ingen perioder på nivåer med driftsstøtte.',
    'engagements.level': 'Nivå',
    'engagements.from': 'Fra',
    'engagements.to': 'Til',
    'engagements.years': 'År',
    'engagements.overlapNote':
      'Dager som dekkes av to perioder, telles én gang i summen. År regnes som dager delt på 365,25, med én desimal.',
  },
  en: {
    'page.title': 'State-aid clock: {name}',
    'page.intro':
      'EEA state-aid rules allow a cluster organisation operating aid for at most {cap} years in all. These are the years at levels of operating aid, each period to its current end.',
    'page.back': "To the cluster's profile",
    'clock.heading': 'State-aid clock',
    'clock.used': '{used} of {cap} years of operating aid used',
    'clock.left': '{left} years left before the cap.',
    'clock.near': 'Near the cap: {left} years left before the cap of {cap} years.',
    'clock.over': 'Over the cap of {cap} years of operating aid.',
    'clock.details': 'See the periods that count',
    'clock.label': 'Years of operating aid used of the cap',
    'engagements.heading': 'The periods that count',
    'engagements.none': 'The cluster has no periods at levels of operating aid.',
    'engagements.level': 'Level',
    'engagements.from': 'From',
    'engagements.to': 'To',
    'engagements.years': 'Years',
    'engagements.overlapNote':
      'Days covered by two periods count once in the sum. Years are days divided by 365.25, to one decimal.',
  },
});
