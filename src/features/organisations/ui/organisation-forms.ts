import type { Locale } from '../../../shared/localized';

/**
 * Enhetsregisteret's organisation forms by code, named in both languages: the register gives the
 * Norwegian name with its own records, but organisations entered by hand, or read before their
 * record was imported, have only the code, which readers should not have to decode.
 */
const FORMS: Readonly<Record<string, { nb: string; en: string }>> = {
  AS: { nb: 'Aksjeselskap', en: 'Private limited company' },
  ASA: { nb: 'Allmennaksjeselskap', en: 'Public limited company' },
  ENK: { nb: 'Enkeltpersonforetak', en: 'Sole proprietorship' },
  ANS: { nb: 'Ansvarlig selskap', en: 'General partnership' },
  DA: { nb: 'Selskap med delt ansvar', en: 'Partnership with shared liability' },
  KS: { nb: 'Kommandittselskap', en: 'Limited partnership' },
  BA: { nb: 'Selskap med begrenset ansvar', en: 'Company with limited liability' },
  SA: { nb: 'Samvirkeforetak', en: 'Cooperative' },
  STI: { nb: 'Stiftelse', en: 'Foundation' },
  FLI: { nb: 'Forening, lag eller innretning', en: 'Association' },
  NUF: { nb: 'Norskregistrert utenlandsk foretak', en: 'Foreign enterprise registered in Norway' },
  SPA: { nb: 'Sparebank', en: 'Savings bank' },
  GFS: { nb: 'Gjensidig forsikringsselskap', en: 'Mutual insurance company' },
  PK: { nb: 'Pensjonskasse', en: 'Pension fund' },
  BRL: { nb: 'Borettslag', en: 'Housing cooperative' },
  ESEK: { nb: 'Eierseksjonssameie', en: 'Owner-section condominium' },
  PRE: { nb: 'Partrederi', en: 'Shipowning partnership' },
  SE: { nb: 'Europeisk selskap', en: 'European company' },
  EOFG: { nb: 'Europeisk økonomisk foretaksgruppe', en: 'European economic interest grouping' },
  STAT: { nb: 'Staten', en: 'The state' },
  ORGL: { nb: 'Organisasjonsledd i staten', en: 'Part of the state administration' },
  SF: { nb: 'Statsforetak', en: 'State enterprise' },
  FYLK: { nb: 'Fylkeskommune', en: 'County authority' },
  FKF: { nb: 'Fylkeskommunalt foretak', en: 'County authority enterprise' },
  KOMM: { nb: 'Kommune', en: 'Municipality' },
  KF: { nb: 'Kommunalt foretak', en: 'Municipal enterprise' },
  IKS: { nb: 'Interkommunalt selskap', en: 'Inter-municipal company' },
  SÆR: { nb: 'Foretak etter særskilt lov', en: 'Enterprise under a special act' },
  KIRK: { nb: 'Den norske kirke', en: 'Church of Norway' },
  ADOS: { nb: 'Administrativ enhet i offentlig sektor', en: 'Administrative unit of the public sector' },
  BEDR: {
    nb: 'Underenhet i næringsliv eller offentlig forvaltning',
    en: 'Sub-unit of a business or public body',
  },
  AAFY: { nb: 'Underenhet til ikke-næringsdrivende', en: 'Sub-unit of a non-business entity' },
  OPMV: { nb: 'Særskilt oppdelt enhet', en: 'Separately divided unit' },
  KBO: { nb: 'Konkursbo', en: 'Bankruptcy estate' },
  VPFO: { nb: 'Verdipapirfond', en: 'Securities fund' },
  IKJP: { nb: 'Annen ikke-juridisk person', en: 'Other non-legal person' },
};

/**
 * The organisation form as a reader says it, with its code: "Kommune (KOMM)". A code Klynge does
 * not know takes the register's own name when there is one, otherwise stays a code.
 */
export function organisationFormLabel(code: string, locale: Locale, registerName: string | null): string {
  const name = FORMS[code]?.[locale] ?? registerName;
  return name ? `${name} (${code})` : code;
}
