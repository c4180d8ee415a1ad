/**
 * Settings every session starts with. pg_trgm's word-similarity threshold is what its `<%`
 * operator, and the trigram indexes behind it, match at: 0.3 (the default is 0.6) catches typos
 * and the first letters of a word in the registry's fuzzy name search, which can then use its
 * index in a single statement. The embedded server sets the same on its one session.
 */
export const SESSION_SETTINGS: Readonly<Record<string, string>> = {
  'pg_trgm.word_similarity_threshold': '0.3',
};
