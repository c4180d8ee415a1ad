import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  signIn,
  waitForHydration,
} from '../../../../e2e/fixtures';

const browsing = setupBrowser();

/** Text as a reader sees it: the non-breaking spaces of numbers as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

// Arctic Cluster Team in the demo: Arena from 2017, Arena Pro to 2025, then the mature-cluster
// sub-programme, which is not operating aid.
const SLUG = 'arctic-cluster-team';

describe('the state-aid clock', () => {
  it("programme staff read a cluster's clock with the periods that count", async () => {
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', `/clusters/${SLUG}/state-aid`);
    expect(await staff.locator('h1').textContent()).toBe('Statsstøtteklokke: Arctic Cluster Team');
    const clock = staff.getByTestId('state-aid-clock');
    expect(plain(await clock.textContent())).toMatch(/[\d,]+ av 10 år med driftsstøtte brukt/);
    const rows = staff.getByTestId('state-aid-engagements').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(plain(await rows.first().textContent())).toContain('Arena');
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);
    expect(pageErrors(staff)).toEqual([]);
  });

  it('an anonymous visitor is asked to sign in instead', async () => {
    const visitor = await browsing.page();
    const response = await visitor.goto(`/clusters/${SLUG}/state-aid`);
    expect(response?.status()).toBe(401);
    await waitForHydration(visitor);
    expect(await visitor.getByTestId('state-aid-clock').count()).toBe(0);
  });
});
