import { AppError, type FieldError } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { recordAudit } from '../audit/record-audit';
import { findProgrammeId } from '../programme/programme.service';
import {
  insertCommitments,
  listFrameLevelsOfYears,
  listFramesOfYears,
  sumCommitmentsOfYears,
} from './budget.queries';
import { BUDGET_YEAR_MAX, BUDGET_YEAR_MIN } from './budget.table';
import { listEngagementsByIds } from './budget-parties.read-model';
import { overrunsOf, worstPerYear, type YearFrame } from './overruns';

/** One year of an engagement's grant, as a decision (or the demo) promises it. */
export type NewCommitment = {
  clusterId: string;
  engagementId: string;
  levelId: string;
  year: number;
  amountNok: number;
  decisionId: string | null;
};

/** A year whose frame the committed amounts plus the additions would pass, with the amounts. */
export type FrameOverrun = {
  year: number;
  frameNok: number;
  committedNok: number;
  addingNok: number;
  overNok: number;
};

function amountErrors(rows: readonly { year: number; amountNok: number }[]): FieldError[] {
  return rows.flatMap((row, i) => [
    ...(Number.isInteger(row.year) && row.year >= BUDGET_YEAR_MIN && row.year <= BUDGET_YEAR_MAX
      ? []
      : [{ path: [i, 'year'], message: `A year from ${BUDGET_YEAR_MIN} to ${BUDGET_YEAR_MAX}.` }]),
    ...(Number.isSafeInteger(row.amountNok) && row.amountNok >= 0
      ? []
      : [{ path: [i, 'amountNok'], message: 'Whole kroner, zero or more.' }]),
  ]);
}

/**
 * Records what a decision promises, one row per year of an engagement, each audited. It writes on
 * `ctx.db` as given: a decision publishing a round passes its transaction, so the commitments land
 * with the decisions or not at all. It does not check the frames: the caller asks `frameOverruns`
 * first and decides (an operator admin may override). Each row must name an engagement of its
 * cluster at its level.
 */
export async function recordCommitments(ctx: ServiceContext, rows: readonly NewCommitment[]): Promise<void> {
  const errors = amountErrors(rows);
  if (errors.length > 0) {
    throw new AppError('validation_failed', 'A commitment needs a year and an amount in whole kroner.', {
      fieldErrors: errors.map((error) => ({ ...error, path: ['commitments', ...error.path] })),
    });
  }
  const engagements = new Map(
    (await listEngagementsByIds(ctx.db, [...new Set(rows.map((row) => row.engagementId))])).map((e) => [
      e.id,
      e,
    ]),
  );
  const mismatches: FieldError[] = rows.flatMap((row, i) => {
    const engagement = engagements.get(row.engagementId);
    if (!engagement) return [{ path: ['commitments', i, 'engagementId'], message: 'is no engagement' }];
    return [
      ...(engagement.clusterId === row.clusterId
        ? []
        : [{ path: ['commitments', i, 'clusterId'], message: "is not the engagement's cluster" }]),
      ...(engagement.levelId === row.levelId
        ? []
        : [{ path: ['commitments', i, 'levelId'], message: "is not the engagement's level" }]),
    ];
  });
  if (mismatches.length > 0) {
    throw new AppError('validation_failed', 'A commitment names an engagement of another cluster or level.', {
      fieldErrors: mismatches,
    });
  }
  const inserted = await insertCommitments(
    ctx.db,
    rows.map((row) => ({ ...row, createdAt: ctx.clock.now() })),
  );
  for (const row of inserted) {
    await recordAudit(ctx.db, ctx, {
      action: 'commitment.recorded',
      entityType: 'commitment',
      entityId: row.id,
      clusterId: row.clusterId,
      after: {
        year: row.year,
        amountNok: row.amountNok,
        engagementId: row.engagementId,
        levelId: row.levelId,
        decisionId: row.decisionId,
      },
    });
  }
}

/** The frames of these years with their splits, as the overrun arithmetic reads them. */
export async function framesOfYears(
  { db }: Pick<ServiceContext, 'db'>,
  years: readonly number[],
): Promise<YearFrame[]> {
  const programmeId = await findProgrammeId({ db });
  if (!programmeId || years.length === 0) return [];
  // One after the other: `db` may be a caller's transaction, one connection that takes one query at a time.
  const frames = await listFramesOfYears(db, programmeId, years);
  const parts = await listFrameLevelsOfYears(db, programmeId, years);
  return frames.map((frame) => ({
    year: frame.year,
    frameNok: frame.frameNok,
    levelParts: new Map(parts.filter((p) => p.year === frame.year).map((p) => [p.levelId, p.amountNok])),
  }));
}

/**
 * The years in which the commitments already made plus these additions would pass the year's
 * frame, or the part of it split to the level, one entry per year: where several limits are passed,
 * the one passed by most, with that limit's amounts (a level's part, what that level has committed
 * and what it would add). A year with no frame entered is never over. Only the years the additions
 * name are checked: a decision is not refused for a year it does not touch.
 */
export async function frameOverruns(
  ctx: Pick<ServiceContext, 'db'>,
  additions: readonly { year: number; levelId: string; amountNok: number }[],
): Promise<FrameOverrun[]> {
  const years = [...new Set(additions.map((row) => row.year))];
  const frames = await framesOfYears(ctx, years);
  const committed = await sumCommitmentsOfYears(ctx.db, years);
  const overruns = overrunsOf(
    years,
    frames,
    committed.map((row) => ({ year: row.year, levelId: row.levelId, amountNok: row.totalNok })),
    additions,
  );
  return worstPerYear(overruns).map(({ year, frameNok, committedNok, addingNok, overNok }) => ({
    year,
    frameNok,
    committedNok,
    addingNok,
    overNok,
  }));
}
