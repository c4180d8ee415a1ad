import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  signIn,
  waitForHydration,
  waitForNavigation,
} from '../../../../e2e/fixtures';

const browsing = setupBrowser();

/** Text as a reader sees it: the non-breaking spaces of numbers as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

// Arctic Cluster Team in the demo: Arena from 2017, Arena Pro to 2025, then the mature-cluster
// sub-programme, which is not operating aid.
const SLUG = 'arctic-cluster-team';
const USED = /[\d,]+ av 10 år med driftsstøtte brukt/;

describe('the state-aid clock', () => {
  it("programme staff see a cluster's clock on its profile and follow it to the periods that count", async () => {
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', `/clusters/${SLUG}`);
    const panel = staff.getByTestId('cluster-state-aid');
    expect(plain(await panel.textContent())).toMatch(USED);
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);

    await panel.getByRole('link', { name: 'Se periodene som teller' }).click();
    await staff.waitForURL(`**/clusters/${SLUG}/state-aid`);
    await waitForNavigation(staff);
    expect(await staff.locator('h1').textContent()).toBe('Statsstøtteklokke: Arctic Cluster Team');
    expect(plain(await staff.getByTestId('state-aid-clock').textContent())).toMatch(USED);
    const rows = staff.getByTestId('state-aid-engagements').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(plain(await rows.first().textContent())).toContain('Arena');
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);
    expect(pageErrors(staff)).toEqual([]);
  });

  it('an anonymous visitor sees the profile without the clock, and is asked to sign in for it', async () => {
    const visitor = await browsing.page();
    await visitor.goto('/?q=arctic');
    await waitForHydration(visitor);
    // Opened in the browser app, so that a refused request for the clock would show in the console.
    await visitor.getByRole('link', { name: 'Arctic Cluster Team' }).first().click();
    await visitor.waitForURL(`**/clusters/${SLUG}`);
    await waitForNavigation(visitor);
    expect(await visitor.locator('h1').textContent()).toContain('Arctic Cluster Team');
    expect(await visitor.getByTestId('cluster-state-aid').count()).toBe(0);
    expect(await visitor.getByText(USED).count()).toBe(0);
    expect(pageErrors(visitor)).toEqual([]);

    const clock = await visitor.goto(`/clusters/${SLUG}/state-aid`);
    expect(clock?.status()).toBe(401);
    await waitForHydration(visitor);
    expect(await visitor.getByTestId('state-aid-clock').count()).toBe(0);
  });
});
