import { AppError, notFound } from '../../server/http/app-error';
import type { ServiceContext } from '../../server/service-context';
import { osloDate } from '../../shared/oslo-date';
import { recordAudit } from '../audit/record-audit';
import { clusterRefsById, getSeenClusterId } from '../clusters/clusters.service';
import type { LevelCode } from '../programme/levels';
import { findProgrammeId } from '../programme/programme.service';
import type { FrameBody, LedgerQuery, PaymentBody, PriceIndexBody, ScenarioQuery } from './budget.contract';
import { MAX_LEDGER_YEARS } from './budget.contract';
import { requireReadBudget, requireRecordPayments, requireSetFrames } from './budget.policy';
import {
  type CommitmentRow,
  committedYearSpan,
  findFrameForUpdate,
  findPriceIndexForUpdate,
  insertPayment,
  listCommitmentsOfCluster,
  listCommitmentsOfEngagementForUpdate,
  listCommitmentsOfYears,
  listFrameLevels,
  listFrameLevelsOfYears,
  listFrames,
  listPaymentsOfCluster,
  listPaymentsOfYear,
  listPriceIndex,
  replaceFrameLevels,
  sumCommitments,
  sumPayments,
  upsertFrame,
  upsertPriceIndex,
} from './budget.queries';
import { BUDGET_YEAR_MAX } from './budget.table';
import type { BudgetLevel } from './budget-parties.read-model';
import { findEngagementOfCluster, listBudgetLevels } from './budget-parties.read-model';
import { framesOfYears } from './commitments.service';
import { deflate, overrunsOf, type YearFrame } from './overruns';

type Db = ServiceContext['db'];

async function requireProgrammeId(db: Db): Promise<string> {
  const id = await findProgrammeId({ db });
  if (!id) throw notFound('The programme');
  return id;
}

/** The programme's levels by id and by code, for naming amounts and reading a split. */
async function levelsOf(db: Db, programmeId: string) {
  const list = await listBudgetLevels(db, programmeId);
  return {
    list,
    byId: new Map(list.map((level) => [level.id, level])),
    byCode: new Map(list.map((level) => [level.code, level])),
  };
}

async function priceIndexOf(db: Db, programmeId: string): Promise<Map<number, number>> {
  return new Map((await listPriceIndex(db, programmeId)).map((row) => [row.year, row.value]));
}

const years = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function codeOf(byId: ReadonlyMap<string, BudgetLevel>, levelId: string): LevelCode {
  const level = byId.get(levelId);
  if (!level) throw new AppError('internal', 'A budget row names a level the programme does not have.');
  return level.code;
}

// ── The ledger ───────────────────────────────────────────────────────────────────────────────────

type LevelAmounts = {
  frameNok: number | null;
  committedNok: number;
  paidNok: number;
  remainingNok: number | null;
};

/**
 * The ledger year by year: the frame, the commitments and payments (in all and per level) and what
 * is left of the frame, nominal and, where the year has a price index, real. Without `from` and
 * `to` it runs from the first to the last year anything is committed (this year when nothing is).
 */
