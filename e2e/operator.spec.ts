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

describe('an operator', () => {
  it('invites an assessor, who follows the link from the outbox, creates the account and makes an API token', async () => {
    const operator = await browsing.page();
    await signIn(operator, 'ola@demo.klynge.example', 'demo-operator-2026', '/invitations');
    const email = `eva-${Date.now()}@example.test`;
    await operator.getByLabel('Navn', { exact: true }).fill('Eva Evaluator');
    await operator.getByLabel('E-postadresse').fill(email);
    await operator.getByLabel('Rolle').selectOption('assessor');
    await operator.getByRole('button', { name: 'Send invitasjon' }).click();
    // Without an SMTP server nothing is sent: the page says so rather than "sent".
    await operator
      .getByText(`Invitasjonen til ${email} ligger i utboksen og er ikke sendt`, { exact: false })
      .waitFor();
    await operator.getByTestId('invitation-table').getByText(email).waitFor();
    await waitForNavigation(operator);
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);

    // Without an SMTP server the message stays in the outbox, where the operator reads it.
    await operator.getByRole('link', { name: 'Utboks', exact: true }).click();
    await operator.waitForURL('**/outbox');
    await waitForNavigation(operator);
    const message = operator.getByTestId('outbox-list').locator('details', { hasText: email }).first();
    await message.locator('summary').click();
    const body = await message.locator('pre').textContent();
    const link = /\/invitations\/[A-Za-z0-9_-]{43}/.exec(body ?? '')?.[0];
    expect(link).toBeDefined();
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);

    const invited = await browsing.page();
    await invited.goto(link!);
    await waitForHydration(invited);
    await invited.getByText('Fagvurderer').waitFor();
    await invited.getByLabel('Velg passord').fill('short');
    await invited.getByRole('button', { name: 'Opprett konto' }).click();
    expect(await invited.getByRole('alert').textContent()).toContain('12');
    await invited.getByLabel('Velg passord').fill('evaluating clusters since spring');
    await invited.getByRole('button', { name: 'Opprett konto' }).click();
    await invited.waitForURL('**/account');
    await waitForHydration(invited);
    expect(await invited.getByTestId('signed-in-as').textContent()).toBe('Innlogget som Eva Evaluator');
    expect(await invited.getByTestId('session-table').getByText('Denne økten').count()).toBe(1);

    await invited.getByLabel('Navn', { exact: true }).fill('Rapportverktøy');
    await invited.getByRole('button', { name: 'Lag API-nøkkel' }).click();
    const token = await invited.getByTestId('new-token').locator('code').textContent();
    expect(token).toMatch(/^klynge_/);
    const me = await fetch(`${browsing.baseUrl}/api/auth/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await me.json()).toMatchObject({ email, tokenPermissions: [] });
    await invited.getByTestId('token-table').getByText('Rapportverktøy').waitFor();
    await waitForNavigation(invited);
    expect(await seriousAccessibilityViolations(invited)).toEqual([]);

    await invited.getByTestId('log-out-everywhere').click();
    await invited.waitForURL('**/login');
    await waitForHydration(invited);
    await invited.goto('/account');
    await invited.getByText('Logg inn for å se siden').waitFor();

    // The one failed request is the expected 422 for the too-short password.
    expect(pageErrors(invited)).toEqual([
      expect.stringContaining('status of 422'),
      expect.stringContaining('status of 401'),
    ]);
    expect(pageErrors(operator)).toEqual([]);
  });

  it('resets a forgotten password through the link in the outbox', async () => {
    const person = await browsing.page();
    await person.goto('/login');
    await waitForHydration(person);
    await person.getByRole('link', { name: 'Glemt passordet?' }).click();
    await person.waitForURL('**/reset-password');
    await waitForNavigation(person);
    await person.getByLabel('E-postadresse').fill('aud@demo.klynge.example');
    await person.getByRole('button', { name: 'Send lenke' }).click();
    await person.getByText('Har adressen en konto').waitFor();

    const operator = await browsing.page();
    await signIn(operator, 'ola@demo.klynge.example', 'demo-operator-2026', '/outbox');
    const message = operator
      .getByTestId('outbox-list')
      .locator('details', { hasText: 'aud@demo.klynge.example' })
      .first();
    await message.locator('summary').click();
    const link = /\/reset-password\/[A-Za-z0-9_-]{43}/.exec(
      (await message.locator('pre').textContent()) ?? '',
    )?.[0];

    await person.goto(link!);
    await waitForHydration(person);
    await person.getByLabel('Velg passord').fill('a brand new assessor passphrase');
    await person.getByRole('button', { name: 'Lagre passord' }).click();
    await person.waitForURL('**/account');
    await waitForHydration(person);
    expect(await person.getByTestId('signed-in-as').textContent()).toContain('Innlogget som');
    expect(pageErrors(person)).toEqual([]);
  });
});
