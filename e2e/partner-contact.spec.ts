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

async function signedIn(email: string, password: string, next: string) {
  const page = await browsing.page();
  await signIn(page, email, password, next);
  return page;
}

describe('a partner contact', () => {
  it("keeps their organisation's contact details, may change nothing else, and the change is on record", async () => {
    const page = await signedIn('per@demo.klynge.example', 'demo-partner-2026', '/account');

    // Their role names the organisation it is held for; the link leads to its page.
    const role = page.getByTestId('my-roles').locator('li').first();
    expect(await role.innerText()).toContain('Kontaktperson');
    const organisationName = (await role.locator('a').innerText()).trim();
    await role.locator('a').click();
    await page.waitForURL(/\/organisations\/\d{9}$/);
    await waitForNavigation(page);
    const orgnr = page.url().split('/').pop()!;
    expect(await page.locator('h1').textContent()).toContain(organisationName);

    // The browser checks the address itself; the phone number is the server's to refuse.
    await page.getByLabel('E-post', { exact: true }).fill('post@partner.example');
    await page.getByLabel('Telefon').fill('ring meg');
    await page.getByRole('button', { name: 'Lagre kontaktinformasjon' }).click();
    await page.getByText(/^Telefon: must be a phone number/).waitFor();
    await page.getByLabel('Telefon').fill('+47 75 00 00 00');
    await page.getByRole('button', { name: 'Lagre kontaktinformasjon' }).click();
    await page.getByText('Kontaktinformasjonen er lagret.').waitFor();
    await waitForNavigation(page);
    expect(await page.getByTestId('contact-panel').innerText()).toContain('post@partner.example');
    expect(await page.getByRole('button', { name: 'Lagre aktørtype' }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Nothing else is theirs: no profile editing or partner list changes, no audit log.
    await page.goto('/clusters/arctic-cluster-team');
    await waitForHydration(page);
    expect(await page.getByTestId('edit-cluster').count()).toBe(0);
    expect(await page.getByTestId('add-partner-form').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Revisjonslogg' }).count()).toBe(0);
    const editPage = await page.goto('/clusters/arctic-cluster-team/edit');
    expect(editPage?.status()).toBe(403);
    expect(await page.getByRole('heading', { name: 'Du har ikke tilgang' }).count()).toBe(1);
    const auditPage = await page.goto('/audit');
    expect(auditPage?.status()).toBe(403);
    // The failed requests of the journey: the 422 for the bad phone number, the two refused pages.
    expect(pageErrors(page)).toEqual([
      expect.stringContaining('status of 422'),
      expect.stringContaining('status of 403'),
      expect.stringContaining('status of 403'),
    ]);

    // Anonymous readers do not see the contact details at all.
    const anonymous = await browsing.page();
    await anonymous.goto(`/organisations/${orgnr}`);
    expect(await anonymous.getByTestId('contact-panel').count()).toBe(0);
    expect(await anonymous.content()).not.toContain('post@partner.example');

    // The operator finds the change, and who made it, in the audit log.
    const operator = await signedIn('ola@demo.klynge.example', 'demo-operator-2026', '/audit');
    await operator.getByLabel('Handling').selectOption('organisation.contact_updated');
    await operator.getByLabel('Objekt-ID').fill(orgnr);
    await operator.getByRole('button', { name: 'Vis', exact: true }).click();
    await operator.waitForURL(/action=organisation\.contact_updated/);
    await waitForNavigation(operator);
    const rows = operator.getByTestId('audit-table').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain('Per Partner');
    expect(row).toContain('post@partner.example');
  });
});
