import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  waitForHydration,
  waitForNavigation,
} from './fixtures';

const browsing = setupBrowser();

/** An organisation in the register copy that is not yet a partner of Arctic Cluster Team. */
async function organisationOutsideAct(baseUrl: string): Promise<{ orgnr: string; name: string }> {
  const members = await (
    await fetch(`${baseUrl}/api/clusters/arctic-cluster-team/members?include=all&pageSize=100`)
  ).json();
  const taken = new Set(members.items.map((m: { organisation: { orgnr: string } }) => m.organisation.orgnr));
  const page = await (await fetch(`${baseUrl}/api/organisations?county=18&pageSize=100`)).json();
  return page.items.find((o: { orgnr: string }) => !taken.has(o.orgnr));
}

describe('a cluster manager', () => {
  it('signs in, adds a partner by organisation number and an unverified one by name, and signs out', async () => {
    const page = await browsing.page();
    const candidate = await organisationOutsideAct(browsing.baseUrl);

    await page.goto('/clusters/arctic-cluster-team');
    await waitForHydration(page);
    expect(await page.getByTestId('add-partner-form').count()).toBe(0);
    await page.getByRole('link', { name: 'Logg inn' }).click();
    await page.waitForURL(/\/login\?next=/);
    await waitForNavigation(page);
    await page.getByLabel('E-postadresse').fill('kim@demo.klynge.example');
    await page.getByLabel('Passord').fill('demo-manager-2026');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.waitForURL('**/clusters/arctic-cluster-team');
    await waitForHydration(page);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe('Innlogget som Kim Klyngeleder');

    const before = await page.getByRole('heading', { name: /Partnerliste/ }).textContent();
    await page.getByLabel('Organisasjonsnummer').fill(candidate.orgnr);
    await page.getByLabel('Rolle').selectOption('core_partner');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText(`${candidate.name} er lagt til som partner.`).waitFor();
    await page.waitForFunction((text) => !document.body.innerText.includes(text ?? ''), before);
    expect(await page.getByRole('heading', { name: /Partnerliste/ }).textContent()).not.toBe(before);

    await page.getByLabel('Organisasjonsnummer').fill('100000040');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByLabel('Navn på virksomheten').fill('Nyetablert Prosess AS');
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page.getByText('Nyetablert Prosess AS er lagt til som partner.').waitFor();
    expect(await page.getByText(/not in the register copy/).count()).toBe(1);

    // The list reloads after the write; scan the settled page, not the dimmed one in between.
    await waitForNavigation(page);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('link', { name: 'Logg inn' }).waitFor();
    expect(await page.getByTestId('add-partner-form').count()).toBe(0);
    // The one failed request is the expected 422 asking for the unregistered organisation's name.
    expect(pageErrors(page)).toEqual([expect.stringContaining('status of 422')]);
  });

  it('sees a clear message for a wrong password', async () => {
    const page = await browsing.page();
    await page.goto('/login');
    await waitForHydration(page);
    await page.getByLabel('E-postadresse').fill('kim@demo.klynge.example');
    await page.getByLabel('Passord').fill('not the right one');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('The e-mail address or the password is wrong.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
  });
});