export async function getLedger(
  { db, clock, actor }: Pick<ServiceContext, 'db' | 'clock' | 'actor'>,
  query: LedgerQuery,
) {
  requireReadBudget(actor);
  const programmeId = await requireProgrammeId(db);
  const span = await committedYearSpan(db);
  const thisYear = Number(osloDate(clock.now()).slice(0, 4));
  let from = query.from ?? span?.first ?? query.to ?? thisYear;
  let to = query.to ?? span?.last ?? from;
  if (to < from) [from, to] = query.from !== undefined ? [from, from] : [to, to];
  if (to - from >= MAX_LEDGER_YEARS) to = from + MAX_LEDGER_YEARS - 1;
  to = Math.min(to, BUDGET_YEAR_MAX);

  const [levels, frames, parts, committed, paid, index] = await Promise.all([
    levelsOf(db, programmeId),
    listFrames(db, programmeId, from, to),
    listFrameLevels(db, programmeId, from, to),
    sumCommitments(db, from, to),
    sumPayments(db, from, to),
    priceIndexOf(db, programmeId),
  ]);
  const frameOf = new Map(frames.map((row) => [row.year, row.frameNok]));

  return {
    from,
    to,
    levels: levels.list.map((level) => ({ code: level.code, name: { nb: level.nameNb, en: level.nameEn } })),
    years: years(from, to).map((year) => {
      const byLevel: Partial<Record<LevelCode, LevelAmounts>> = {};
      const levelEntry = (levelId: string) => {
        const code = codeOf(levels.byId, levelId);
        byLevel[code] ??= { frameNok: null, committedNok: 0, paidNok: 0, remainingNok: null };
        return byLevel[code];
      };
      for (const part of parts.filter((row) => row.year === year))
        levelEntry(part.levelId).frameNok = part.amountNok;
      for (const row of committed.filter((r) => r.year === year))
        levelEntry(row.levelId).committedNok += row.totalNok;
      for (const row of paid.filter((r) => r.year === year)) levelEntry(row.levelId).paidNok += row.totalNok;
      for (const entry of Object.values(byLevel)) {
        entry.remainingNok = entry.frameNok === null ? null : entry.frameNok - entry.committedNok;
      }
      const frameNok = frameOf.get(year) ?? null;
      const committedNok = committed.filter((r) => r.year === year).reduce((sum, r) => sum + r.totalNok, 0);
      const paidNok = paid.filter((r) => r.year === year).reduce((sum, r) => sum + r.totalNok, 0);
      const remainingNok = frameNok === null ? null : frameNok - committedNok;
      const priceIndex = index.get(year) ?? null;
      const real = (nominal: number) => deflate(nominal, priceIndex ?? undefined) as number;
      return {
        year,
        frameNok,
        committedNok,
        paidNok,
        remainingNok,
        unpaidNok: committedNok - paidNok,
        byLevel,
        priceIndex,
        real:
          priceIndex === null
            ? null
            : {
                frameNok: frameNok === null ? null : real(frameNok),
                committedNok: real(committedNok),
                paidNok: real(paidNok),
                remainingNok: remainingNok === null ? null : real(remainingNok),
              },
      };
    }),
  };
}

/** One year of the ledger, with what each cluster was committed and paid at each level. */
export async function getLedgerYear({ db, actor }: Pick<ServiceContext, 'db' | 'actor'>, year: number) {
  requireReadBudget(actor);
  const programmeId = await requireProgrammeId(db);
  const [levels, frames, committedRows, paidRows, index] = await Promise.all([
    levelsOf(db, programmeId),
    listFrames(db, programmeId, year, year),
    listCommitmentsOfYears(db, [year]),
    listPaymentsOfYear(db, year),
    priceIndexOf(db, programmeId),
  ]);
  const rows = new Map<
    string,
    { clusterId: string; levelId: string; committedNok: number; paidNok: number }
  >();
  const rowOf = (clusterId: string, levelId: string) => {
    const key = `${clusterId} ${levelId}`;
    let row = rows.get(key);
    if (!row) {
      row = { clusterId, levelId, committedNok: 0, paidNok: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const c of committedRows) rowOf(c.clusterId, c.levelId).committedNok += c.amountNok;
  for (const p of paidRows) rowOf(p.clusterId, p.levelId).paidNok += p.amountNok;
  const refs = await clusterRefsById({ db }, [...new Set([...rows.values()].map((row) => row.clusterId))]);
  const frameNok = frames[0]?.frameNok ?? null;
  const committedNok = committedRows.reduce((sum, row) => sum + row.amountNok, 0);
  return {
    year,
    frameNok,
    committedNok,
    paidNok: paidRows.reduce((sum, row) => sum + row.amountNok, 0),
    remainingNok: frameNok === null ? null : frameNok - committedNok,
    priceIndex: index.get(year) ?? null,
    clusters: [...rows.values()]
      .map((row) => ({
        cluster: refs.get(row.clusterId) ?? { slug: '', name: '' },
        level: codeOf(levels.byId, row.levelId),
        committedNok: row.committedNok,
        paidNok: row.paidNok,
        realCommittedNok: deflate(row.committedNok, index.get(year)),
      }))
      .sort((a, b) => a.cluster.name.localeCompare(b.cluster.name, 'nb') || a.level.localeCompare(b.level)),
  };
}

// ── Frames and the price index ───────────────────────────────────────────────────────────────────

/** A level code the programme does not have is bad input, field by field. */
function partsOf(levels: Awaited<ReturnType<typeof levelsOf>>, byLevel: FrameBody['byLevel']) {
  const entries = Object.entries(byLevel ?? {}) as [LevelCode, number][];
  const unknown = entries.filter(([code]) => !levels.byCode.has(code));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', 'The split names levels the programme does not have.', {
      fieldErrors: unknown.map(([code]) => ({
        path: ['body', 'byLevel', code],
        message: 'is not a level of the programme',
      })),
    });
  }
  return entries.map(([code, amountNok]) => ({ levelId: levels.byCode.get(code)!.id, amountNok }));
}

