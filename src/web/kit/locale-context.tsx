import { createContext, useContext } from 'react';
import type { Locale } from '../../shared/localized';
import { type Messages, type Translate, translator } from './i18n';
import { type KitKey, kitMessages } from './messages';

const LocaleContext = createContext<Locale>('nb');

export function LocaleProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/**
 * The reader's language, and `t` for the kit's texts and, when given, a feature's own:
 * `const { locale, t } = useLocale(clusterMessages)`.
 */
export function useLocale<Key extends string = never>(
  messages?: Messages<Key>,
): { locale: Locale; t: Translate<Key | KitKey> } {
  const locale = useContext(LocaleContext);
  return { locale, t: translator(locale, kitMessages, messages) };
}
