import { type ComponentType, createElement, type ReactNode } from 'react';
import type { Actor } from '../../shared/access';
import type { Locale } from '../../shared/localized';
import type { Api } from './api';
import { type Messages, type Translate, translator } from './i18n';
import { type KitKey, kitMessages } from './messages';
import type { SlotData, SlotName, SlotProps } from './slots';

/**
 * What a loader reads besides the API: the URL's parameters by name, the URL itself, and `slot`,
 * which loads the parts later features put in one of the page's slots (`kit/slots.tsx`).
 */
export type PageInput<Param extends string = never> = {
  params: Record<Param, string>;
  url: URL;
  slot: <Name extends SlotName>(name: Name, props: SlotProps[Name]) => Promise<SlotData>;
};

/**
 * A page: its loader, title and component, as the shell uses them. `load` is a property, not a
 * method, so that its URL parameters are checked strictly against the pattern a page is declared at.
 */
export type Page<Data, Param extends string = never> = {
  /** The page's module (`import.meta.url`): the server names its script for the browser to fetch early. */
  readonly source: string;
  readonly load: (api: Api, input: PageInput<Param>) => Promise<Data>;
  title(data: Data, locale: Locale): string;
  description?(data: Data, locale: Locale): string | undefined;
  render(data: Data, url: URL): ReactNode;
};

/**
 * Ties a page's loader, title and component together; the data type flows from the loader to the
 * other two. `messages` are the feature's texts, for the title's `t`.
 */
export function definePage<Data, Param extends string = never, Key extends string = never>(page: {
  source: string;
  messages?: Messages<Key>;
  load: (api: Api, input: PageInput<Param>) => Promise<Data>;
  title: (data: NoInfer<Data>, t: Translate<Key | KitKey>) => string;
  description?: (data: NoInfer<Data>, locale: Locale) => string | undefined;
  Component: ComponentType<{ data: NoInfer<Data>; url: URL }>;
}): Page<Data, Param> {
  const { source, messages, load, title, description, Component } = page;
  return {
    source,
    load,
    title: (data, locale) => title(data, translator(locale, kitMessages, messages)),
    ...(description ? { description } : {}),
    render: (data, url) => createElement(Component, { data, url }),
  };
}

/** The names of a pattern's parameters: `'/clusters/{slug}/edit'` has `'slug'`. */
export type ParamsOf<Pattern extends string> = Pattern extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamsOf<Rest>
  : never;

/**
 * A page as the shell holds it, whatever its data and parameters. Its members are methods, whose
 * parameters TypeScript compares both ways, so every page fits; `lazyPage` has checked the page
 * against its pattern already.
 */
export type AnyPage = {
  readonly source: string;
  load(api: Api, input: PageInput<string>): Promise<unknown>;
  title(data: unknown, locale: Locale): string;
  description?(data: unknown, locale: Locale): string | undefined;
  render(data: unknown, url: URL): ReactNode;
};

/** A page in a feature's list: its id, its URL pattern, and its module, loaded when the page is shown. */
export type PageEntry = {
  readonly id: string;
  /** Segments are literal or `{name}`, which matches one segment. */
  readonly path: string;
  /** Patterns a parameter must match as well, before decoding; a path that fails one is no page. */
  readonly match?: { readonly [name: string]: RegExp | undefined };
  readonly module: () => Promise<{ page: AnyPage }>;
  /** A link to the page in the site's header or account menu (a list, not one item). */
  readonly nav?: NavSpec;
};

/**
 * Where a feature's page is linked from the shell: the header (the default) or the signed-in
 * person's account menu, for whom (`visibleTo`, a policy; everyone when absent), and where among
 * the other links (`rank`, ascending, then by path), so the server and the browser list them alike.
 */
export type NavSpec = {
  readonly label: Readonly<Record<Locale, string>>;
  readonly visibleTo?: (viewer: Actor) => boolean;
  readonly place?: 'header' | 'account';
  readonly rank?: number;
};

/**
 * Declares a page for a feature's `ui/pages.ts`. The module is imported only when the page is
 * shown, so each page is its own script; a loader that reads a parameter the pattern lacks does
 * not compile.
 */
export function lazyPage<Pattern extends string>(entry: {
  id: string;
  path: Pattern;
  match?: { [Name in ParamsOf<Pattern>]?: RegExp };
  module: () => Promise<{ page: Page<unknown, ParamsOf<Pattern>> }>;
  /** Only for a page without parameters: the header (or the account menu) links to it. */
  nav?: ParamsOf<Pattern> extends never ? NavSpec : never;
}): PageEntry {
  return entry;
}