/** Sets a year's frame and its split (none when `byLevel` is absent or empty). Audited when it changes. */
export async function setFrame(ctx: ServiceContext, year: number, body: FrameBody) {
  requireSetFrames(ctx.actor);
  const programmeId = await requireProgrammeId(ctx.db);
  const levels = await levelsOf(ctx.db, programmeId);
  const parts = partsOf(levels, body.byLevel);
  const byLevel = Object.fromEntries(
    parts.map((part) => [codeOf(levels.byId, part.levelId), part.amountNok]),
  ) as Partial<Record<LevelCode, number>>;
  return ctx.db.transaction(async (tx) => {
    const current = await findFrameForUpdate(tx, programmeId, year);
    const currentParts = await listFrameLevelsOfYears(tx, programmeId, [year]);
    const before = current
      ? {
          frameNok: current.frameNok,
          byLevel: Object.fromEntries(currentParts.map((p) => [codeOf(levels.byId, p.levelId), p.amountNok])),
        }
      : null;
    const after = { frameNok: body.frameNok, byLevel };
    const same = (a: Record<string, number>, b: Record<string, number>) =>
      JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
    if (before && before.frameNok === after.frameNok && same(before.byLevel, after.byLevel)) {
      return { year, ...after };
    }
    const now = ctx.clock.now();
    await upsertFrame(tx, programmeId, year, body.frameNok, now);
    await replaceFrameLevels(tx, programmeId, year, parts);
    await recordAudit(tx, ctx, {
      action: before ? 'budget_frame.changed' : 'budget_frame.set',
      entityType: 'budget_frame',
      entityId: String(year),
      entityName: `${year}`,
      before,
      after,
    });
    return { year, ...after };
  });
}

export async function getPriceIndex({ db, actor }: Pick<ServiceContext, 'db' | 'actor'>) {
  requireReadBudget(actor);
  const programmeId = await requireProgrammeId(db);
  return { years: await listPriceIndex(db, programmeId) };
}

/** Sets the price index of one year. Audited when it changes. */
export async function setPriceIndex(ctx: ServiceContext, year: number, body: PriceIndexBody) {
  requireSetFrames(ctx.actor);
  const programmeId = await requireProgrammeId(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const current = await findPriceIndexForUpdate(tx, programmeId, year);
    if (current && current.value === body.value) return;
    await upsertPriceIndex(tx, programmeId, year, body.value, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: current ? 'price_index.changed' : 'price_index.set',
      entityType: 'price_index',
      entityId: String(year),
      entityName: `${year}`,
      before: current ? { value: current.value } : null,
      after: { value: body.value },
    });
  });
  return { years: await listPriceIndex(ctx.db, programmeId) };
}

// ── Commitments as the API shows them ────────────────────────────────────────────────────────────

async function commitmentViews(
  ctx: Pick<ServiceContext, 'db'>,
  rows: readonly CommitmentRow[],
  levels: Awaited<ReturnType<typeof levelsOf>>,
  index: ReadonlyMap<number, number>,
) {
  const refs = await clusterRefsById(ctx, [...new Set(rows.map((row) => row.clusterId))]);
  return rows.map((row) => ({
    id: row.id,
    cluster: refs.get(row.clusterId) ?? { slug: '', name: '' },
    engagementId: row.engagementId,
    level: codeOf(levels.byId, row.levelId),
    year: row.year,
    amountNok: row.amountNok,
    realNok: deflate(row.amountNok, index.get(row.year)),
    decisionId: row.decisionId,
  }));
}

// ── Cut scenarios ────────────────────────────────────────────────────────────────────────────────

