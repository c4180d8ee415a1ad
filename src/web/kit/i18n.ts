import type { Locale } from '../../shared/localized';

/** A set of texts in Bokmål and English under the same keys. */
export type Messages<Key extends string> = Record<Locale, Record<Key, string>>;

/** The keys of a set of texts, for maps from a value to its text (`Record<Role, KeyOf<typeof messages>>`). */
export type KeyOf<M> = M extends Messages<infer Key> ? Key : never;

export type Params = Record<string, string | number>;

/** Looks a text up by a known key and fills in its `{name}` parameters. */
export type Translate<Key extends string> = (key: Key, params?: Params) => string;

/**
 * Declares a feature's texts. Bokmål names the keys; English must have exactly those keys, so a
 * missing English text, or one under a key Bokmål lacks, does not compile.
 */
export function defineMessages<const Nb extends Record<string, string>>(messages: {
  nb: Nb;
  en: NoInfer<{ [Key in keyof Nb]: string }>;
}): Messages<keyof Nb & string> {
  return messages;
}

function isKeyOf<Key extends string>(messages: Messages<Key>, key: string): key is Key {
  return Object.hasOwn(messages.nb, key);
}

/**
 * A translator for one locale, over a set of texts and optionally a second (the kit's and a
 * feature's; no key is in both). A missing English text falls back to Bokmål, then to the key.
 */
export function translator<Key extends string, More extends string = never>(
  locale: Locale,
  messages: Messages<Key>,
  more?: Messages<More>,
): Translate<Key | More> {
  const text = <K extends string>(set: Messages<K>, key: K) => set[locale][key] || set.nb[key];
  return (key, params) => {
    const template =
      (isKeyOf(messages, key) ? text(messages, key) : more && isKeyOf(more, key) && text(more, key)) || key;
    return params
      ? template.replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match))
      : template;
  };
}

/**
 * The values a typed map from value to text names, in the map's order: the choices of a filter
 * whose texts the map holds, without importing the list from a contract (and zod with it).
 */
export function valuesOf<Value extends string>(labels: Record<Value, string>): Value[] {
  return Object.keys(labels) as Value[];
}
