import { describe, expect, it } from 'vitest';
import {
  pageErrors,
  seriousAccessibilityViolations,
  setupBrowser,
  signIn,
  waitForHydration,
  waitForNavigation,
} from './fixtures';

// The demo's autumn round: closed a month ago, with a draft for each of its four applications.
// Circular Wave's first year takes this year's frame over, NCE Aquatech Cluster passes the
// ten-year cap, Hydrogennettverket Nord is a forming network, and Arctic Cluster Team is turned down.
// Staff move Circular Wave's start to next year, so the round leaves this year's frame (which the
// budget's own journey reads) as it was, and the operator admin overrides the cap alone.
const browsing = setupBrowser();
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

async function autumnRound(): Promise<string> {
  const calls = await (await fetch(`${browsing.baseUrl}/api/calls?status=closed`)).json();
  return calls.items.find((call: { title: { en: string } }) => call.title.en.includes('autumn round')).id;
}

describe("the round's decisions", () => {
  it('staff draft and see the warnings, an operator admin publishes with a reason, and everyone sees the outcome', async () => {
    const round = await autumnRound();

    // Programme staff find the round from the call's page and see what the drafts would pass.
    const staff = await browsing.page();
    await signIn(staff, 'pia@demo.klynge.example', 'demo-programme-2026', `/calls/${round}`);
    await staff.getByTestId('decisions-link').click();
    await staff.waitForURL(`**/calls/${round}/decisions`);
    await waitForNavigation(staff);
    const circular = staff.locator('[data-testid="decision-row"][data-cluster="circular-wave"]');
    expect(plain(await circular.getByTestId('frame-warning').textContent())).toMatch(/Over rammen i \d{4}/);
    const aquatech = staff.locator('[data-testid="decision-row"][data-cluster="nce-aquatech-cluster"]');
    expect(plain(await aquatech.getByTestId('cap-warning').textContent())).toContain('av 10 år');
    expect(await staff.getByTestId('frame-overruns').count()).toBe(1);
    expect(await seriousAccessibilityViolations(staff)).toEqual([]);

    // They move Circular Wave's start to next year, so this year's frame holds.
    const nextYear = new Date().getFullYear() + 1;
    const circularForm = staff.locator('details', { hasText: 'Skriv vedtak for Circular Wave' });
    await circularForm.locator('summary').click();
    const form = circularForm.getByTestId('decision-form');
    await form.getByLabel('Første dag (ÅÅÅÅ-MM-DD)').fill(`${nextYear}-01-01`);
    await form.getByRole('button', { name: 'Lagre utkastet' }).click();
    await staff.getByText('Utkastet er lagret.').waitFor();
    await staff.waitForFunction(() => document.querySelector('[data-testid="frame-overruns"]') === null);
    const letterLink = await staff
      .locator('[data-testid="decision-row"][data-cluster="arctic-cluster-team"] a')
      .getAttribute('href');

    // Staff may not take a cluster past the cap: the refusal names the years.
    await staff.getByTestId('publish-form').getByRole('button', { name: 'Publiser alle vedtakene' }).click();
    await staff.getByText('Runden ble ikke publisert').waitFor();
    expect(await staff.getByText(/past the cap of 10/).count()).toBeGreaterThan(0);
    expect(pageErrors(staff).filter((error) => !error.includes('409'))).toEqual([]);

    // An operator admin publishes with a recorded reason.
    const operator = await browsing.page();
    await signIn(operator, 'ola@demo.klynge.example', 'demo-operator-2026', `/calls/${round}/decisions`);
    await operator
      .getByLabel('Begrunnelse for å gå over rammen eller taket (bare operatøradministrator)')
      .fill('Styret har vedtatt en tilleggsramme for høstrunden.');
    await operator.getByRole('button', { name: 'Publiser alle vedtakene' }).click();
    await operator.getByTestId('round-published').waitFor();
    expect((await (await fetch(`${browsing.baseUrl}/api/calls/${round}`)).json()).status).toBe('decided');

    // The forming network is a public cluster at its new level at once, with its partners.
    const visitor = await browsing.page();
    const network = await visitor.goto('/clusters/hydrogennettverket-nord');
    expect(network?.status()).toBe(200);
    expect(plain(await visitor.getByTestId('current-level').textContent())).toContain('Arena');
    const partners = await (
      await fetch(`${browsing.baseUrl}/api/clusters/hydrogennettverket-nord/members`)
    ).json();
    expect(partners.items.length).toBeGreaterThan(0);

    // The applicant reads the letter.
    const kim = await browsing.page();
    await signIn(kim, 'kim@demo.klynge.example', 'demo-manager-2026', letterLink!);
    const letter = plain(await kim.getByTestId('decision-letter').textContent());
    expect(letter).toContain('Søknaden fra Arctic Cluster Team');
    expect(letter).toContain('avslag');
    expect(await seriousAccessibilityViolations(kim)).toEqual([]);

    // The announcement's facts are the published decisions, readable without JavaScript.
    const reader = await browsing.page({ javaScriptEnabled: false });
    await reader.goto(`/calls/${round}/announcement`);
    expect(plain(await reader.getByTestId('admitted-count').textContent())).toBe('Tatt opp: 3');
    const names = await reader.getByTestId('admitted-row').locator('td:first-child').allTextContents();
    expect(names.sort()).toEqual(['Circular Wave', 'Hydrogennettverket Nord', 'NCE Aquatech Cluster']);
    expect(plain(await reader.getByTestId('press-release').textContent())).toContain('er 3 klynger tatt opp');
    const facts = await (await fetch(`${browsing.baseUrl}/api/calls/${round}/announcement?lang=en`)).json();
    expect(facts.admittedByLevel).toEqual({ arena: 1, arena_pro: 2 });
    expect(plain(await reader.getByTestId('in-programme').textContent())).toContain(
      String(facts.clustersInProgramme),
    );
    await waitForHydration(operator);
    expect(pageErrors(operator)).toEqual([]);
  });
});