/**
 * What if the frames from `year` to `untilYear` were cut by a percentage, or set to an amount:
 * which years would go over, by how much, and which commitments are in those years. A level's part
 * of a frame is cut in the same proportion. Nothing is written.
 */
export async function runScenario({ db, actor }: Pick<ServiceContext, 'db' | 'actor'>, query: ScenarioQuery) {
  requireReadBudget(actor);
  const programmeId = await requireProgrammeId(db);
  const [lastFrame] = (await listFrames(db, programmeId, query.year, BUDGET_YEAR_MAX)).slice(-1);
  const untilYear = query.untilYear ?? lastFrame?.year ?? query.year;
  if (query.cutPercent !== undefined && !(await listFrames(db, programmeId, query.year, query.year)).length) {
    throw new AppError('validation_failed', `The year ${query.year} has no frame to cut.`, {
      fieldErrors: [{ path: ['query', 'year'], message: 'has no frame to cut' }],
    });
  }
  const span = years(query.year, untilYear);
  const [levels, frames, committedRows, index] = await Promise.all([
    levelsOf(db, programmeId),
    framesOfYears({ db }, span),
    listCommitmentsOfYears(db, span),
    priceIndexOf(db, programmeId),
  ]);
  const scenarioFrames: YearFrame[] = span.flatMap((year) => {
    const frame = frames.find((f) => f.year === year);
    if (query.cutPercent !== undefined) {
      if (!frame) return [];
      const keep = (amount: number) => Math.round((amount * (100 - query.cutPercent!)) / 100);
      return [
        {
          year,
          frameNok: keep(frame.frameNok),
          levelParts: new Map([...frame.levelParts].map(([id, part]) => [id, keep(part)])),
        },
      ];
    }
    const target = query.frameNok!;
    const ratio = frame && frame.frameNok > 0 ? target / frame.frameNok : 0;
    return [
      {
        year,
        frameNok: target,
        levelParts: new Map(
          frame && frame.frameNok > 0
            ? [...frame.levelParts].map(([id, part]) => [id, Math.round(part * ratio)])
            : [],
        ),
      },
    ];
  });
  const committed = committedRows.map((row) => ({
    year: row.year,
    levelId: row.levelId,
    amountNok: row.amountNok,
  }));
  const overruns = overrunsOf(span, scenarioFrames, committed, []);
  const realOf = (year: number, nominal: number) => deflate(nominal, index.get(year));
  const affectedRows = committedRows.filter((row) =>
    overruns.some((o) => o.year === row.year && (o.levelId === null || o.levelId === row.levelId)),
  );

  return {
    year: query.year,
    untilYear,
    cutPercent: query.cutPercent ?? null,
    frameNok: query.frameNok ?? null,
    years: span.map((year) => {
      const scenarioFrameNok = scenarioFrames.find((f) => f.year === year)?.frameNok ?? null;
      const committedNok = committed
        .filter((row) => row.year === year)
        .reduce((sum, row) => sum + row.amountNok, 0);
      const overNok = scenarioFrameNok === null ? 0 : Math.max(0, committedNok - scenarioFrameNok);
      return {
        year,
        frameNok: frames.find((f) => f.year === year)?.frameNok ?? null,
        scenarioFrameNok,
        committedNok,
        overNok,
        realScenarioFrameNok: scenarioFrameNok === null ? null : realOf(year, scenarioFrameNok),
        realCommittedNok: realOf(year, committedNok),
        realOverNok: realOf(year, overNok),
      };
    }),
    overruns: overruns.map((o) => ({
      year: o.year,
      level: o.levelId === null ? null : codeOf(levels.byId, o.levelId),
      frameNok: o.frameNok,
      committedNok: o.committedNok,
      overNok: o.overNok,
      real: index.has(o.year)
        ? {
            frameNok: realOf(o.year, o.frameNok)!,
            committedNok: realOf(o.year, o.committedNok)!,
            overNok: realOf(o.year, o.overNok)!,
          }
        : null,
    })),
    affected: await commitmentViews({ db }, affectedRows, levels, index),
  };
}

// ── One cluster ──────────────────────────────────────────────────────────────────────────────────

