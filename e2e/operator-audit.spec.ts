import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  waitForHydration,
  waitForNavigation,
} from './fixtures';

const browsing = setupBrowser();

/** An organisation in the register copy, to classify by hand. */
async function someOrganisation(baseUrl: string): Promise<{ orgnr: string; name: string }> {
  const page = await (await fetch(`${baseUrl}/api/organisations?county=18&pageSize=1`)).json();
  return page.items[0];
}

describe('an operator', () => {
  it('classifies an organisation, finds the change in the audit log, filters it and downloads it as CSV', async () => {
    const page = await browsing.page();
    const organisation = await someOrganisation(browsing.baseUrl);

    await page.goto(`/login?next=${encodeURIComponent(`/organisations/${organisation.orgnr}`)}`);
    await waitForHydration(page);
    expect(await page.getByRole('link', { name: 'Revisjonslogg' }).count()).toBe(0);
    await page.getByLabel('E-postadresse').fill('ola@demo.klynge.example');
    await page.getByLabel('Passord').fill('demo-operator-2026');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL(`**/organisations/${organisation.orgnr}`);
    await waitForHydration(page);

    await page.getByLabel('Aktørtype', { exact: true }).selectOption('research');
    await page.getByRole('button', { name: 'Lagre aktørtype' }).click();
    await page.getByText('Aktørtypen er lagret.').waitFor();
    await waitForNavigation(page);

    await page.getByRole('link', { name: 'Revisjonslogg' }).click();
    await page.waitForURL('**/audit');
    await waitForNavigation(page);
    expect(await page.locator('h1').textContent()).toBe('Revisjonslogg');

    await page.getByLabel('Handling').selectOption('organisation.actor_type_overridden');
    await page.getByLabel('Objekt-ID').fill(organisation.orgnr);
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/action=organisation\.actor_type_overridden/);
    await waitForNavigation(page);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain('Ola Operatør');
    // The change names the organisation as people know it, not by its number.
    expect(row).toContain(organisation.name);
    expect(row).toContain('research');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^klynge-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Ola Operatør');
    expect(lines[1]).toContain(organisation.orgnr);
    expect(pageErrors(page)).toEqual([]);
  });

  it('finds a person, downloads their data and erases them after typing their address', async () => {
    const page = await browsing.page();
    await page.goto('/login?next=%2Fpeople');
    await waitForHydration(page);
    await page.getByLabel('E-postadresse').fill('ola@demo.klynge.example');
    await page.getByLabel('Passord').fill('demo-operator-2026');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL('**/people');
    await waitForHydration(page);

    await page.getByLabel('Navn eller e-postadresse').fill('siri');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.waitForURL(/q=siri/);
    await waitForNavigation(page);
    await page.getByRole('link', { name: 'Siri Stab' }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await waitForNavigation(page);
    expect(await page.locator('h1').textContent()).toBe('Siri Stab');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('person-export').click(),
    ]);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data.person.name).toBe('Siri Stab');
    expect(data.account.email).toBe('siri@demo.klynge.example');

    await page.getByRole('button', { name: 'Slett personen …' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Skriv e-postadressen til personen for å bekrefte').fill('someone@else.example');
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').innerText()).toContain('e-mail');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await dialog
      .getByLabel('Skriv e-postadressen til personen for å bekrefte')
      .fill('siri@demo.klynge.example');
    await dialog.getByRole('button', { name: 'Slett for godt' }).click();
    await page.locator('h1', { hasText: 'Slettet person' }).waitFor();
    await waitForNavigation(page);
    expect(await page.getByText('siri@demo.klynge.example').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Slett personen …' }).count()).toBe(0);

    const login = await fetch(`${browsing.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: browsing.baseUrl },
      body: JSON.stringify({ email: 'siri@demo.klynge.example', password: 'demo-staff-2026' }),
    });
    expect(login.status).toBe(401);
    // The one failed request is the expected 422 for the mistyped confirmation.
    expect(pageErrors(page)).toEqual([expect.stringContaining('status of 422')]);
  });
});
