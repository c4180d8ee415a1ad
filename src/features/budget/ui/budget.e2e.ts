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

/** Text as a reader sees it: the no-break spaces of Norwegian numbers as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

// The demo's frames: 217 MNOK for 2021, 158 MNOK after the cut of 2022, 170 MNOK for 2024 and
// 172 MNOK for 2025, against the commitments the demo clusters' engagements imply.

describe('the budget ledger', () => {
  it('programme staff read the ledger year by year, and a 30 % cut lists the years that go over', async () => {
    const pia = await browsing.page();
    await signIn(pia, 'pia@demo.klynge.example', 'demo-programme-2026');
    await pia.getByRole('link', { name: 'Budsjett', exact: true }).click();
    await pia.waitForURL('**/budget');
    await waitForNavigation(pia);
    const ledger = pia.getByTestId('budget-ledger');
    await ledger.waitFor();
    const row = (year: number) => ledger.locator(`tr[data-year="${year}"]`);
    expect(plain(await row(2021).locator('td').first().textContent())).toBe('217 000 000');
    expect(plain(await row(2022).locator('td').first().textContent())).toBe('158 000 000');
    // Every year from the first committed one to the last is a row, in order.
    const years = await ledger
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-year'))));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years).toContain(2021);
    expect(years.at(-1)! - years[0]!).toBe(years.length - 1);
    expect(await seriousAccessibilityViolations(pia)).toEqual([]);

    await pia.getByRole('link', { name: 'Kuttscenarioer' }).click();
    await pia.waitForURL('**/budget/scenarios');
    await waitForNavigation(pia);
    await pia.getByLabel('Fra år').fill('2024');
    await pia.getByLabel('Kutt i prosent').fill('30');
    await pia.getByRole('button', { name: 'Vis scenario' }).click();
    await pia.waitForURL(/cutPercent=30/);
    const over = pia.getByTestId('scenario-over');
    await over.waitFor();
    const overYears = await over
      .locator('li')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-year'))));
    expect(overYears).toEqual([2024, 2025]);
    expect(plain(await over.textContent())).toContain('over rammen med');
    expect(await pia.getByTestId('scenario-affected').locator('tbody tr').count()).toBeGreaterThan(10);
    // Nothing changed: the ledger still shows the frame as entered.
    await pia.goto('/budget?from=2024&to=2024');
    await waitForHydration(pia);
    expect(
      plain(await pia.getByTestId('budget-ledger').locator('tr[data-year="2024"] td').first().textContent()),
    ).toBe('170 000 000');

    // From a demo cluster's profile to its commitments, year by year.
    await pia.goto('/clusters/arctic-cluster-team');
    await waitForHydration(pia);
    await pia.getByTestId('cluster-commitments-link').click();
    await pia.waitForURL('**/clusters/arctic-cluster-team/commitments');
    await waitForNavigation(pia);
    expect(await pia.getByTestId('cluster-commitments').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(pageErrors(pia)).toEqual([]);
  });
});
