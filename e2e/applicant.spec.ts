import type { Page } from 'playwright-core';
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
const PHONE_WIDTH = 390;
const PHONE = { viewport: { width: PHONE_WIDTH, height: 844 }, isMobile: true, hasTouch: true };

/** Whether the page fits the phone's width: nothing to scroll sideways. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate((width) => document.documentElement.scrollWidth <= width, PHONE_WIDTH);
}

/** The link in the newest mail to the address, as an operator reads it in the outbox. */
async function linkFromOutbox(address: string, pattern: RegExp): Promise<string> {
  const operator = await browsing.page();
  await signIn(operator, 'ola@demo.klynge.example', 'demo-operator-2026', '/outbox');
  const message = operator.getByTestId('outbox-list').locator('details', { hasText: address }).first();
  await message.locator('summary').click();
  const link = pattern.exec((await message.locator('pre').textContent()) ?? '')?.[0];
  if (!link) throw new Error(`No link in the mail to ${address}.`);
  expect(pageErrors(operator)).toEqual([]);
  return link;
}

describe('an applicant on a phone', () => {
  it('signs up, lists an organisation, registers a forming network, and the public never sees it', async () => {
    const person = await browsing.page(PHONE);
    const email = `frida-${Date.now()}@example.test`;
    const network = `Tareklyngen Nord ${Date.now()}`;

    await person.goto('/login');
    await waitForHydration(person);
    await person.getByTestId('sign-up-link').click();
    await person.waitForURL('**/sign-up');
    await waitForNavigation(person);
    await person.getByLabel('Fullt navn').fill('Frida Fjære');
    await person.getByLabel('E-postadresse').fill(email);
    await person.getByRole('button', { name: 'Send meg lenken' }).click();
    await person.getByTestId('sign-up-sent').waitFor();
    expect(await fitsWidth(person)).toBe(true);
    expect(await seriousAccessibilityViolations(person)).toEqual([]);

    await person.goto(await linkFromOutbox(email, /\/sign-up\/[A-Za-z0-9_-]{43}/));
    await waitForHydration(person);
    await person.getByText('Frida Fjære').first().waitFor();
    expect(await fitsWidth(person)).toBe(true);
    expect(await seriousAccessibilityViolations(person)).toEqual([]);
    await person.getByLabel('Passord').fill('tare og tang hele året');
    await person.getByRole('button', { name: 'Opprett konto' }).click();
    await person.waitForURL('**/account');
    await waitForHydration(person);
    expect(await person.getByTestId('signed-in-as').textContent()).toBe('Innlogget som Frida Fjære');

    await person.getByLabel('Organisasjonsnummer').fill('923609016');
    await person.getByRole('button', { name: 'Legg til' }).click();
    await person.getByTestId('affiliations').getByRole('button', { name: 'Fjern 923609016' }).waitFor();
    await waitForNavigation(person);
    expect(await fitsWidth(person)).toBe(true);
    expect(await seriousAccessibilityViolations(person)).toEqual([]);

    await person.getByTestId('register-network-link').click();
    await person.waitForURL('**/clusters/register');
    await waitForNavigation(person);
    await person.getByLabel('Navn på nettverket').fill(network);
    await person.getByLabel('Nordland').check();
    await person.getByLabel('Jordbruk, skogbruk og fiske').check();
    await person.getByLabel('Vertsorganisasjonens organisasjonsnummer').fill('923609016');
    expect(await fitsWidth(person)).toBe(true);
    expect(await seriousAccessibilityViolations(person)).toEqual([]);
    await person.getByRole('button', { name: 'Registrer nettverket' }).click();
    await person.waitForURL(/\/clusters\/tareklyngen-nord-\d+$/);
    await waitForHydration(person);
    await person.getByTestId('forming-notice').waitFor();
    expect(await person.getByTestId('current-level').textContent()).toBe('Under etablering');
    await person.getByTestId('edit-cluster').waitFor();
    expect(await fitsWidth(person)).toBe(true);
    const profile = new URL(person.url()).pathname;

    // To anyone else it does not exist: no profile, and no hit in the registry.
    const visitor = await browsing.page();
    const hidden = await visitor.goto(profile);
    expect(hidden?.status()).toBe(404);
    await visitor.goto(`/?q=${encodeURIComponent(network)}`);
    await waitForHydration(visitor);
    await visitor.getByText('Ingen klynger passer til søket.').waitFor();

    expect(pageErrors(person)).toEqual([]);
    expect(pageErrors(visitor)).toEqual([expect.stringContaining('status of 404')]);
  });
});
