import { describe, expect, it } from 'vitest';
import { countyOfMunicipality } from './counties';
import { addDays, fromDayNumber, isIsoDate, toDayNumber } from './dates';
import { pick } from './localized';
import { seededRandom } from './random';
import { isSectorCode, sectionOfNace } from './sectors';
import { isSlug, slugify } from './slug';
import { norwegianCollator, norwegianSortKey } from './sort-key';

describe('slugs', () => {
  it('spell out the Norwegian letters and drop other accents', () => {
    expect(slugify('Østfold og Asker-klyngen')).toBe('ostfold-og-asker-klyngen');
    expect(slugify('Ærlig Åpen Café')).toBe('aerlig-apen-cafe');
    expect(slugify('  NCE  Seafood -- Innovation  ')).toBe('nce-seafood-innovation');
  });

  it('are at most 80 characters and never end with a dash', () => {
    const slug = slugify(`${'a'.repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(isSlug(slug)).toBe(true);
  });

  it('are recognised only in their canonical form', () => {
    expect(isSlug('arctic-cluster-team')).toBe(true);
    for (const bad of ['Arctic', 'a--b', '-a', 'a-', 'a b', '']) expect(isSlug(bad)).toBe(false);
  });
});

describe('Norwegian sort order', () => {
  it('puts Æ, Ø and Å after Z, in that order, as the collator does', () => {
    const names = ['Åker', 'Zink', 'Ørland', 'Ærø', 'Arendal', 'alta'];
    const byKey = [...names].sort((a, b) => (norwegianSortKey(a) < norwegianSortKey(b) ? -1 : 1));
    expect(byKey).toEqual(['alta', 'Arendal', 'Zink', 'Ærø', 'Ørland', 'Åker']);
    expect([...names].sort(norwegianCollator.compare)).toEqual(byKey);
  });

  it('lower-cases, folds white space and drops accents other than the Norwegian letters', () => {
    expect(norwegianSortKey('  FJORD\tELEKTRO   AS ')).toBe('fjord elektro as');
    expect(norwegianSortKey('CAFÉ BRØD\u00a0AS')).toBe('cafe br|d as');
    expect(norwegianSortKey('\u212aLINIKK')).toBe('klinikk');
  });
});

describe('sectors', () => {
  it('derive the section from a division or a subclass', () => {
    expect(sectionOfNace('24')?.code).toBe('C');
    expect(sectionOfNace('62.010')?.code).toBe('J');
    expect(sectionOfNace('03.211')?.code).toBe('A');
    expect(sectionOfNace('04')).toBeUndefined();
    expect(sectionOfNace('00.000')).toBeUndefined();
  });

  it('accept section letters and real divisions only', () => {
    expect(isSectorCode('C')).toBe(true);
    expect(isSectorCode('35')).toBe(true);
    for (const bad of ['V', 'c', '04', '4', '244', '']) expect(isSectorCode(bad)).toBe(false);
  });
});

describe('counties', () => {
  it('come from the first two digits of a 2024 municipality number', () => {
    expect(countyOfMunicipality('1833')).toBe('18');
    expect(countyOfMunicipality('5501')).toBe('55');
    // Numbers from before the 2024 split (Troms og Finnmark 54) give no current county.
    expect(countyOfMunicipality('5401')).toBeUndefined();
  });
});

describe('helpers', () => {
  it('pick the reader’s language and fall back to Bokmål', () => {
    expect(pick({ nb: 'Klynge', en: 'Cluster' }, 'en')).toBe('Cluster');
    expect(pick({ nb: 'Klynge', en: '' }, 'en')).toBe('Klynge');
  });

  it('do date arithmetic on calendar dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-06-31')).toBe(false);
  });

  it('accept exactly the days of the calendar as ISO dates', () => {
    const refused: string[] = [];
    for (let day = toDayNumber('1899-01-01'); day <= toDayNumber('2101-12-31'); day++) {
      if (!isIsoDate(fromDayNumber(day))) refused.push(fromDayNumber(day));
    }
    expect(refused).toEqual([]);
    for (const text of ['1900-02-29', '2100-02-29', '2023-04-31', '2023-12-32', '2023-01-00']) {
      expect(isIsoDate(text)).toBe(false);
    }
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('refuse impossible months and anything not written YYYY-MM-DD', () => {
    for (const text of ['2024-13-01', '2024-00-10', '2024-1-01', '24-01-01', '2024/01/01', '2024-01-01 ']) {
      expect(isIsoDate(text)).toBe(false);
    }
    expect(isIsoDate('２０２４-01-01')).toBe(false);
  });

  it('refuse year 0000, which PostgreSQL cannot store, and take the first and last days it can', () => {
    for (const text of ['0000-01-01', '0000-02-29', '0000-12-31']) expect(isIsoDate(text)).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
  });

  it('repeat the same random sequence for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 5 }, () => a.int(0, 1000));
    expect(Array.from({ length: 5 }, () => b.int(0, 1000))).toEqual(draws);
    expect(new Set(draws).size).toBeGreaterThan(1);
  });
});
