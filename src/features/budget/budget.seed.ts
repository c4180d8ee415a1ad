import type { Db } from '../../server/db/client';
import type { DemoSeed } from '../../server/demo-seed';
import {
  type CommitmentInsert,
  insertCommitments,
  insertPayment,
  insertPayments,
  type PaymentInsert,
  replaceFrameLevels,
  upsertFrame,
  upsertPriceIndex,
} from './budget.queries';
import type { EngagementForBudget } from './budget-parties.read-model';
import { listGrantedEngagements } from './budget-parties.read-model';

// ── Factories for tests ──────────────────────────────────────────────────────────────────────────

/** Writes a year's frame (and its split, level id to amount) directly, without an audit trail. */
export async function createFrame(
  db: Db,
  programmeId: string,
  year: number,
  frameNok: number,
  parts: Record<string, number> = {},
) {
  await upsertFrame(db, programmeId, year, frameNok, new Date());
  await replaceFrameLevels(
    db,
    programmeId,
    year,
    Object.entries(parts).map(([levelId, amountNok]) => ({ levelId, amountNok })),
  );
}

export async function createPriceIndex(db: Db, programmeId: string, year: number, value: number) {
  await upsertPriceIndex(db, programmeId, year, value, new Date());
}

/** Writes commitments directly, without an audit trail. */
export async function createCommitments(db: Db, rows: readonly CommitmentInsert[]) {
  return insertCommitments(db, rows);
}

export async function createPayment(db: Db, row: PaymentInsert) {
  return insertPayment(db, row);
}

// ── What an engagement implies ───────────────────────────────────────────────────────────────────

/**
 * The commitments an engagement implies: its yearly grant for each calendar year it runs, in
 * proportion to the months it runs that year (engagements start on the first of a month and end
 * on the last day of one), in whole kroner.
 */
export function commitmentsOfEngagement(
  engagement: Pick<EngagementForBudget, 'startsOn' | 'endsOn' | 'yearlyGrantNok'>,
): { year: number; amountNok: number }[] {
  if (engagement.yearlyGrantNok <= 0) return [];
  const [startYear, startMonth] = engagement.startsOn.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = engagement.endsOn.split('-').map(Number) as [number, number];
  const result: { year: number; amountNok: number }[] = [];
  for (let year = startYear; year <= endYear; year += 1) {
    const first = year === startYear ? startMonth : 1;
    const last = year === endYear ? endMonth : 12;
    const months = last - first + 1;
    if (months <= 0) continue;
    result.push({ year, amountNok: Math.round((engagement.yearlyGrantNok * months) / 12) });
  }
  return result;
}

// ── The demo ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The programme's frames in NOK: 217 MNOK budgeted for 2021, cut by 59 MNOK (27 %) in 2022, when
 * nobody was admitted, and growing slowly again after. The years before follow the growth of the
 * programme; after 2026 no frame is decided yet.
 */
export const DEMO_FRAMES: Record<number, number> = {
  2016: 185_000_000,
  2017: 190_000_000,
  2018: 195_000_000,
  2019: 200_000_000,
  2020: 210_000_000,
  2021: 217_000_000,
  2022: 158_000_000,
  2023: 165_000_000,
  2024: 170_000_000,
  2025: 172_000_000,
  2026: 175_000_000,
};

/** Statistics Norway's consumer price index, 2015 = 100 (yearly averages, rounded). */
export const DEMO_PRICE_INDEX: Record<number, number> = {
  2015: 100,
  2016: 103.6,
  2017: 105.5,
  2018: 108.4,
  2019: 110.8,
  2020: 112.2,
  2021: 116.1,
  2022: 122.8,
  2023: 130.0,
  2024: 133.9,
  2025: 137.7,
};

/** Payments are recorded from this year on: older years are long settled and would only add rows. */
const FIRST_PAID_YEAR = 2019;

/**
 * The frames, the price index, one commitment per year of every demo engagement with a grant, and
 * the payments: in full for the years before this one, half of this year's by 15 March once that
 * day has passed.
 */
export const seedBudgetDemo: DemoSeed = async (demo) => {
  const programme = demo.fact('programme');
  const clusters = demo.fact('clusters');
  const now = demo.clock.now();
  for (const [year, frameNok] of Object.entries(DEMO_FRAMES)) {
    await upsertFrame(demo.tx, programme.id, Number(year), frameNok, now);
  }
  for (const [year, value] of Object.entries(DEMO_PRICE_INDEX)) {
    await upsertPriceIndex(demo.tx, programme.id, Number(year), value, now);
  }
  const engagements = await listGrantedEngagements(
    demo.tx,
    [...clusters.values()].map((cluster) => cluster.id),
  );
  const rows: CommitmentInsert[] = engagements.flatMap((engagement) =>
    commitmentsOfEngagement(engagement).map(({ year, amountNok }) => ({
      clusterId: engagement.clusterId,
      engagementId: engagement.id,
      levelId: engagement.levelId,
      year,
      amountNok,
      decisionId: null,
      createdAt: now,
    })),
  );
  const made = await insertCommitments(demo.tx, rows);

  const thisYear = Number(demo.today.slice(0, 4));
  const firstInstalment = `${thisYear}-03-15`;
  const payments: PaymentInsert[] = [];
  for (const commitment of made) {
    if (commitment.year < FIRST_PAID_YEAR || commitment.year > thisYear || commitment.amountNok === 0)
      continue;
    if (commitment.year === thisYear && demo.today < firstInstalment) continue;
    const amountNok =
      commitment.year === thisYear ? Math.floor(commitment.amountNok / 2) : commitment.amountNok;
    if (amountNok === 0) continue;
    payments.push({
      clusterId: commitment.clusterId,
      engagementId: commitment.engagementId,
      levelId: commitment.levelId,
      year: commitment.year,
      amountNok,
      paidOn: commitment.year === thisYear ? firstInstalment : `${commitment.year}-12-15`,
      note: '',
      createdAt: now,
    });
  }
  await insertPayments(demo.tx, payments);
  demo.count('budgetFrames', Object.keys(DEMO_FRAMES).length);
  demo.count('commitments', made.length);
  demo.count('payments', payments.length);
};
