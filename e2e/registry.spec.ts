import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  waitForHydration,
  waitForNavigation,
} from './fixtures';

const browsing = setupBrowser();

describe('a visitor browses the public cluster registry', () => {
  it('searches for "arctic", filters by level, opens a profile, reads its level history and switches to English', async () => {
    const page = await browsing.page();
    await page.goto('/');
    await waitForHydration(page);
    expect(await page.locator('h1').textContent()).toBe('Klynger');
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');

    await page.getByLabel('Søk i klynger').fill('arctic');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.waitForURL(/\?q=arctic/);
    await waitForNavigation(page);
    const rows = page.getByTestId('cluster-table').locator('tbody tr');
    expect(await rows.first().locator('a').textContent()).toBe('Arctic Cluster Team');

    await page.getByLabel('Søk i klynger').fill('');
    await page.getByLabel('Nivå').selectOption('arena_pro');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.waitForURL(/level=arena_pro/);
    await waitForNavigation(page);
    const levels = await page.getByTestId('cluster-table').locator('tbody tr [data-level]').allTextContents();
    expect(levels.length).toBeGreaterThan(3);
    expect(new Set(levels)).toEqual(new Set(['Arena Pro']));

    await page.goto('/?q=arctic');
    await waitForHydration(page);
    await page.getByRole('link', { name: 'Arctic Cluster Team' }).click();
    await page.waitForURL('**/clusters/arctic-cluster-team');
    await waitForNavigation(page);
    expect(await page.locator('h1').textContent()).toContain('Arctic Cluster Team');
    const history = await page
      .getByTestId('level-history')
      .locator('tbody tr td:first-child')
      .allTextContents();
    expect(history[0]).toBe('Arena');
    expect(history[1]).toBe('Arena Pro');
    expect(await page.getByRole('heading', { name: 'Nivåhistorikk' }).count()).toBe(1);

    await page.getByTestId('language-switch').click();
    await page.waitForURL(/lang=en/);
    await waitForNavigation(page);
    expect(await page.getByRole('heading', { name: 'Level history' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('language-switch').textContent()).toBe('Norsk');

    // The choice is remembered: a fresh load without ?lang= stays English.
    await page.goto('/clusters/energi-i-nord');
    expect(await page.locator('h1').textContent()).toContain('Energi i Nord');
    expect(await page.getByRole('heading', { name: 'Level history' }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  it('follows a partner from a cluster profile to its organisation page and back', async () => {
    const page = await browsing.page();
    await page.goto('/clusters/arctic-cluster-team');
    await waitForHydration(page);
    const first = page.getByTestId('member-table').locator('tbody tr a').first();
    const name = await first.textContent();
    await first.click();
    await page.waitForURL(/\/organisations\/\d{9}$/);
    await waitForNavigation(page);
    expect(await page.locator('h1').textContent()).toBe(name);
    await page.getByRole('link', { name: 'Arctic Cluster Team' }).click();
    await page.waitForURL('**/clusters/arctic-cluster-team');
    await page.goBack();
    await page.waitForURL(/\/organisations\//);
    await waitForNavigation(page);
    expect(await page.locator('h1').textContent()).toBe(name);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows a "not found" page with status 404 for an unknown cluster', async () => {
    const page = await browsing.page();
    const response = await page.goto('/clusters/finnes-ikke');
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Fant ikke siden');
  });
});

describe('a visitor looks up an organisation', () => {
  it('searches the register copy by name and opens the organisation', async () => {
    const page = await browsing.page();
    await page.goto('/');
    await waitForHydration(page);
    await page.getByRole('link', { name: 'Virksomheter' }).click();
    await page.waitForURL('**/organisations');
    await waitForNavigation(page);
    await page.getByLabel('Navn eller organisasjonsnummer').fill('forskningssenter');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.waitForURL(/q=forskningssenter/);
    await waitForNavigation(page);
    const first = page.getByTestId('organisation-table').locator('tbody tr a').first();
    const name = await first.textContent();
    expect(name).toMatch(/Forskningssenter/);
    await first.click();
    await page.waitForURL(/\/organisations\/\d{9}$/);
    await waitForNavigation(page);
    expect(await page.locator('h1').textContent()).toBe(name);
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('renders a cluster profile with its name and level history', async () => {
    const page = await browsing.page({ javaScriptEnabled: false });
    await page.goto('/clusters/havbruksnettverk-helgeland');
    expect(await page.locator('h1').textContent()).toContain('Havbruksnettverk Helgeland');
    expect(await page.getByTestId('level-history').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'NCE Aquatech Cluster' }).count()).toBe(1);
  });

  it('searches, filters and pages with plain forms and links', async () => {
    const page = await browsing.page({ javaScriptEnabled: false });
    await page.goto('/');
    await page.getByLabel('Søk i klynger').fill('havbruk');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.waitForURL(/q=havbruk/);
    expect(await page.getByRole('link', { name: 'Havbruksnettverk Helgeland' }).count()).toBe(1);
    await page.goto('/?pageSize=20');
    await page.getByRole('link', { name: /Neste/ }).click();
    await page.waitForURL(/page=2/);
    expect(await page.getByTestId('cluster-table').locator('tbody tr').count()).toBeGreaterThan(0);
  });
});

describe('accessibility', () => {
  for (const [name, path] of [
    ['the registry', '/'],
    ['a filtered registry', '/?level=arena&county=18'],
    ['a cluster profile', '/clusters/arctic-cluster-team'],
    ['a cluster profile in English', '/clusters/nce-aquatech-cluster?lang=en'],
    ['the not-found page', '/clusters/finnes-ikke'],
    ['the organisation search', '/organisations?q=nord'],
  ] as const) {
    it(`${name} has no serious or critical axe violations`, async () => {
      const page = await browsing.page();
      await page.goto(path);
      await waitForHydration(page);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });
  }

  it('an organisation page has no serious or critical axe violations', async () => {
    const page = await browsing.page();
    await page.goto('/clusters/energi-i-nord');
    await waitForHydration(page);
    const href = await page.getByTestId('member-table').locator('tbody tr a').first().getAttribute('href');
    await page.goto(href!);
    await waitForHydration(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });
});
