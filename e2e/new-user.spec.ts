import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageErrors, setupBrowser, signIn, waitForHydration, waitForNavigation } from './fixtures';

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

  it('shows the audit trail with names rather than ids, and each change as before → after', async () => {
    const page = await browsing.page();
    await signIn(page, 'pia@demo.klynge.example', 'demo-programme-2026', '/audit?action=account.created');
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    const kim = rows.filter({ hasText: 'Kim Klyngeleder' }).first();
    const text = await kim.innerText();
    expect(text).toContain('Kim Klyngeleder (account)');
    expect(text).toMatch(/grants\s+\(tom\)\s+→\s+\(role: cluster_manager; cluster: Arctic Cluster Team\)/);
    const all = await page.getByTestId('audit-table').innerText();
    expect(all).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(all).not.toMatch(/[{}"]/);
  });

  it('says where an invitation’s mail is, and lets an operator follow it to the outbox', async () => {
    const page = await browsing.page();
    await signIn(page, 'ola@demo.klynge.example', 'demo-operator-2026', '/invitations');
    const email = `mail-state-${Date.now()}@example.test`;
    await invite(page, { name: 'Marte Mottaker', email, role: 'assessor' });
    // The demo runs without an SMTP server: the page says the mail only sits in the outbox.
    const done = page.getByRole('status');
    await done
      .getByText(`Invitasjonen til ${email} ligger i utboksen og er ikke sendt`, { exact: false })
      .waitFor();
    expect(await done.innerText()).not.toContain('er sendt til');
    await waitForNavigation(page);
    const row = page.getByTestId('invitation-table').locator('tr', { hasText: email });
    expect(await row.getByTestId('invitation-mail').innerText()).toContain('Bare i utboksen');

    await row.getByRole('link', { name: 'Se i utboksen' }).click();
    await page.waitForURL(/\/outbox\?id=/);
    await waitForNavigation(page);
    const messages = page.getByTestId('outbox-list').locator('li');
    expect(await messages.count()).toBe(1);
    const state = await messages.first().getByTestId('outbox-message-state').innerText();
    expect(state).toMatch(/Status\s+Bare i utboksen/);
    expect(state).toMatch(/Forsøk på å sende\s+0/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('writes an invitation in the language chosen for the person, with a date in that language', async () => {
    const page = await browsing.page();
    await signIn(page, 'ola@demo.klynge.example', 'demo-operator-2026', '/invitations');
    const email = `english-${Date.now()}@example.test`;
    await invite(page, { name: 'Emma English', email, role: 'assessor', language: 'en' });
    await page.getByRole('status').waitFor();
    await waitForNavigation(page);
    const row = page.getByTestId('invitation-table').locator('tr', { hasText: email });
    await row.getByRole('link', { name: 'Se i utboksen' }).click();
    await page.waitForURL(/\/outbox\?id=/);
    await waitForNavigation(page);
    const body = await page.getByTestId('outbox-list').locator('pre').first().innerText();
    expect(body).toMatch(/^Hello Emma English,/);
    expect(body).toMatch(
      /until \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2} Norwegian time/,
    );
    expect(body).not.toMatch(
      /januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember/,
    );
  });

  it('lets a cluster manager pick the cluster from their own, and an operator from every cluster', async () => {
    const manager = await browsing.page();
    await signIn(manager, 'kim@demo.klynge.example', 'demo-manager-2026', '/invitations');
    expect(await manager.getByLabel('Rolle').inputValue()).toBe('cluster_staff');
    const own = await manager.getByLabel('Klynge', { exact: true }).locator('option').allInnerTexts();
    expect(own).toEqual(['Arctic Cluster Team']);
    const email = `staff-${Date.now()}@example.test`;
    await invite(manager, { name: 'Stine Stab', email });
    await manager.getByRole('status').waitFor();
    await waitForNavigation(manager);
    expect(
      await manager.getByTestId('invitation-table').locator('tr', { hasText: email }).innerText(),
    ).toContain('Arctic Cluster Team');

    const operator = await browsing.page();
    await signIn(operator, 'ola@demo.klynge.example', 'demo-operator-2026', '/invitations');
    await operator.getByLabel('Rolle').selectOption('cluster_manager');
    const every = await operator.getByLabel('Klynge', { exact: true }).locator('option').allInnerTexts();
    expect(every).toContain('Arctic Cluster Team');
    expect(every.length).toBeGreaterThan(5);
    expect(pageErrors(manager)).toEqual([]);
  });

  it('lands on a home page after signing in, with the person’s clusters and what they can do there', async () => {
    const manager = await browsing.page();
    await signInFromFrontPage(manager, 'kim@demo.klynge.example', 'demo-manager-2026');
    const cluster = manager.getByTestId('my-cluster').filter({ hasText: 'Arctic Cluster Team' });
    const actions = await cluster.getByRole('link').allInnerTexts();
    expect(actions).toEqual([
      'Se klyngeprofilen',
      'Rediger klyngeprofilen',
      'Partnere',
      'Inviter medarbeidere',
      'Endringslogg for klyngen',
    ]);
    expect(await manager.getByTestId('programme-tasks').count()).toBe(0);
    await cluster.getByRole('link', { name: 'Inviter medarbeidere' }).click();
    await manager.waitForURL('**/invitations?role=cluster_staff&cluster=arctic-cluster-team');
    await waitForNavigation(manager);
    expect(await manager.getByLabel('Klynge', { exact: true }).inputValue()).toBe('arctic-cluster-team');

    const staff = await browsing.page();
    await signInFromFrontPage(staff, 'pia@demo.klynge.example', 'demo-programme-2026');
    const tasks = await staff.getByTestId('programme-tasks').getByRole('link').allInnerTexts();
    expect(tasks).toEqual(['Utlysninger', 'Virksomheter og aktørtyper', 'Endringslogg']);
    expect(pageErrors(manager)).toEqual([]);
    expect(pageErrors(staff)).toEqual([]);
  });
});

/** Fills the invite form and sends it; the role and the cluster stay as the form offers them unless given. */
async function invite(
  page: Page,
  input: { name: string; email: string; role?: string; language?: 'nb' | 'en' },
): Promise<void> {
  await page.getByLabel('Navn', { exact: true }).fill(input.name);
  await page.getByLabel('E-postadresse').fill(input.email);
  if (input.role) await page.getByLabel('Rolle').selectOption(input.role);
  if (input.language) await page.getByLabel('Språk i e-posten').selectOption(input.language);
  await page.getByRole('button', { name: 'Send invitasjon' }).click();
}

/** Signs in from the front page's link, which names no page to return to. */
async function signInFromFrontPage(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await page.waitForURL('**/login');
  await waitForNavigation(page);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL('**/home');
  await waitForHydration(page);
}
