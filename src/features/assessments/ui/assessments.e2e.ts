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

// The demo's panel of 2021: Aud Assessor's organisation is a partner of Arctic Cluster Team, whose
// application waits for her declaration; Brage Bedømmer's waits on Solenergiklyngen's.

/** Text as a reader sees it: the non-breaking spaces of numbers as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

describe('assessment', () => {
  it('an assessor sees a detected link, declares no conflict and scores with the weighted total live', async () => {
    const aud = await browsing.page();
    await signIn(aud, 'aud@demo.klynge.example', 'demo-assessor-2026');
    await aud.getByRole('link', { name: 'Mine vurderinger' }).click();
    await aud.waitForURL('**/assessments');
    await waitForNavigation(aud);
    await aud.getByTestId('assessment-queue').getByRole('link', { name: 'Arctic Cluster Team' }).click();
    await aud.waitForURL(/\/assessments\/[0-9a-f-]+$/);
    await waitForNavigation(aud);

    const links = aud.getByTestId('conflict-links');
    await expect.poll(() => links.locator('li').count()).toBe(2);
    expect(plain(await links.textContent())).toContain('er selv med i søknaden (partner)');
    expect(plain(await links.textContent())).toContain('er partner i klyngen som søker');
    // Nothing of the application is shown before the declaration.
    expect(await aud.getByRole('heading', { name: 'Søknaden' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(aud)).toEqual([]);

    // With links found, "no conflict" needs a reason.
    await aud.getByLabel('Jeg er ikke inhabil').check();
    await aud.getByRole('button', { name: 'Send erklæringen' }).click();
    await expect.poll(() => aud.getByRole('alert').textContent()).toContain('Begrunnelse');
    await aud
      .getByLabel('Begrunnelse')
      .fill('Jeg arbeider i en annen avdeling og har ikke vært med på søknaden.');
    await aud.getByRole('button', { name: 'Send erklæringen' }).click();
    await aud.getByTestId('declaration-made').waitFor();
    await aud.getByRole('heading', { name: 'Søknaden' }).waitFor();

    const form = aud.getByTestId('scoring-form');
    expect(await aud.getByTestId('weighted-total').textContent()).toBe('Ingen poeng gitt ennå');
    // Value creation (weight 30, 1–7) at 4: 30·3/6 over 30 is 50 %.
    await form.getByLabel('Poeng for Potensial for verdiskaping').selectOption('4');
    expect(plain(await aud.getByTestId('weighted-total').textContent())).toBe('50 %');
    // Not applicable is left out of the total, never counted as zero.
    await form.getByLabel('Poeng for Ressursgrunnlag').selectOption('na');
    expect(plain(await aud.getByTestId('weighted-total').textContent())).toBe('50 %');
    await form.getByLabel('Poeng for Strategi og aktiviteter').selectOption('7');
    await form.getByLabel('Poeng for Organisering og gjennomføringsevne').selectOption('4');
    await form.getByLabel('Poeng for Nasjonal betydning').selectOption('1');
    await form.getByLabel('Kommentar til Potensial for verdiskaping').fill('Tydelige mål, godt underbygget.');
    // (30·3/6 + 25·1 + 20·1 + 20·0) / 95 = 63.16 %.
    expect(plain(await aud.getByTestId('weighted-total').textContent())).toBe('63,16 %');
    expect(await aud.getByTestId('others-hidden').count()).toBe(1);
    await form.getByRole('button', { name: 'Fullfør vurderingen' }).click();
    await aud.getByRole('button', { name: 'Åpne vurderingen igjen' }).waitFor();
    expect(await aud.getByTestId('assessment-status').textContent()).toBe('Fullført');
    // Completed: the other assessor's scores show.
    expect(plain(await aud.getByTestId('other-assessments').textContent())).toContain('Cecilie Sakkyndig');
    // The one refusal was the declaration without a reason.
    expect(pageErrors(aud).filter((error) => !error.includes('422'))).toEqual([]);
  });

  it('a second assessor declares a conflict and can no longer open the application', async () => {
    const brage = await browsing.page();
    await signIn(brage, 'brage@demo.klynge.example', 'demo-assessor-2026', '/assessments');
    await brage.getByTestId('assessment-queue').getByRole('link', { name: 'Solenergiklyngen' }).click();
    await brage.waitForURL(/\/assessments\/[0-9a-f-]+$/);
    await waitForNavigation(brage);
    const address = brage.url();
    expect(await brage.getByTestId('conflict-links').locator('li').count()).toBeGreaterThan(0);
    await brage.getByLabel('Jeg er inhabil').check();
    await brage.getByLabel('Begrunnelse').fill('Jeg er ansatt hos en av partnerne.');
    await brage.getByRole('button', { name: 'Send erklæringen' }).click();
    await brage.getByTestId('conflict-declared').waitFor();

    const again = await brage.goto(address);
    expect(again?.status()).toBe(404);
    await brage.goto('/assessments');
    await waitForHydration(brage);
    expect(
      await brage.getByTestId('assessment-queue').getByRole('link', { name: 'Solenergiklyngen' }).count(),
    ).toBe(0);
    expect(pageErrors(brage).filter((error) => !error.includes('404'))).toEqual([]);
  });

  it('programme staff read the panel ranking, who declared what, and download it as CSV, without JavaScript too', async () => {
    const calls = await (await fetch(`${browsing.baseUrl}/api/calls?status=closed`)).json();
    const call = calls.items.find((item: { deadlineAt: string }) => item.deadlineAt.startsWith('2021'));
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', `/calls/${call.id}`);
    await staff.getByRole('link', { name: 'Vurderingspanelet' }).click();
    await staff.waitForURL(`**/calls/${call.id}/panel`);
    await waitForNavigation(staff);
    const pro = staff.locator('[data-testid="panel-ranking"][data-level="arena_pro"]');
    const rows = pro.getByTestId('panel-row');
    expect(await rows.count()).toBe(4);
    expect(plain(await rows.nth(0).locator('td').first().textContent())).toBe('1');
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);

    const act = staff.locator('details', {
      hasText: 'Vurderinger, innstilling og intervjunotater for Arctic Cluster Team',
    });
    await act.locator('summary').click();
    const declarations = plain(await act.getByTestId('panel-assessors').textContent());
    expect(declarations).toContain('Inhabil: Jeg satt i styret til vertsorganisasjonen fram til i fjor.');

    await staff.getByRole('link', { name: 'Tildel vurderere' }).click();
    await staff.waitForURL(`**/calls/${call.id}/assessors`);
    await waitForNavigation(staff);
    expect(await staff.getByTestId('spread-form').getByRole('checkbox').count()).toBeGreaterThanOrEqual(3);
    expect(plain(await staff.getByTestId('assignments').textContent())).toContain('Brage Bedømmer');
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);

    const csv = await staff.request.get(`/api/calls/${call.id}/panel.csv`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toContain('weighted_total_percent');

    const cookies = await staff.context().cookies();
    const reader = await browsing.page({ javaScriptEnabled: false });
    await reader.context().addCookies(cookies);
    await reader.goto(`/calls/${call.id}/panel`);
    expect(
      await reader
        .locator('[data-testid="panel-ranking"][data-level="arena"] [data-testid="panel-row"]')
        .count(),
    ).toBe(2);
    expect(pageErrors(staff)).toEqual([]);
  });
});
