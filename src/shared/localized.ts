export const LOCALES = ['nb', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nb';

/** Text the API returns in both languages; the reader picks one. */
export type LocalizedText = Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return value === 'nb' || value === 'en';
}

/** Picks the reader's language, falling back to Bokmål and then to any text there is. */
export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale] || text.nb || text.en;
}

/**
 * The reader's language: an explicit `?lang=` first, then the remembered choice (cookie), then
 * the browser's Accept-Language, then Bokmål. Norwegian in any form (no, nn, nb) reads Bokmål.
 */
export function negotiateLocale(input: {
  query?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(input.query)) return input.query;
  if (isLocale(input.cookie)) return input.cookie;
  const ranked = (input.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'nb' || base === 'nn' || base === 'no') return 'nb';
    if (base === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}
