import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  signIn,
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
    await page.getByLabel('Rolle', { exact: true }).selectOption('core_partner');
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

  it("edits the cluster's profile, changes a partner's role, ends a partnership and finds it all in the audit log", async () => {
    const page = await browsing.page();
    await signIn(page, 'kim@demo.klynge.example', 'demo-manager-2026', '/clusters/arctic-cluster-team');

    await page.getByTestId('edit-cluster').click();
    await page.waitForURL('**/clusters/arctic-cluster-team/edit');
    await waitForNavigation(page);
    // The name and the status are the programme's: not offered to a cluster manager.
    expect(await page.getByLabel('Navn', { exact: true }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A bad address is answered by field, and nothing is saved.
    await page.getByLabel('Kortnavn').fill('ACT');
    await page.getByLabel('Nettsted').fill('ftp://arcticclusterteam.example');
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByText(/Nettsted: must start with http/).waitFor();
    await page.getByLabel('Nettsted').fill('https://arcticclusterteam.example');
    await page.getByLabel('Satsingsområder').fill('Prosessindustri | Process industry\nHavvind');
    await page.getByLabel('Troms', { exact: true }).check();
    await page.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.waitForURL(/\/clusters\/arctic-cluster-team$/);
    await waitForNavigation(page);
    expect(await page.locator('h1').textContent()).toContain('(ACT)');
    expect(await page.locator('.focus-areas').innerText()).toContain('Prosessindustri');
    expect(await page.locator('.facts').first().innerText()).toContain('Troms');

    // The first partner in the list becomes an associate; the second leaves today.
    const rows = page.getByTestId('member-table').locator('tbody tr');
    const first = (await rows.nth(0).locator('a').first().innerText()).trim();
    await page.getByLabel(`Rolle for ${first}`).selectOption('associate');
    await page.waitForFunction(
      (name) =>
        [...document.querySelectorAll<HTMLSelectElement>('[data-testid="member-table"] select')].some(
          (s) => s.getAttribute('aria-label') === `Rolle for ${name}` && s.value === 'associate',
        ),
      first,
    );
    await waitForNavigation(page);
    const second = (await rows.nth(1).locator('a').first().innerText()).trim();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Avslutt partnerskapet med ${second}` }).click();
    await page
      .getByRole('button', { name: `Avslutt partnerskapet med ${second}` })
      .waitFor({ state: 'detached' });
    await waitForNavigation(page);

    await page.getByRole('link', { name: 'Revisjonslogg' }).click();
    await page.waitForURL('**/audit');
    await waitForNavigation(page);
    const trail = await page.getByTestId('audit-table').innerText();
    expect(trail).toContain('cluster.updated');
    expect(trail).toContain('membership.updated');
    expect(trail).toContain('https://arcticclusterteam.example');
    expect(trail).toContain('associate');
    expect(trail).toContain('Kim Klyngeleder');
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
