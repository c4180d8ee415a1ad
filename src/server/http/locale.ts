import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { type Locale, negotiateLocale } from '../../shared/localized';

/** The language the caller reads Klynge in: the `lang` cookie, then Accept-Language, then Bokmål. */
export function requestLocale(c: Context): Locale {
  return negotiateLocale({ cookie: getCookie(c, 'lang'), acceptLanguage: c.req.header('accept-language') });
}
