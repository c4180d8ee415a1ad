import { createContext, useContext } from 'react';
import type { Locale } from '../shared/localized';
import { type Translate, translator } from './i18n';

type LocaleValue = { locale: Locale; t: Translate };

const LocaleContext = createContext<LocaleValue>({ locale: 'nb', t: translator('nb') });

export function LocaleProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return (
    <LocaleContext.Provider value={{ locale, t: translator(locale) }}>{children}</LocaleContext.Provider>
  );
}

export function useLocale(): LocaleValue {
  return useContext(LocaleContext);
}
