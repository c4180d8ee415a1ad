/** Norway's 15 counties from 1 January 2024, keyed by their two-digit county number. */
export type County = { code: string; name: string };

export const COUNTIES: readonly County[] = [
  { code: '03', name: 'Oslo' },
  { code: '11', name: 'Rogaland' },
  { code: '15', name: 'Møre og Romsdal' },
  { code: '18', name: 'Nordland' },
  { code: '31', name: 'Østfold' },
  { code: '32', name: 'Akershus' },
  { code: '33', name: 'Buskerud' },
  { code: '34', name: 'Innlandet' },
  { code: '39', name: 'Vestfold' },
  { code: '40', name: 'Telemark' },
  { code: '42', name: 'Agder' },
  { code: '46', name: 'Vestland' },
  { code: '50', name: 'Trøndelag' },
  { code: '55', name: 'Troms' },
  { code: '56', name: 'Finnmark' },
];

export const COUNTY_CODES = COUNTIES.map((c) => c.code) as [string, ...string[]];

const byCode = new Map(COUNTIES.map((c) => [c.code, c]));

export function findCounty(code: string): County | undefined {
  return byCode.get(code);
}

/**
 * Without a municipality register loaded, the county is the first two digits of a 2024
 * municipality number. Numbers from before the 2024 split give no current county.
 */
export function countyOfMunicipality(municipalityNumber: string): string | undefined {
  const code = municipalityNumber.slice(0, 2);
  return byCode.has(code) ? code : undefined;
}
