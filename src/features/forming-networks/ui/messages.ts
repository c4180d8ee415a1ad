import { defineMessages } from '../../../web/kit/i18n';

/** Registering a forming network, in Bokmål and English. */
export const formingNetworkMessages = defineMessages({
  nb: {
    'network.title': 'Registrer et nettverk under etablering',
    'network.intro':
      'Er dere et nettverk som vil søke klyngeprogrammet? Registrer nettverket her, så kan dere skrive søknaden i Klynge. Du blir klyngeleder for nettverket og kan invitere andre.',
    'network.private':
      'Nettverket vises bare for dere og for programmet til en søknad er innvilget. Det kommer ikke i det offentlige registeret.',
    'network.name': 'Navn på nettverket',
    'network.counties': 'Fylker nettverket dekker',
    'network.sectors': 'Næringer',
    'network.sectorsHelp': 'Velg hovedgruppene i SN2007. Du kan legge til mer presise næringer senere.',
    'network.host': 'Vertsorganisasjonens organisasjonsnummer',
    'network.hostHelp':
      'Virksomheten som huser nettverket, for eksempel en næringsforening eller et selskap.',
    'network.submit': 'Registrer nettverket',
    'network.failed': 'Nettverket ble ikke registrert',
  },
  en: {
    'network.title': 'Register a forming network',
    'network.intro':
      'Are you a network that wants to apply to the cluster programme? Register the network here, and you can write the application in Klynge. You become its cluster manager and can invite others.',
    'network.private':
      'The network is shown only to you and to the programme until an application is granted. It does not appear in the public registry.',
    'network.name': 'Name of the network',
    'network.counties': 'Counties the network covers',
    'network.sectors': 'Industries',
    'network.sectorsHelp': 'Choose the SN2007 sections. You can add more precise industries later.',
    'network.host': "The host organisation's organisation number",
    'network.hostHelp':
      'The organisation that hosts the network, such as a business association or a company.',
    'network.submit': 'Register the network',
    'network.failed': 'The network was not registered',
  },
});
