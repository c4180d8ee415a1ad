import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupBrowser, signIn } from './fixtures';

const browsing = setupBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** What the page shows: its id from the state the server embedded, or the status page's kind. */
async function pageId(page: Page): Promise<string> {
  const state = await page.evaluate(() => document.getElementById('klynge-state')?.textContent ?? '{}');
  const { state: shown } = JSON.parse(state) as { state?: { kind: string; id?: string } };
  return shown?.id ?? shown?.kind ?? 'unknown';
}

/** How far the page reaches past the screen's right edge, in CSS pixels (0 when it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Same-site links of the page that lead to pages (not the API, downloads or signing out). */
async function linksOf(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter((a) => !a.hasAttribute('download'))
      .map((a) => a.href),
  );
  const origin = new URL(page.url()).origin;
  return hrefs
    .map((href) => new URL(href))
    .filter((url) => url.origin === origin && !url.pathname.startsWith('/api/'))
    .map((url) => `${url.pathname}${url.search}`);
}

/**
 * Visits every kind of page reachable by links from the registry, one address each, and measures
 * it on a 390 px wide phone: a new feature's pages are found the same way, with no list to keep.
 */
async function crawl(page: Page, start: string[]): Promise<Record<string, number>> {
  const widths: Record<string, number> = {};
  const queue = [...start];
  const seen = new Set<string>();
  while (queue.length > 0 && seen.size < 80) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(path);
    if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
    const id = await pageId(page);
    if (id in widths) continue;
    widths[id] = await overflow(page);
    for (const link of await linksOf(page)) if (!seen.has(link)) queue.push(link);
  }
  return widths;
}

describe('on a 390 px wide phone', () => {
  it('no page reaches past the screen, signed out', async () => {
    const page = await browsing.page(PHONE);
    const widths = await crawl(page, ['/', '/organisations', '/login']);
    expect(Object.keys(widths).length).toBeGreaterThanOrEqual(5);
    expect(Object.entries(widths).filter(([, px]) => px > 0)).toEqual([]);
  });

  it('no page reaches past the screen, signed in as an operator, and signing out stays in reach', async () => {
    const page = await browsing.page(PHONE);
    await signIn(page, 'ola@demo.klynge.example', 'demo-operator-2026', '/account');
    const signOut = page.locator('header').getByRole('button', { name: 'Logg ut' });
    expect(await signOut.isVisible()).toBe(true);
    const box = await signOut.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    const widths = await crawl(page, [
      '/',
      '/home',
      '/account',
      '/invitations',
      '/outbox',
      '/audit',
      '/people',
    ]);
    expect(Object.keys(widths).length).toBeGreaterThanOrEqual(10);
    expect(Object.entries(widths).filter(([, px]) => px > 0)).toEqual([]);
  });
});
