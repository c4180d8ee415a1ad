import type { Actor } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import type { PageState, PageView } from './page-loader';

/** Everything needed to draw a page, on the server and when the browser takes over. */
export type AppView = { locale: Locale; href: string; view: PageView; viewer: Actor };

/** The same as the server embeds it in the HTML for the browser: the page named by its id. */
export type AppState = Omit<AppView, 'view'> & { state: PageState };

export const APP_STATE_ELEMENT_ID = 'klynge-state';

/** JSON for a <script type="application/json"> element: nothing in it can close the element. */
export function serializeState(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