/** Every commitment made to one cluster and every payment to it, with the totals per year. */
export async function getClusterCommitments(ctx: Pick<ServiceContext, 'db' | 'actor'>, slug: string) {
  requireReadBudget(ctx.actor);
  const clusterId = await getSeenClusterId(ctx, slug);
  const programmeId = await requireProgrammeId(ctx.db);
  const [levels, index, rows, paymentRows, refs] = await Promise.all([
    levelsOf(ctx.db, programmeId),
    priceIndexOf(ctx.db, programmeId),
    listCommitmentsOfCluster(ctx.db, clusterId),
    listPaymentsOfCluster(ctx.db, clusterId),
    clusterRefsById(ctx, [clusterId]),
  ]);
  const yearList = [...new Set([...rows, ...paymentRows].map((row) => row.year))].sort((a, b) => a - b);
  const sumOf = (list: readonly { year: number; amountNok: number }[], year: number) =>
    list.filter((row) => row.year === year).reduce((sum, row) => sum + row.amountNok, 0);
  return {
    cluster: refs.get(clusterId)!,
    commitments: await commitmentViews(ctx, rows, levels, index),
    payments: paymentRows.map((row) => ({
      id: row.id,
      engagementId: row.engagementId,
      level: codeOf(levels.byId, row.levelId),
      year: row.year,
      amountNok: row.amountNok,
      paidOn: row.paidOn,
      note: row.note,
    })),
    years: yearList.map((year) => ({
      year,
      committedNok: sumOf(rows, year),
      paidNok: sumOf(paymentRows, year),
      realCommittedNok: deflate(sumOf(rows, year), index.get(year)),
    })),
    totalCommittedNok: rows.reduce((sum, row) => sum + row.amountNok, 0),
    totalPaidNok: paymentRows.reduce((sum, row) => sum + row.amountNok, 0),
  };
}

/**
 * Records an amount paid to a cluster against a year of one of its engagements. The payments of an
 * engagement's year may not add up to more than was committed for it. Audited.
 */
export async function recordPayment(ctx: ServiceContext, slug: string, body: PaymentBody) {
  requireRecordPayments(ctx.actor);
  const clusterId = await getSeenClusterId(ctx, slug);
  const engagement = await findEngagementOfCluster(ctx.db, clusterId, body.engagementId);
  if (!engagement) {
    throw new AppError('validation_failed', 'The cluster has no such engagement.', {
      fieldErrors: [{ path: ['body', 'engagementId'], message: 'is not an engagement of this cluster' }],
    });
  }
  return ctx.db.transaction(async (tx) => {
    const committed = (await listCommitmentsOfEngagementForUpdate(tx, engagement.id))
      .filter((row) => row.year === body.year)
      .reduce((sum, row) => sum + row.amountNok, 0);
    const paidBefore = (await listPaymentsOfCluster(tx, clusterId))
      .filter((row) => row.engagementId === engagement.id && row.year === body.year)
      .reduce((sum, row) => sum + row.amountNok, 0);
    if (committed === 0) {
      throw new AppError('validation_failed', `Nothing is committed to this engagement for ${body.year}.`, {
        fieldErrors: [{ path: ['body', 'year'], message: 'has no commitment for this engagement' }],
      });
    }
    if (paidBefore + body.amountNok > committed) {
      throw new AppError(
        'validation_failed',
        `${body.year}: ${committed} NOK committed, ${paidBefore} NOK paid; ${body.amountNok} NOK more would pay more than committed.`,
        {
          fieldErrors: [
            { path: ['body', 'amountNok'], message: `may be at most ${committed - paidBefore} NOK` },
          ],
        },
      );
    }
    const row = await insertPayment(tx, {
      clusterId,
      engagementId: engagement.id,
      levelId: engagement.levelId,
      year: body.year,
      amountNok: body.amountNok,
      paidOn: body.paidOn,
      note: body.note,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'payment.recorded',
      entityType: 'payment',
      entityId: row.id,
      clusterId,
      after: {
        engagementId: row.engagementId,
        year: row.year,
        amountNok: row.amountNok,
        paidOn: row.paidOn,
        note: row.note,
      },
    });
    const levels = await levelsOf(tx, (await requireProgrammeId(tx))!);
    return {
      id: row.id,
      engagementId: row.engagementId,
      level: codeOf(levels.byId, row.levelId),
      year: row.year,
      amountNok: row.amountNok,
      paidOn: row.paidOn,
      note: row.note,
    };
  });
}
