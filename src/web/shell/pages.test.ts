import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../server/features';
import type { PageEntry } from '../kit/page';
import { pageLoader } from './page-loader';
import { PAGES, SLOT_FILLS } from './pages';

const { isPagePath, pageEntryAt } = pageLoader(PAGES);

describe('the list of pages', () => {
  it("is the same in the browser's bundle (found by file name) and on the server (the feature list)", () => {
    const served = FEATURES.flatMap((feature) => ('pages' in feature ? feature.pages : []));
    expect(PAGES.map((page) => page.id).sort()).toEqual(served.map((page) => page.id).sort());
    expect(PAGES.length).toBeGreaterThan(10);
  });

  it('gives every page its own id and URL pattern', () => {
    const ids = PAGES.map((page) => page.id);
    expect(new Set(ids).size).toBe(ids.length);
    const paths = PAGES.map((page) => page.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('finds a page by its path, with the patterns its parameters must match', () => {
    expect(pageEntryAt('/')?.id).toBe('registry');
    expect(pageEntryAt('/clusters/arctic-cluster-team')?.id).toBe('cluster');
    expect(pageEntryAt('/clusters/arctic-cluster-team/edit')?.id).toBe('edit_cluster');
    expect(pageEntryAt(`/reset-password/${'C'.repeat(43)}`)?.id).toBe('complete_reset');
    expect(isPagePath('/reset-password/too-short')).toBe(false);
    expect(isPagePath(`/invitations/${'B'.repeat(42)}!`)).toBe(false);
    expect(isPagePath('/clusters')).toBe(false);
    expect(isPagePath('/clusters/a/b')).toBe(false);
  });

  it('finds a literal path before a pattern that also fits it, in whatever order the pages come', () => {
    const served = FEATURES.flatMap((feature) => ('pages' in feature ? feature.pages : []));
    for (const list of [PAGES, served, [...served].reverse()]) {
      expect(pageLoader(list).pageEntryAt('/clusters/register')?.id).toBe('register_network');
      expect(pageLoader(list).pageEntryAt('/clusters/registeret')?.id).toBe('cluster');
    }
  });

  it('loads each page’s module, which names itself for the server to preload', async () => {
    for (const entry of PAGES) {
      const { page } = await entry.module();
      expect(page.source, entry.id).toMatch(/^file:.*\/ui\/[a-z-]+-page\.tsx$/);
    }
    // Transforming every page's module takes seconds on a busy machine; the assertion is the point.
  }, 60_000);
});

describe('the parts features put in other features’ slots', () => {
  it('are the same in the browser’s bundle and on the server, each with its own id', () => {
    const served = FEATURES.flatMap((feature) => ('slots' in feature ? feature.slots : []));
    expect(SLOT_FILLS.map((fill) => fill.id).sort()).toEqual(served.map((fill) => fill.id).sort());
    expect(new Set(SLOT_FILLS.map((fill) => fill.id)).size).toBe(SLOT_FILLS.length);
    expect(SLOT_FILLS.length).toBeGreaterThan(1);
  });

  it('lists the header links in one order, whichever order the pages come in', () => {
    const served = FEATURES.flatMap((feature) => ('pages' in feature ? feature.pages : []));
    const paths = (list: readonly PageEntry[]) => pageLoader(list).nav.map((link) => link.path);
    expect(paths(PAGES)).toEqual(paths(served));
    expect(paths([...served].reverse())).toEqual(paths(served));
    expect(paths(served)).toContain('/applications');
  });
});
