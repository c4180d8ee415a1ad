import { describe, expect, it } from 'vitest';
import { canBeHub, isLevelCode, levelOpenIn, levelRank } from './levels';

describe('level rules', () => {
  it('let only Arena Pro or higher be a hub', () => {
    expect(canBeHub('arena_pro')).toBe(true);
    expect(canBeHub('global')).toBe(true);
    expect(canBeHub('nce')).toBe(true);
    expect(canBeHub('mature_project')).toBe(true);
    expect(canBeHub('arena')).toBe(false);
    expect(canBeHub('pre_project')).toBe(false);
    expect(canBeHub('hub_node')).toBe(false);
    expect(canBeHub(undefined)).toBe(false);
  });

  it('rank NCE with Arena Pro, above Arena and below Global', () => {
    expect(levelRank('nce')).toBe(levelRank('arena_pro'));
    expect(levelRank('arena')).toBeLessThan(levelRank('arena_pro'));
    expect(levelRank('global')).toBeGreaterThan(levelRank('arena_pro'));
  });

  it('know the years a level was open: NCE was funded 2006–2018', () => {
    const nce = { openFromYear: 2006, openToYear: 2018 };
    expect(levelOpenIn(nce, 2006)).toBe(true);
    expect(levelOpenIn(nce, 2018)).toBe(true);
    expect(levelOpenIn(nce, 2019)).toBe(false);
    expect(levelOpenIn({ openFromYear: 2019, openToYear: null }, 2030)).toBe(true);
  });

  it('recognise only the configured level codes', () => {
    expect(isLevelCode('arena_pro')).toBe(true);
    expect(isLevelCode('champions')).toBe(false);
  });
});
