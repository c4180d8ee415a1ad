import { describe, expect, it } from 'vitest';
import { jsonDepth } from './json-depth';

describe('JSON depth', () => {
  it('counts nesting of objects and arrays, and ignores brackets inside strings', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"quote \\" then [[["}')).toBe(1);
  });
});
