import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../server/clock';
import { seedDemo } from '../../server/demo-seed';
import { FEATURES } from '../../server/features';
import { actorAs } from '../../testing/actors';
import { setupTestApp } from '../../testing/harness';
import { createProgramme } from '../programme/programme.seed';
import { listCallsPage } from './calls.queries';
import { createCall } from './calls.seed';
import { type DeadlineExtended, extendCallDeadline } from './calls.service';
import { calls } from './calls.table';

const t = setupTestApp();

beforeAll(async () => {
  await createProgramme(t.db);
});

describe('the effective status in SQL', () => {
  const deadline = new Date('2026-09-01T10:00:00Z');
  const statusAt = async (id: string, now: Date, filter?: 'open' | 'closed') => {
    const { rows } = await listCallsPage(
      t.db,
      { page: 1, pageSize: 100, ...(filter ? { status: filter } : {}) },
      { now, withDrafts: true },
    );
    return rows.find((row) => row.id === id)?.effectiveStatus;
  };

  it('reads a stored open call as open the second before its deadline, and as closed from that second', async () => {
    const call = await createCall(t.db, { status: 'open', deadlineAt: deadline });
    const before = new Date(deadline.getTime() - 1000);
    expect(await statusAt(call.id, before)).toBe('open');
    expect(await statusAt(call.id, before, 'open')).toBe('open');
    expect(await statusAt(call.id, before, 'closed')).toBeUndefined();
    expect(await statusAt(call.id, deadline)).toBe('closed');
    expect(await statusAt(call.id, deadline, 'closed')).toBe('closed');
    expect(await statusAt(call.id, deadline, 'open')).toBeUndefined();
    const [stored] = await t.db.select({ status: calls.status }).from(calls).where(eq(calls.id, call.id));
    expect(stored!.status).toBe('open');
  });

  it('leaves drafts and decided calls as they are after the deadline', async () => {
    const draft = await createCall(t.db, { deadlineAt: deadline });
    const decided = await createCall(t.db, { status: 'decided', deadlineAt: deadline });
    const after = new Date(deadline.getTime() + 86_400_000);
    expect(await statusAt(draft.id, after)).toBe('draft');
    expect(await statusAt(decided.id, after)).toBe('decided');
  });
});

describe('telling applicants of an extension', () => {
  // The audit trail keeps the actor's account id, so the operator needs one.
  const operator = { ...actorAs('operator_admin'), accountId: crypto.randomUUID() };
  const context = () => ({
    db: t.db,
    clock: fixedClock('2026-06-15T10:00:00Z'),
    actor: operator,
    mailServer: true,
  });
  const body = { deadline: '2026-09-08T10:00:00Z', reason: 'The portal was down.' };

  it('is a step of the extension, given the extension inside its transaction', async () => {
    const call = await createCall(t.db, { status: 'open' });
    const told: DeadlineExtended[] = [];
    await extendCallDeadline(context(), call.id, body, async (ctx, extension) => {
      // The step sees the new deadline: it runs in the extension's own transaction.
      const [row] = await ctx.db
        .select({ deadlineAt: calls.deadlineAt })
        .from(calls)
        .where(eq(calls.id, call.id));
      expect(row!.deadlineAt.toISOString()).toBe('2026-09-08T10:00:00.000Z');
      told.push(extension);
    });
    expect(told).toEqual([
      {
        callId: call.id,
        previousDeadlineAt: new Date('2026-09-01T10:00:00Z'),
        deadlineAt: new Date('2026-09-08T10:00:00Z'),
        reason: 'The portal was down.',
      },
    ]);
  });

  it('undoes the extension when the applicants cannot be told', async () => {
    const call = await createCall(t.db, { status: 'open' });
    await expect(
      extendCallDeadline(context(), call.id, body, async () => {
        throw new Error('the outbox is unavailable');
      }),
    ).rejects.toThrow('the outbox is unavailable');
    const [row] = await t.db
      .select({ deadlineAt: calls.deadlineAt })
      .from(calls)
      .where(eq(calls.id, call.id));
    expect(row!.deadlineAt.toISOString()).toBe('2026-09-01T10:00:00.000Z');
  });
});

describe('the demo calls', () => {
  const demo = setupTestApp();

  beforeAll(async () => {
    const features = FEATURES.filter((feature) => feature.name === 'programme' || feature.name === 'calls');
    await seedDemo(demo.db, fixedClock('2026-12-03T09:00:00Z'), '2026-12-03', features);
  }, 60_000);

  it('give every page something: the closed call of 2021 with weighted criteria, and one open on the demo day', async () => {
    const { body } = await demo.at('2026-12-03T09:00:00Z').get('/api/calls');
    expect(body.total).toBe(2);
    const [open, closed] = body.items;
    expect(open).toMatchObject({
      status: 'open',
      title: { en: 'Cluster programme 2026: Arena, Arena Pro and Hub-node' },
      // Six weeks ahead, at noon in Norway in winter.
      deadlineAt: '2027-01-14T11:00:00Z',
    });
    expect(closed).toMatchObject({
      status: 'closed',
      deadlineAt: '2021-09-01T10:00:00Z',
      levels: [
        { level: 'arena_pro', moneyNok: 30_000_000 },
        { level: 'arena', moneyNok: 12_000_000 },
      ],
    });
    const call = (await demo.get(`/api/calls/${closed.id}`)).body;
    const shares = call.criteria.map((c: { shares: { level: string; share: number }[] }) =>
      c.shares.map((s) => `${s.level} ${(s.share * 100).toFixed(1)} %`),
    );
    // Arena Pro weighs 30+25+25+20 and its own criterion's 20; Arena the first four.
    expect(shares).toEqual([
      ['arena_pro 25.0 %', 'arena 30.0 %'],
      ['arena_pro 20.8 %', 'arena 25.0 %'],
      ['arena_pro 20.8 %', 'arena 25.0 %'],
      ['arena_pro 16.7 %', 'arena 20.0 %'],
      ['arena_pro 16.7 %'],
    ]);
  });
});
