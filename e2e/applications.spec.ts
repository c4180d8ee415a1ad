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

async function api(path: string) {
  return (await fetch(`${browsing.baseUrl}${path}`)).json();
}

/** The link in the newest mail to the address, as an operator reads it in the outbox. */
async function linkFromOutbox(address: string, pattern: RegExp): Promise<string> {
  const operator = await browsing.page();
  await signIn(operator, 'ola@demo.klynge.example', 'demo-operator-2026', '/outbox');
  const message = operator.getByTestId('outbox-list').locator('details', { hasText: address }).first();
  await message.locator('summary').click();
  const link = pattern.exec((await message.locator('pre').textContent()) ?? '')?.[0];
  if (!link) throw new Error(`No link in the mail to ${address}.`);
  return link;
}

/** A write to the API as the person signed in on the page, with the session's CSRF token. */
async function send(page: Page, method: 'POST' | 'PATCH', path: string, body: unknown) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === 'klynge_csrf')?.value ?? '';
  const response = await page.request.fetch(path, {
    method,
    data: body as object,
    headers: { 'x-csrf-token': csrf, origin: browsing.baseUrl },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}

/** Companies in the demo's register copy: partners that count as companies. */
async function companies(count: number): Promise<string[]> {
  const page = await api(`/api/organisations?actorType=sme&pageSize=${count}`);
  return page.items.map((organisation: { orgnr: string }) => organisation.orgnr);
}

const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** Waits until every section on the page has saved what was typed. */
async function allSaved(page: Page) {
  await page.waitForFunction(
    () => document.querySelectorAll('[data-save-state=unsaved], [data-save-state=saving]').length === 0,
  );
}

/** Fills every section an application needs, the partners and budget as given. */
async function writeApplication(page: Page, input: { partners: string[]; firstYear: number; years: number }) {
  await textbox(page, 'Bakgrunn').fill('Bedriftene har samarbeidet om tare og tang siden 2019.');
  await textbox(page, 'Visjon').fill('Norges ledende miljø for dyrking av tare.');
  await page.getByRole('button', { name: 'Legg til: mål' }).click();
  await textbox(page, 'Mål, mål 1').fill('Flere bedrifter dyrker tare');
  await textbox(page, 'Hvordan det måles, mål 1').fill('Antall bedrifter');
  await textbox(page, 'Målverdi, mål 1').fill('20');
  await page.getByRole('button', { name: 'Legg til: innsatsområde' }).click();
  await textbox(page, 'Innsatsområde 1').fill('Dyrking');
  await textbox(page, 'Gjennomføringsplan').fill('Første år bygger vi nettverket; så kommer prosjektene.');
  await textbox(page, 'Forventede effekter').fill('Nye arbeidsplasser langs kysten.');
  for (const [index, orgnr] of input.partners.entries()) {
    await page.getByRole('button', { name: 'Legg til: partner' }).click();
    await textbox(page, `Organisasjonsnummer, partner ${index + 1}`).fill(orgnr);
  }
  await textbox(page, 'Rolle i det regionale og nasjonale økosystemet').fill(
    'Knytter kysten til forskningen.',
  );
  for (let year = 0; year < input.years; year++) {
    await page.getByRole('button', { name: 'Legg til: budsjettår' }).click();
    await textbox(page, `År, budsjettår ${year + 1}`).fill(String(input.firstYear + year));
    await textbox(page, `Kostnader (kr), budsjettår ${year + 1}`).fill('2 000 000');
    await textbox(page, `Søkt fra programmet (kr), budsjettår ${year + 1}`).fill('1 000 000');
  }
}

describe('applications', () => {
  it('a new person signs up, registers a forming network and starts a Hub-node application that the check refuses until it is fixed', async () => {
    const person = await browsing.page();
    const email = `tora-${Date.now()}@example.test`;
    await person.goto('/sign-up');
    await waitForHydration(person);
    await person.getByLabel('Fullt navn').fill('Tora Tang');
    await person.getByLabel('E-postadresse').fill(email);
    await person.getByRole('button', { name: 'Send meg lenken' }).click();
    await person.getByTestId('sign-up-sent').waitFor();
    await person.goto(await linkFromOutbox(email, /\/sign-up\/[A-Za-z0-9_-]{43}/));
    await waitForHydration(person);
    await person.getByLabel('Passord').fill('tare og tang hele året');
    await person.getByRole('button', { name: 'Opprett konto' }).click();
    await person.waitForURL('**/account');
    await waitForHydration(person);

    // The demo's open call takes Hub-node applications.
    const calls = await api('/api/calls?status=open&level=hub_node');
    const call = calls.items[0];
    const deadlineDay = new Date(call.deadlineAt).toISOString().slice(0, 10);
    await person.goto(`/calls/${call.id}`);
    await waitForHydration(person);
    await person.getByTestId('apply-link').click();
    await person.waitForURL(`**/calls/${call.id}/apply`);
    await waitForNavigation(person);
    const [host, ...partners] = await companies(6);
    const form = person.getByTestId('start-for-network');
    await form.getByLabel('Nettverkets navn').fill(`Tarenettverket ${Date.now()}`);
    await form.getByLabel('Nordland').check();
    await form.getByLabel('Jordbruk, skogbruk og fiske').check();
    await form.getByLabel('Vertsorganisasjon (organisasjonsnummer)').fill(host!);
    await form.getByLabel('Nivå').selectOption('hub_node');
    expect(await seriousAccessibilityViolations(person)).toEqual([]);
    await form.getByRole('button', { name: 'Registrer nettverket og start søknaden' }).click();
    await person.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await waitForHydration(person);
    expect(await person.getByTestId('application-status').textContent()).toBe('Utkast');
    expect(await textbox(person, 'Prosjekteier (organisasjonsnummer)').inputValue()).toBe(host);

    // A hub at Arena Pro on the deadline's day, and four core partners that are companies: one short.
    const candidates = await api('/api/clusters?level=arena_pro&pageSize=100');
    let hub: string | undefined;
    for (const candidate of candidates.items as { slug: string }[]) {
      const profile = await api(`/api/clusters/${candidate.slug}`);
      const now = profile.levelHistory.find((entry: { current: boolean }) => entry.current);
      if (now?.level === 'arena_pro' && now.endsOn >= deadlineDay) {
        hub = candidate.slug;
        break;
      }
    }
    await writeApplication(person, {
      partners: partners.slice(0, 4),
      firstYear: Number(deadlineDay.slice(0, 4)),
      years: 3,
    });
    await person.getByLabel('Hub-klyngen').selectOption(hub!);
    await allSaved(person);
    expect(await seriousAccessibilityViolations(person)).toEqual([]);

    await person.getByRole('button', { name: 'Sjekk søknaden' }).click();
    const problems = person.getByTestId('check-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allInnerTexts()).toEqual([
      'Ressursgrunnlag og partnere › Partnere: en hub-node må ha minst 5 kjernepartnere som er bedrifter; søknaden har 4',
    ]);

    await person.getByRole('button', { name: 'Legg til: partner' }).click();
    await textbox(person, 'Organisasjonsnummer, partner 5').fill(partners[4]!);
    await person.getByRole('button', { name: 'Sjekk søknaden' }).click();
    await person.getByTestId('check-ok').waitFor();
    expect(await person.getByTestId('check-ok').textContent()).toBe(
      'Søknaden oppfyller reglene og kan sendes inn.',
    );
    // What was typed is what the server holds.
    const id = person.url().split('/').at(-1)!;
    const saved = await (await person.request.get(`/api/applications/${id}`)).json();
    const base = saved.sections.find((s: { key: string }) => s.key === 'resource_base');
    expect(base.body.partners.map((p: { orgnr: string }) => p.orgnr)).toEqual(partners.slice(0, 5));
    expect(pageErrors(person)).toEqual([]);
  }, 300_000);

  it('a cluster manager writes with autosave beside a colleague, attaches a file, submits, and is refused after the deadline', async () => {
    // A call of its own that closes two minutes from now, so the deadline passes within the journey.
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', '/calls');
    const now = Date.now();
    const deadline = new Date(Math.ceil((now + 120_000) / 1000) * 1000);
    const call = await send(staff, 'POST', '/api/calls', {
      title: { nb: `Rask utlysning ${now}`, en: `Quick call ${now}` },
      description: { nb: 'Stenger om to minutter.', en: 'Closes in two minutes.' },
      opensAt: new Date(now - 60_000).toISOString(),
      deadlineAt: deadline.toISOString(),
      plannedDecisionAt: new Date(now + 30 * 86_400_000).toISOString(),
      levels: [
        { level: 'arena', moneyNok: 10_000_000 },
        { level: 'arena_pro', moneyNok: 20_000_000 },
      ],
      criteria: [{ name: { nb: 'Verdiskaping', en: 'Value creation' }, weight: 1, scaleMin: 1, scaleMax: 7 }],
    });
    await send(staff, 'POST', `/api/calls/${call.id}/open`, {});

    const kim = await browsing.page();
    await signIn(kim, 'kim@demo.klynge.example', 'demo-manager-2026', `/calls/${call.id}/apply`);
    const start = kim.getByTestId('start-for-cluster');
    await start.getByLabel('Klynge eller nettverk').selectOption('arctic-cluster-team');
    await start.getByLabel('Nivå').selectOption('arena');
    await start.getByRole('button', { name: 'Start søknaden' }).click();
    await kim.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await waitForHydration(kim);
    const id = kim.url().split('/').at(-1)!;

    // A colleague has the same application open: different sections keep both people's text.
    const siri = await browsing.page();
    await signIn(siri, 'siri@demo.klynge.example', 'demo-staff-2026', `/applications/${id}`);
    await textbox(kim, 'Bakgrunn').fill('Prosessindustrien i nord samarbeider om energi.');
    await textbox(siri, 'Forventede effekter').fill('Lavere utslipp og nye arbeidsplasser i Mo i Rana.');
    await allSaved(kim);
    await allSaved(siri);
    expect(await kim.getByTestId('section-background').locator('[data-save-state]').textContent()).toMatch(
      /^Lagret /,
    );
    // The same section from an older reading: refused, with the text saved meanwhile to take.
    await textbox(siri, 'Bakgrunn').fill('Siris versjon av bakgrunnen.');
    const conflict = siri.getByTestId('save-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Prosessindustrien i nord samarbeider om energi.');
    await conflict.getByRole('button', { name: 'Bruk den lagrede versjonen' }).click();
    expect(await textbox(siri, 'Bakgrunn').inputValue()).toBe(
      'Prosessindustrien i nord samarbeider om energi.',
    );

    await kim.reload();
    await waitForHydration(kim);
    expect(await textbox(kim, 'Forventede effekter').inputValue()).toBe(
      'Lavere utslipp og nye arbeidsplasser i Mo i Rana.',
    );
    const [partner] = await companies(1);
    await writeApplication(kim, { partners: [partner!], firstYear: new Date().getFullYear(), years: 3 });
    await textbox(kim, 'Bakgrunn').fill('Prosessindustrien i nord samarbeider om energi og kompetanse.');
    await allSaved(kim);

    // An attachment, recognised by its content.
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    );
    await kim
      .getByLabel('Fil')
      .setInputFiles({ name: 'Budsjett 2026.pdf', mimeType: 'application/pdf', buffer: pdf });
    await kim.getByRole('button', { name: 'Last opp vedlegget' }).click();
    await kim.getByTestId('attachments').getByText('Budsjett 2026.pdf').waitFor();
    expect(await seriousAccessibilityViolations(kim)).toEqual([]);

    await kim.getByRole('button', { name: 'Send inn søknaden' }).click();
    await kim.getByTestId('submitted').waitFor();
    await kim.getByTestId('application-status').getByText('Sendt inn').waitFor();
    expect(await kim.getByTestId('section-background').count()).toBe(0);
    expect(await kim.getByRole('button', { name: 'Send inn søknaden' }).count()).toBe(0);

    // The submitted application reads without JavaScript.
    const reader = await browsing.page({
      javaScriptEnabled: false,
      storageState: await kim.context().storageState(),
    });
    await reader.goto(`/applications/${id}`);
    expect(await reader.getByTestId('application-status').textContent()).toBe('Sendt inn');
    expect(await reader.locator('[data-section=background]').innerText()).toContain(
      'Prosessindustrien i nord samarbeider om energi og kompetanse.',
    );

    // A second level in the same call, its page open with the submit button as the deadline passes.
    await kim.goto(`/calls/${call.id}/apply`);
    await waitForHydration(kim);
    await start.getByLabel('Nivå').selectOption('arena_pro');
    await start.getByRole('button', { name: 'Start søknaden' }).click();
    await kim.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await waitForHydration(kim);
    const late = kim.url().split('/').at(-1)!;
    const submit = kim.getByRole('button', { name: 'Send inn søknaden' });
    await submit.waitFor();
    await kim.waitForTimeout(Math.max(0, deadline.getTime() - Date.now() + 1_000));
    await submit.click();
    const refused = kim.getByTestId('submit-late');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(
      /^Søknadsfristen gikk ut .+\. Søknaden kan ikke lenger sendes inn\.$/,
    );
    const after = await (await kim.request.get(`/api/applications/${late}`)).json();
    expect(after).toMatchObject({ status: 'draft', actions: [], writableSections: [] });
    expect(pageErrors(kim).filter((error) => !error.includes('409'))).toEqual([]);
    expect(pageErrors(siri).filter((error) => !error.includes('409'))).toEqual([]);
  }, 300_000);

  it('programme staff ask for more information on a submitted demo application, and the applicant may change those sections until the date', async () => {
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', '/applications?status=submitted');
    // The home cluster's Arena Pro application of 2021, which its manager can see too.
    const submitted = await (
      await staff.request.get('/api/applications?status=submitted&cluster=arctic-cluster-team')
    ).json();
    const application = submitted.items.find((item: { call: { deadlineAt: string } }) =>
      item.call.deadlineAt.startsWith('2021'),
    );
    await staff.getByTestId('application-table').locator(`a[href="/applications/${application.id}"]`).click();
    await staff.waitForURL(`**/applications/${application.id}`);
    await waitForHydration(staff);
    expect(await staff.getByTestId('application-status').textContent()).toBe('Sendt inn');

    // Open until a whole minute at least ninety seconds away, as Norwegian time in the form.
    const until = new Date(Math.ceil((Date.now() + 90_000) / 60_000) * 60_000);
    const osloLocal = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .format(until)
      .replace(' ', 'T');
    const form = staff.getByTestId('request-information-form');
    await form.getByLabel('Bakgrunn').check();
    await form.getByLabel('Forventede effekter').check();
    await form.getByLabel('Åpne til (norsk tid)').fill(osloLocal);
    await form.getByLabel('Hva trenger programmet?').fill('Beskriv samarbeidet med Mo Industripark nærmere.');
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);
    await form.getByRole('button', { name: 'Be om opplysninger' }).click();
    await staff.getByTestId('application-status').getByText('Tilleggsopplysninger etterspurt').waitFor();

    // The applicant sees the two sections open, and only those, until the date.
    const kim = await browsing.page();
    await signIn(kim, 'kim@demo.klynge.example', 'demo-manager-2026', `/applications/${application.id}`);
    await waitForHydration(kim);
    expect(await kim.getByTestId('application-status').textContent()).toBe('Tilleggsopplysninger etterspurt');
    const notice = kim.getByTestId('information-request');
    expect(await notice.innerText()).toContain('Beskriv samarbeidet med Mo Industripark nærmere.');
    expect(await notice.innerText()).toMatch(
      /Disse delene er åpne for endringer til .+: Bakgrunn, Forventede effekter\./,
    );
    expect(await textbox(kim, 'Visjon').count()).toBe(0);
    await textbox(kim, 'Bakgrunn').fill('Klyngen og Mo Industripark deler nå energi, data og lærlinger.');
    await textbox(kim, 'Forventede effekter').fill('Lavere energibruk i hele parken.');
    await allSaved(kim);
    const saved = await (await kim.request.get(`/api/applications/${application.id}`)).json();
    expect(saved.writableSections).toEqual(['background', 'expected_effects']);
    expect(saved.sections.find((s: { key: string }) => s.key === 'background').body.text).toBe(
      'Klyngen og Mo Industripark deler nå energi, data og lærlinger.',
    );
    expect(await seriousAccessibilityViolations(kim)).toEqual([]);

    // After the date the sections are closed again, with what was written kept.
    await kim.waitForTimeout(Math.max(0, until.getTime() - Date.now() + 1_000));
    await kim.reload();
    await waitForHydration(kim);
    expect(await textbox(kim, 'Bakgrunn').count()).toBe(0);
    expect(await kim.locator('[data-section=background]').innerText()).toContain(
      'Klyngen og Mo Industripark deler nå energi, data og lærlinger.',
    );
    expect(await kim.getByTestId('information-request').innerText()).toMatch(
      /Programmet ba om tilleggsopplysninger til .+: Bakgrunn, Forventede effekter\./,
    );
    expect(pageErrors(staff)).toEqual([]);
    expect(pageErrors(kim)).toEqual([]);
  }, 300_000);
});
