import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('the path to return to after signing in', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeReturnPath('/clusters/arctic-cluster-team?tab=partners#list')).toBe(
      '/clusters/arctic-cluster-team?tab=partners#list',
    );
  });

  it.each([
    ['an absolute URL', 'https://evil.example/phish'],
    ['a protocol-relative URL', '//evil.example/phish'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab hidden between the slashes', '/\t/evil.example'],
    ['a relative path', 'clusters'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['nothing', null],
  ])('falls back to the front page for %s', (_what, value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});
