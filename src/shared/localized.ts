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
