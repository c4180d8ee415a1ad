import { describe, expect, it } from 'vitest';
import { formatDate, formatNok, MESSAGES, negotiateLocale, translator } from './i18n';

describe('language negotiation', () => {
  it('prefers ?lang=, then the cookie, then Accept-Language, then Bokmål', () => {
    expect(negotiateLocale({ query: 'en', cookie: 'nb', acceptLanguage: 'nb' })).toBe('en');
    expect(negotiateLocale({ query: 'xx', cookie: 'en', acceptLanguage: 'nb' })).toBe('en');
    expect(negotiateLocale({ acceptLanguage: 'en-GB,en;q=0.9' })).toBe('en');
    expect(negotiateLocale({})).toBe('nb');
  });

  it('reads every Norwegian tag as Bokmål and honours quality values', () => {
    expect(negotiateLocale({ acceptLanguage: 'nn-NO' })).toBe('nb');
    expect(negotiateLocale({ acceptLanguage: 'no' })).toBe('nb');
    expect(negotiateLocale({ acceptLanguage: 'de, en;q=0.5, nb;q=0.8' })).toBe('nb');
    expect(negotiateLocale({ acceptLanguage: 'fr, de' })).toBe('nb');
    expect(negotiateLocale({ acceptLanguage: 'en;q=0, nb;q=0.1' })).toBe('nb');
  });
});

describe('translations', () => {
  it('exist in both languages for every key', () => {
    const nbKeys = Object.keys(MESSAGES.nb).sort();
    expect(Object.keys(MESSAGES.en).sort()).toEqual(nbKeys);
    for (const key of nbKeys) expect(MESSAGES.en[key as keyof typeof MESSAGES.en], key).not.toBe('');
  });

  it('fill in parameters and leave unknown ones visible', () => {
    const t = translator('en');
    expect(t('registry.resultsFor', { total: 3, q: 'arctic' })).toBe('3 clusters for “arctic”');
    expect(t('registry.resultsFor', { total: 3 })).toBe('3 clusters for “{q}”');
  });

  it('fall back to Bokmål when an English text is missing', () => {
    const saved = MESSAGES.en['registry.title'];
    MESSAGES.en['registry.title'] = '';
    try {
      expect(translator('en')('registry.title')).toBe('Klynger');
    } finally {
      MESSAGES.en['registry.title'] = saved;
    }
  });

  it('format dates and money the way each language writes them', () => {
    expect(formatDate('2021-01-01', 'en')).toBe('1 Jan 2021');
    expect(formatDate('2021-01-01', 'nb')).toBe('1. jan. 2021');
    expect(formatNok(5_000_000, 'nb').replace(/\s/g, ' ')).toBe('5 000 000 kr');
  });
});
