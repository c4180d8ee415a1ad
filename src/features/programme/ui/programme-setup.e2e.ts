import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  signIn,
  waitForNavigation,
} from '../../../../e2e/fixtures';

const browsing = setupBrowser();

describe('the programme set-up page', () => {
  it('lets an operator admin change the programme and a level on a phone, naming a bad field by its label', async () => {
    const page = await browsing.page({ viewport: { width: 390, height: 844 } });
    await signIn(page, 'ola@demo.klynge.example', 'demo-operator-2026', '/programme/setup');
    await page.getByRole('heading', { name: 'Sett opp programmet' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Usable at 390 px: nothing on the page is wider than the screen (the levels table scrolls in its box).
    expect(await page.evaluate(() => document.querySelector('main')?.scrollWidth)).toBeLessThanOrEqual(390);

    // A wrong check digit is refused, named by the form's label rather than the API's path.
    const form = page.getByTestId('programme-form');
    const firstOperator = form.getByTestId('operator-row').first();
    await firstOperator.getByLabel('Organisasjonsnummer').fill('986399446');
    await form.getByRole('button', { name: 'Lagre programmet' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Operatør 1: Organisasjonsnummer: The check digit is wrong');

    // Put it right, change the description and the press contact's phone, and save.
    const description = `Det nasjonale klyngeprogrammet, endret ${Date.now()}.`;
    await firstOperator.getByLabel('Organisasjonsnummer').fill('986 399 445');
    await firstOperator.getByLabel('Pressekontaktens telefon').fill('+47 00 00 00 09');
    await form.getByLabel('Beskrivelse (bokmål)').fill(description);
    await form.getByRole('button', { name: 'Lagre programmet' }).click();
    await form.getByText('Programmet er lagret.').waitFor();
    await waitForNavigation(page);

    // One level, saved on its own.
    await page.getByRole('button', { name: 'Endre Hub-node' }).click();
    const levelForm = page.getByTestId('level-form');
    await levelForm.getByLabel('Mulig forlengelse (år)').fill('1');
    await levelForm.getByRole('checkbox', { name: /Finansiert/ }).uncheck();
    await levelForm.getByRole('button', { name: 'Lagre nivået' }).click();
    await levelForm.getByText('Hub-node er lagret.').waitFor();
    await waitForNavigation(page);
    const row = page.getByTestId('level-table').locator('[data-level="hub_node"] td');
    expect(await row.allTextContents()).toEqual(['Hub-node', '3', '1', '2022–', 'Ja', 'Nei', 'Endre']);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'klynge_session');
    const programme = await (
      await fetch(`${browsing.baseUrl}/api/programme`, {
        headers: { cookie: `klynge_session=${session?.value}` },
      })
    ).json();
    expect(programme.description.nb).toBe(description);
    expect(programme.operatorOrganisations[0]).toMatchObject({
      orgnr: '986399445',
      pressContact: { phone: '+47 00 00 00 09' },
    });
    expect(programme.levels.find((level: { code: string }) => level.code === 'hub_node')).toMatchObject({
      extensionYears: 1,
      funded: false,
    });
    // The one failed request is the expected 422 for the wrong check digit.
    expect(pageErrors(page)).toEqual([expect.stringContaining('status of 422')]);
  });

  it('shows anyone but an operator admin that they have no access', async () => {
    const page = await browsing.page();
    await signIn(page, 'pia@demo.klynge.example', 'demo-programme-2026', '/programme/setup');
    await page.getByText('Du har ikke tilgang').waitFor();
    expect(await page.getByTestId('programme-form').count()).toBe(0);
  });
});
