import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { seedDemo } from '../../server/demo-seed';
import { FEATURES } from '../../server/features';
import { setupTestApp } from '../../testing/harness';
import { DEMO_ACCOUNTS } from '../accounts/accounts.seed';
import { commitmentsOfEngagement } from './budget.seed';

const t = setupTestApp();
const staffAccount = DEMO_ACCOUNTS.find((account) => account.role === 'programme_staff')!;
let staff: string;

describe("the demo's budget", () => {
  beforeAll(async () => {
    await seedDemo(t.db, systemClock, '2026-06-15', FEATURES);
    staff = await t.signIn(staffAccount.email, staffAccount.password);
  }, 180_000);

  it('has 217 MNOK for 2021, the cut of 2022 and commitments in every year from the first engagement on', async () => {
    const ledger = await t.get('/api/budget', { headers: { cookie: staff } });
    expect(ledger.status).toBe(200);
    const year = (y: number) => ledger.body.years.find((row: { year: number }) => row.year === y);
    expect(year(2021).frameNok).toBe(217_000_000);
    expect(year(2022).frameNok).toBe(158_000_000);
    expect(year(2021).frameNok - year(2022).frameNok).toBe(59_000_000);
    // Every year with a frame fits it as the demo stands.
    for (const row of ledger.body.years.filter((r: { frameNok: number | null }) => r.frameNok !== null)) {
      expect(row.remainingNok, String(row.year)).toBeGreaterThanOrEqual(0);
    }
    expect(ledger.body.years.every((row: { committedNok: number }) => row.committedNok > 0)).toBe(true);
    // Paid in full before 2026, half of 2026 by 15 March.
    expect(year(2025).paidNok).toBe(year(2025).committedNok);
    expect(year(2026).paidNok).toBeGreaterThan(0);
    expect(year(2026).paidNok).toBeLessThan(year(2026).committedNok);
    expect(year(2022).real.committedNok).toBeLessThan(year(2022).committedNok);
  });

  it('takes 2024 and 2025 over their frames in a 30 % cut from 2024', async () => {
    const scenario = await t.get('/api/budget/scenarios?year=2024&cutPercent=30', {
      headers: { cookie: staff },
    });
    expect(scenario.status).toBe(200);
    expect(scenario.body.overruns.map((o: { year: number }) => o.year)).toEqual([2024, 2025]);
  });
});

describe('the commitments an engagement implies', () => {
  it('are its yearly grant in proportion to the months it runs in each calendar year', () => {
    expect(
      commitmentsOfEngagement({ startsOn: '2021-07-01', endsOn: '2024-06-30', yearlyGrantNok: 1_200_000 }),
    ).toEqual([
      { year: 2021, amountNok: 600_000 },
      { year: 2022, amountNok: 1_200_000 },
      { year: 2023, amountNok: 1_200_000 },
      { year: 2024, amountNok: 600_000 },
    ]);
    expect(
      commitmentsOfEngagement({ startsOn: '2021-01-01', endsOn: '2021-12-31', yearlyGrantNok: 0 }),
    ).toEqual([]);
  });
});
