import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './localized';

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
