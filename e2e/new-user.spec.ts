import { describe, expect, it } from 'vitest';
import { pageErrors, setupBrowser, signIn, waitForNavigation } from './fixtures';

const browsing = setupBrowser();

/** An organisation that is a partner of Arctic Cluster Team in the demo. */
async function actPartner(baseUrl: string): Promise<string> {
  const members = await (
    await fetch(`${baseUrl}/api/clusters/arctic-cluster-team/members?pageSize=1`)
  ).json();
  return members.items[0].organisation.orgnr;
}

describe('what a new user tripped over', () => {
  it('shows a success message only until the next change or action', async () => {
    const page = await browsing.page();
    const orgnr = await actPartner(browsing.baseUrl);
    await signIn(page, 'pia@demo.klynge.example', 'demo-programme-2026', `/organisations/${orgnr}`);
    const contactSaved = page.getByText('Kontaktinformasjonen er lagret.');
    const typeSaved = page.getByText('Aktørtypen er lagret.');

    await page.getByLabel('Telefon').fill('+47 75 00 00 01');
    await page.getByRole('button', { name: 'Lagre kontaktinformasjon' }).click();
    await contactSaved.waitFor();
    await waitForNavigation(page);
    // Typing again makes "saved" untrue: the message goes.
    await page.getByLabel('Telefon').fill('+47 75 00 00 02');
    await contactSaved.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Lagre kontaktinformasjon' }).click();
    await contactSaved.waitFor();
    await waitForNavigation(page);
    // Another action on the page: its own message shows, the earlier one does not stay beside it.
    await page.getByRole('button', { name: 'Lagre aktørtype' }).click();
    await typeSaved.waitFor();
    expect(await contactSaved.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  it('names a refused field by the label the form shows, not by the API’s path', async () => {
    const page = await browsing.page();
    await signIn(page, 'ola@demo.klynge.example', 'demo-operator-2026', '/invitations');
    await page.getByLabel('Navn', { exact: true }).fill('Ny Kontakt');
    await page.getByLabel('E-postadresse').fill('ny.kontakt@example.test');
    await page.getByLabel('Rolle').selectOption('partner_contact');
    // A valid number that names no organisation Klynge knows: the server refuses the field.
    await page.getByLabel('Organisasjonsnummer').fill('123456785');
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Invitasjonen ble ikke sendt').waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Organisasjonsnummer: no organisation with number 123456785 is known');
    expect(text).not.toMatch(/grants|body\./);
  });

  it('names organisation forms, and offers each way to sort the registry once', async () => {
    const page = await browsing.page();
    const organisations = await (
      await fetch(`${browsing.baseUrl}/api/organisations?actorType=public_development&pageSize=100`)
    ).json();
    const municipality = organisations.items.find(
      (o: { organisationForm: string }) => o.organisationForm === 'KOMM',
    );
    await page.goto(`/organisations/${municipality.orgnr}`);
    expect(await page.locator('dl.facts').innerText()).toMatch(/Organisasjonsform\s+Kommune \(KOMM\)/);

    await page.goto('/');
    const choices = await page.getByLabel('Sortering').locator('option').allInnerTexts();
    expect(choices).toEqual(['Relevans ved søk, ellers navn', 'Navn', 'Relevans']);
  });

  it('lets the audit log be filtered by picking an action from those it holds', async () => {
    const page = await browsing.page();
    await signIn(page, 'pia@demo.klynge.example', 'demo-programme-2026', '/audit');
    const actions = await page.getByLabel('Handling').locator('option').allInnerTexts();
    expect(actions[0]).toBe('Alle');
    expect(actions).toContain('account.created');
    await page.getByLabel('Handling').selectOption('account.created');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.waitForURL(/action=account\.created/);
    await waitForNavigation(page);
    const rows = await page.getByTestId('audit-table').locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.includes('account.created'))).toBe(true);
  });
});
