import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  signIn,
  waitForNavigation,
} from '../../../../e2e/fixtures';

// Kystlogistikk Arena is in the middle of its first Arena period, which no other journey reads.
// Its extension adds a year with no grant, so no year's frame or the budget's scenarios change.
const browsing = setupBrowser();
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const SLUG = 'kystlogistikk-arena';

describe("extending a cluster's period", () => {
  it("staff follow the profile's link, extend the Arena period by one year and see it extended", async () => {
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', `/clusters/${SLUG}`);
    await staff.getByTestId('extend-link').click();
    await staff.waitForURL(`**/clusters/${SLUG}/extend`);
    await waitForNavigation(staff);
    const period = staff.getByTestId('engagement').first();
    expect(plain(await period.textContent())).toContain('Kan forlenges med inntil 2 år.');
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);

    const form = period.getByTestId('extend-form');
    await form.getByLabel('Antall år som legges til').fill('1');
    await form.getByLabel(/Tilsagn per år som legges til/).fill('0');
    await form.getByRole('button', { name: 'Forleng perioden' }).click();
    await staff.getByTestId('extend-done').waitFor();
    expect(plain(await staff.getByTestId('extend-done').textContent())).toMatch(/forlenget til/);
    await staff.getByTestId('extended-to').waitFor();
    expect(await staff.getByTestId('extend-form').count()).toBe(0);

    // The profile's level history shows the new end.
    const year = Number(
      plain(await staff.getByTestId('extended-to').textContent()).match(/\d{4}/)?.[0] ?? Number.NaN,
    );
    const profile = await (await fetch(`${browsing.baseUrl}/api/clusters/${SLUG}`)).json();
    expect(profile.levelHistory.at(-1).extendedToOn.slice(0, 4)).toBe(String(year));
    expect(pageErrors(staff)).toEqual([]);
  });
});
