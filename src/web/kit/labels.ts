import { findCounty } from '../../shared/counties';
import type { Locale } from '../../shared/localized';
import { findSection, sectionOfNace } from '../../shared/sectors';

export function countyName(code: string): string {
  return findCounty(code)?.name ?? code;
}

/** "C Industri" for a section, "24 Industri" for a division (named by its section until SN2007 is loaded). */
export function sectorLabel(code: string, locale: Locale): string {
  const section = /^[A-U]$/.test(code) ? findSection(code) : sectionOfNace(code);
  return section ? `${code} ${section[locale]}` : code;
}

/** Sectors grouped by section: "Industri (20, 24)", "Kraftforsyning". */
export function sectorSummary(codes: string[], locale: Locale): string {
  const groups = new Map<string, string[]>();
  for (const code of codes) {
    const section = /^[A-U]$/.test(code) ? findSection(code) : sectionOfNace(code);
    const key = section?.code ?? code;
    const divisions = groups.get(key) ?? [];
    if (section && section.code !== code) divisions.push(code);
    groups.set(key, divisions);
  }
  return [...groups]
    .map(([key, divisions]) => {
      const name = findSection(key)?.[locale] ?? key;
      return divisions.length > 0 ? `${name} (${divisions.join(', ')})` : name;
    })
    .join(', ');
}
