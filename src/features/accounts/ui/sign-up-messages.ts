import { defineMessages } from '../../../web/kit/i18n';

/** Signing up, and on the account page the own organisations and the way to register a network, in Bokmål and English. */
export const signUpMessages = defineMessages({
  nb: {
    'signUp.title': 'Opprett konto',
    'signUp.intro':
      'For deg som vil søke klyngeprogrammet, registrere et nettverk under etablering eller følge en klynge. Du får en e-post med en lenke for å velge passord.',
    'signUp.name': 'Fullt navn',
    'signUp.email': 'E-postadresse',
    'signUp.submit': 'Send meg lenken',
    'signUp.sent':
      'Sjekk e-posten din. Lenken virker én gang, i 24 timer. Har adressen allerede en konto, får du en e-post om det i stedet.',
    'signUp.failed': 'Det gikk ikke',
    'signUp.haveAccount': 'Har du allerede en konto?',
    'signUp.singleSignOn':
      'Innlogging med {name} virker når du har en konto: opprett kontoen her, og koble den til {name} på kontosiden etterpå.',
    'signUp.fromSignIn': 'Ny i Klynge? Opprett konto',
    'signUp.linkTitle': 'Velg passord',
    'signUp.linkIntro': 'Kontoen for {name} ({email}) opprettes når du har valgt et passord.',
    'signUp.expires': 'Lenken virker til {when}.',
    'signUp.password': 'Passord',
    'signUp.create': 'Opprett konto',
    'signUp.state.used': 'Lenken er allerede brukt. Logg inn i stedet.',
    'signUp.state.expired': 'Lenken er utløpt. Be om en ny.',
    'signUp.existing': 'Det finnes allerede en konto for {email}.',
    'signUp.again': 'Be om en ny lenke',
    'affiliations.title': 'Virksomhetene dine',
    'affiliations.intro':
      'Virksomheter du er ansatt i, eier eller sitter i styret for. Fagvurderere må oppgi dem: de brukes til å finne mulige interessekonflikter.',
    'affiliations.none': 'Du har ikke oppgitt noen virksomheter.',
    'affiliations.orgnr': 'Organisasjonsnummer',
    'affiliations.unknownName': 'Ikke i virksomhetsregisteret ennå',
    'affiliations.add': 'Legg til',
    'affiliations.remove': 'Fjern {orgnr}',
    'affiliations.failed': 'Endringen ble ikke lagret',
    'network.registerPrompt': 'Vil nettverket ditt søke klyngeprogrammet?',
    'network.registerLink': 'Registrer et nettverk under etablering',
  },
  en: {
    'signUp.title': 'Create an account',
    'signUp.intro':
      'For you who want to apply to the cluster programme, register a forming network or follow a cluster. You get an e-mail with a link to choose a password.',
    'signUp.name': 'Full name',
    'signUp.email': 'E-mail address',
    'signUp.submit': 'Send me the link',
    'signUp.sent':
      'Check your e-mail. The link works once, for 24 hours. If the address has an account already, you get an e-mail saying so instead.',
    'signUp.failed': 'That did not work',
    'signUp.haveAccount': 'Do you have an account already?',
    'signUp.singleSignOn':
      'Signing in with {name} works once you have an account: create the account here, then connect it to {name} on your account page.',
    'signUp.fromSignIn': 'New to Klynge? Create an account',
    'signUp.linkTitle': 'Choose a password',
    'signUp.linkIntro': 'The account for {name} ({email}) is created once you have chosen a password.',
    'signUp.expires': 'The link works until {when}.',
    'signUp.password': 'Password',
    'signUp.create': 'Create the account',
    'signUp.state.used': 'The link has been used already. Sign in instead.',
    'signUp.state.expired': 'The link has expired. Ask for a new one.',
    'signUp.existing': 'There is an account for {email} already.',
    'signUp.again': 'Ask for a new link',
    'affiliations.title': 'Your organisations',
    'affiliations.intro':
      'Organisations you work for, own or sit on the board of. Assessors must list them: they are how possible conflicts of interest are found.',
    'affiliations.none': 'You have not listed any organisations.',
    'affiliations.orgnr': 'Organisation number',
    'affiliations.unknownName': 'Not in the register copy yet',
    'affiliations.add': 'Add',
    'affiliations.remove': 'Remove {orgnr}',
    'affiliations.failed': 'The change was not saved',
    'network.registerPrompt': 'Does your network want to apply to the cluster programme?',
    'network.registerLink': 'Register a forming network',
  },
});
