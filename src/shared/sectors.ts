/**
 * The 21 sections of the Norwegian standard industrial classification SN2007 (NACE Rev. 2) with
 * the two-digit divisions each one spans. A cluster's sectors are section letters or divisions;
 * the section of a division is derived from this table, never stored twice.
 */
export type Section = { code: string; nb: string; en: string; divisions: [number, number] };

export const SECTIONS: readonly Section[] = [
  {
    code: 'A',
    nb: 'Jordbruk, skogbruk og fiske',
    en: 'Agriculture, forestry and fishing',
    divisions: [1, 3],
  },
  { code: 'B', nb: 'Bergverksdrift og utvinning', en: 'Mining and quarrying', divisions: [5, 9] },
  { code: 'C', nb: 'Industri', en: 'Manufacturing', divisions: [10, 33] },
  { code: 'D', nb: 'Kraftforsyning', en: 'Electricity and gas supply', divisions: [35, 35] },
  { code: 'E', nb: 'Vann, avløp og renovasjon', en: 'Water, sewerage and waste', divisions: [36, 39] },
  { code: 'F', nb: 'Bygge- og anleggsvirksomhet', en: 'Construction', divisions: [41, 43] },
  { code: 'G', nb: 'Varehandel og bilverksteder', en: 'Wholesale and retail trade', divisions: [45, 47] },
  { code: 'H', nb: 'Transport og lagring', en: 'Transport and storage', divisions: [49, 53] },
  { code: 'I', nb: 'Overnatting og servering', en: 'Accommodation and food service', divisions: [55, 56] },
  { code: 'J', nb: 'Informasjon og kommunikasjon', en: 'Information and communication', divisions: [58, 63] },
  { code: 'K', nb: 'Finansiering og forsikring', en: 'Finance and insurance', divisions: [64, 66] },
  { code: 'L', nb: 'Omsetning og drift av fast eiendom', en: 'Real estate', divisions: [68, 68] },
  {
    code: 'M',
    nb: 'Faglig, vitenskapelig og teknisk tjenesteyting',
    en: 'Professional, scientific and technical services',
    divisions: [69, 75],
  },
  {
    code: 'N',
    nb: 'Forretningsmessig tjenesteyting',
    en: 'Administrative and support services',
    divisions: [77, 82],
  },
  {
    code: 'O',
    nb: 'Offentlig administrasjon og forsvar',
    en: 'Public administration and defence',
    divisions: [84, 84],
  },
  { code: 'P', nb: 'Undervisning', en: 'Education', divisions: [85, 85] },
  { code: 'Q', nb: 'Helse- og sosialtjenester', en: 'Health and social work', divisions: [86, 88] },
  {
    code: 'R',
    nb: 'Kultur, underholdning og fritid',
    en: 'Arts, entertainment and recreation',
    divisions: [90, 93],
  },
  { code: 'S', nb: 'Annen tjenesteyting', en: 'Other services', divisions: [94, 96] },
  { code: 'T', nb: 'Private husholdninger', en: 'Households as employers', divisions: [97, 98] },
  {
    code: 'U',
    nb: 'Internasjonale organisasjoner',
    en: 'Extraterritorial organisations',
    divisions: [99, 99],
  },
];

export const SECTION_CODES = SECTIONS.map((s) => s.code) as [string, ...string[]];

const sectionByCode = new Map(SECTIONS.map((s) => [s.code, s]));

export function findSection(code: string): Section | undefined {
  return sectionByCode.get(code);
}

/** "24" → C; "62.010" or "62.01" → J; unknown or unused divisions → undefined. */
export function sectionOfNace(code: string): Section | undefined {
  const division = Number.parseInt(code.slice(0, 2), 10);
  if (!/^\d{2}/.test(code) || Number.isNaN(division)) return undefined;
  return SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1]);
}

/** A sector code is a section letter or a two-digit division that lies inside a section. */
export function isSectorCode(code: string): boolean {
  if (/^[A-U]$/.test(code)) return sectionByCode.has(code);
  return /^\d{2}$/.test(code) && sectionOfNace(code) !== undefined;
}
