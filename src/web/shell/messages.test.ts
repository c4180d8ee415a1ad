import { describe, expect, it } from 'vitest';
import { clusterMessages } from '../../features/clusters/ui/messages';
import type { Messages } from '../kit/i18n';
import { translator } from '../kit/i18n';
import { kitMessages } from '../kit/messages';

/** Every feature's texts, found by file name as the pages are: a new feature's join by themselves. */
const featureSets = Object.entries(
  import.meta.glob<Record<string, unknown>>('../../features/*/ui/*messages.ts', { eager: true }),
).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => typeof value === 'object' && value !== null && 'nb' in value && 'en' in value)
    .map(([name, messages]) => [`${file} ${name}`, messages] as const),
);

const SETS = { kit: kitMessages, ...Object.fromEntries(featureSets) } as Record<string, Messages<string>>;

describe('translations', () => {
  it('exist in both languages for every key', () => {
    expect(featureSets.length).toBeGreaterThanOrEqual(8);
    for (const [name, messages] of Object.entries(SETS)) {
      const nbKeys = Object.keys(messages.nb).sort();
      expect(Object.keys(messages.en).sort(), name).toEqual(nbKeys);
      for (const [key, text] of Object.entries(messages.en)) expect(text, `${name}: ${key}`).not.toBe('');
    }
  });

  it('name each key once, so a feature’s text never hides one of the kit’s', () => {
    const owners = new Map<string, string>();
    for (const [name, messages] of Object.entries(SETS)) {
      for (const key of Object.keys(messages.nb)) {
        expect(owners.get(key), `${key} in ${name}`).toBeUndefined();
        owners.set(key, name);
      }
    }
  });

  it('fill in parameters and leave unknown ones visible', () => {
    const t = translator('en', clusterMessages);
    expect(t('registry.resultsFor', { total: 3, q: 'arctic' })).toBe('3 clusters for “arctic”');
    expect(t('registry.resultsFor', { total: 3 })).toBe('3 clusters for “{q}”');
  });

  it('fall back to Bokmål when an English text is missing', () => {
    const saved = clusterMessages.en['registry.title'];
    clusterMessages.en['registry.title'] = '';
    try {
      expect(translator('en', clusterMessages)('registry.title')).toBe('Klynger');
    } finally {
      clusterMessages.en['registry.title'] = saved;
    }
  });
});
