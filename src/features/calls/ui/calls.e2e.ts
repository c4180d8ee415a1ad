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

// The server runs on the real clock, so the call's times lie in next year: opening in winter time
// and closing in summer time, across the change to summer time at the end of March.
const year = new Date().getFullYear() + 1;
const title = `Klyngeprogrammet ${year}: Arena Pro og Arena (e2e ${Date.now()})`;

/** Text as a reader sees it: the non-breaking spaces of numbers and dates as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

async function api(path: string) {
  const response = await fetch(`${browsing.baseUrl}${path}`);
  return response.json();
}

describe('calls', () => {
  it('programme staff write a call with weighted criteria and open it; an anonymous reader sees it without JavaScript', async () => {
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', '/calls');
    await staff.getByRole('link', { name: 'Ny utlysning' }).click();
    await staff.waitForURL('**/calls/new');
    await waitForNavigation(staff);

    await staff.getByLabel('Tittel på bokmål').fill(title);
    await staff.getByLabel('Tittel på engelsk').fill(`Cluster programme ${year}: Arena Pro and Arena`);
    await staff
      .getByLabel('Beskrivelse på bokmål')
      .fill('Utlysningen for nye klynger på Arena og Arena Pro.');
    await staff
      .getByLabel('Beskrivelse på engelsk')
      .fill('The call for new clusters at Arena and Arena Pro.');
    await staff.getByLabel('Åpner').fill(`${year}-03-02T09:00`);
    await staff.getByLabel('Informasjonsmøte').fill(`${year}-03-18T13:00`);
    await staff.getByLabel('Søknadsfrist').fill(`${year}-04-15T12:00`);
    await staff.getByLabel('Planlagt vedtak').fill(`${year}-06-15T12:00`);
    await staff.getByLabel('Arena Pro', { exact: true }).check();
    await staff.getByLabel('Midler til Arena Pro (kr)').fill('30000000');
    await staff.getByLabel('Arena', { exact: true }).check();
    await staff.getByLabel('Midler til Arena (kr)').fill('12000000');

    const rows = staff.getByTestId('criterion-row');
    const fillRow = async (
      index: number,
      nb: string,
      en: string,
      weight: string,
      min: string,
      max: string,
    ) => {
      const row = rows.nth(index);
      await row.getByLabel('Navn på bokmål').fill(nb);
      await row.getByLabel('Navn på engelsk').fill(en);
      await row.getByLabel('Vekt').fill(weight);
      await row.getByLabel('Skala fra').fill(min);
      await row.getByLabel('Skala til').fill(max);
    };
    await fillRow(0, 'Ressursgrunnlag', 'Resource base', '20', '0', '4');
    await staff.getByRole('button', { name: 'Legg til kriterium' }).click();
    await fillRow(1, 'Verdiskaping', 'Value creation', '30', '1', '7');
    await staff.getByRole('button', { name: 'Legg til kriterium' }).click();
    await fillRow(2, 'Skal bort', 'To go', '5', '1', '7');
    await staff.getByRole('button', { name: 'Legg til kriterium' }).click();
    await fillRow(3, 'Nasjonal betydning', 'National importance', '10', '1', '7');
    await rows.nth(3).getByLabel('Gjelder for').selectOption('arena_pro');
    await staff.getByRole('button', { name: 'Fjern kriterium 3' }).click();
    // Value creation first: what was typed moves with its row.
    await staff.getByRole('button', { name: 'Flytt kriterium 2 opp' }).click();
    expect(await rows.nth(0).getByLabel('Navn på bokmål').inputValue()).toBe('Verdiskaping');
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);

    await staff.getByRole('button', { name: 'Lagre utkastet' }).click();
    await staff.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    await waitForNavigation(staff);
    const id = staff.url().split('/').at(-1)!;
    expect(await staff.getByTestId('call-status').textContent()).toBe('Utkast');

    // Typed in Norwegian time: an hour ahead of UTC in March, two in April.
    const draft = await (await staff.request.get(`/api/calls/${id}`)).json();
    expect(draft).toMatchObject({
      opensAt: `${year}-03-02T08:00:00Z`,
      deadlineAt: `${year}-04-15T10:00:00Z`,
      levels: [
        { level: 'arena', moneyNok: 12_000_000 },
        { level: 'arena_pro', moneyNok: 30_000_000 },
      ],
    });
    expect(draft.criteria.map((c: { name: { nb: string } }) => c.name.nb)).toEqual([
      'Verdiskaping',
      'Ressursgrunnlag',
      'Nasjonal betydning',
    ]);
    // The anonymous reader does not see a draft.
    expect((await fetch(`${browsing.baseUrl}/api/calls/${id}`)).status).toBe(404);

    await staff.getByRole('button', { name: 'Åpne utlysningen' }).click();
    await staff.getByTestId('call-status').getByText('Åpen').waitFor();
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);
    expect(pageErrors(staff)).toEqual([]);

    const reader = await browsing.page({ javaScriptEnabled: false });
    await reader.goto('/calls');
    await reader.getByRole('link', { name: title }).click();
    await reader.waitForURL(`**/calls/${id}`);
    expect(await reader.locator('h1').textContent()).toBe(title);
    expect(await reader.getByTestId('call-status').textContent()).toBe('Åpen');
    const timeline = reader.getByTestId('call-timeline');
    expect(plain(await timeline.locator('[data-field=opensAt] dd').textContent())).toBe(
      `2. mars ${year}, 09:00:00`,
    );
    expect(plain(await timeline.locator('[data-field=deadlineAt] dd').textContent())).toBe(
      `15. apr. ${year}, 12:00:00`,
    );
    expect(plain(await reader.getByTestId('levels-table').textContent())).toContain('42 000 000 kr');
    // Arena Pro weighs 30 + 20 + 10, Arena 30 + 20.
    const shares = await reader
      .getByTestId('criteria-table')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('[data-share-level]')].map((td) => td.textContent ?? '')),
      );
    expect(shares.map((row) => row.map(plain))).toEqual([
      ['60 %', '50 %'],
      ['40 %', '33 %'],
      ['–', '17 %'],
    ]);
    expect(await reader.getByRole('button', { name: 'Åpne utlysningen' }).count()).toBe(0);

    await reader.goto(`/calls/${id}?lang=en`);
    expect(await reader.locator('h1').textContent()).toBe(`Cluster programme ${year}: Arena Pro and Arena`);
    expect(
      plain(await reader.getByTestId('call-timeline').locator('[data-field=deadlineAt] dd').textContent()),
    ).toBe(`15 Apr ${year}, 12:00:00`);
  });

  it('an operator extends the deadline of the open call with a reason', async () => {
    const { items } = await api('/api/calls?status=open&pageSize=100');
    const call = items.find((c: { title: { en: string } }) => c.title.en.includes('Hub-node'));
    const operator = await browsing.page();
    await signIn(operator, 'ola@demo.klynge.example', 'demo-operator-2026', `/calls/${call.id}`);
    const deadline = operator.getByLabel('Ny søknadsfrist (norsk tid)');
    const current = await deadline.inputValue();
    const later = `${current.slice(0, 10)}T15:00`;
    await deadline.fill(later);
    await operator.getByLabel('Begrunnelse').fill('Søknadsportalen var nede i to dager.');
    await operator.getByRole('button', { name: 'Forleng søknadsfristen' }).click();
    await operator.getByText('Søknadsfristen er flyttet.').waitFor();
    await operator
      .getByTestId('deadline-extensions')
      .getByText('Søknadsportalen var nede i to dager.')
      .waitFor();
    const after = await api(`/api/calls/${call.id}`);
    expect(after.deadlineExtensions).toEqual([
      expect.objectContaining({
        previousDeadlineAt: call.deadlineAt,
        reason: 'Søknadsportalen var nede i to dager.',
      }),
    ]);
    expect(Date.parse(after.deadlineAt) - Date.parse(call.deadlineAt)).toBe(3 * 3_600_000);
    expect(await seriousAccessibilityViolations(operator)).toEqual([]);
    expect(pageErrors(operator)).toEqual([]);

    // Programme staff open calls but do not move deadlines: they are not offered the form.
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', `/calls/${call.id}`);
    await waitForHydration(staff);
    expect(await staff.getByRole('button', { name: 'Forleng søknadsfristen' }).count()).toBe(0);
  });
});
