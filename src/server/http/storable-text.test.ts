import { describe, expect, it } from 'vitest';
import { hasUnstorableCharacter, unstorableStrings } from './storable-text';

describe('text the database cannot store', () => {
  it('is a NUL or half of a surrogate pair, anywhere in the text', () => {
    for (const text of ['\u0000', 'a\u0000', '\uD800', 'a\uD83Db', '\uDE00', 'x\uDE00\uD83D']) {
      expect(hasUnstorableCharacter(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('is not a whole surrogate pair, nor any other character', () => {
    for (const text of ['', 'Klynge', 'Æ Ø Å', '🙂', 'a\uD83D\uDE00b', '\u0001\u001f\uFFFD\uFEFF']) {
      expect(hasUnstorableCharacter(text), JSON.stringify(text)).toBe(false);
    }
  });

  it('is found by path in a parsed body, in values and in keys', () => {
    const body = {
      name: 'ok',
      list: ['fine', 'bad\u0000'],
      nested: { deep: { '\uD800': 1, text: '\uDFFF' } },
    };
    expect(unstorableStrings(body, ['body']).map((error) => error.path)).toEqual([
      ['body', 'list', 1],
      ['body', 'nested', 'deep', '\uD800'],
      ['body', 'nested', 'deep', 'text'],
    ]);
  });
});
