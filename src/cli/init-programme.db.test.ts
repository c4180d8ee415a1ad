import { asc, inArray } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents } from '../features/audit/audit.table';
import { createProgramme } from '../features/programme/programme.seed';
import { brands, levels, programmes } from '../features/programme/programme.table';
import { setupTestApp } from '../testing/harness';
import { initProgrammeCommand } from './init-programme';

const t = setupTestApp();

// The programme is one per database: every test starts from none.
beforeEach(async () => {
  for (const table of [brands, levels, programmes, auditEvents]) await t.db.delete(table);
});

/** Runs the command and says what it printed. */
async function run(args: string[]) {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = await initProgrammeCommand(t.db, t.clock, args);
    const lines = (spy: typeof out) => spy.mock.calls.map((call) => call.join(' '));
    return { code, out: lines(out), err: lines(err) };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('klynge init-programme', () => {
  it('asks for a template it knows, and writes nothing without one', async () => {
    expect(await run([])).toMatchObject({ code: 2, err: ['Usage: klynge init-programme --template norway'] });
    expect(await run(['--template', 'sweden'])).toMatchObject({
      code: 2,
      err: ['Unknown template "sweden". Usage: klynge init-programme --template norway'],
    });
    expect((await t.get('/api/programme')).status).toBe(404);
  });

  it('writes the Norwegian programme into an empty database: its operators, levels and their history, NCE and the cap', async () => {
    const { code, out } = await run(['--template', 'norway']);
    expect(code).toBe(0);
    expect(out).toEqual([
      'Wrote the programme norwegian-innovation-clusters: 3 operators, 7 levels, 1 brands. Add the press contacts at /programme/setup.',
    ]);
    const { body } = await t.get('/api/programme');
    expect(body).toMatchObject({
      name: { en: 'Norwegian Innovation Clusters' },
      operators: ['Innovasjon Norge', 'Siva', 'Forskningsrådet'],
      operatingAidCapYears: 10,
      brands: [expect.objectContaining({ code: 'nce', duringLevel: 'arena_pro', fromYear: 2019 })],
    });
    const levels = Object.fromEntries(body.levels.map((level: { code: string }) => [level.code, level]));
    expect(Object.keys(levels)).toEqual([
      'pre_project',
      'hub_node',
      'arena',
      'arena_pro',
      'nce',
      'mature_project',
      'global',
    ]);
    expect(levels.arena).toMatchObject({
      durationYears: 3,
      extensionYears: 2,
      openFromYear: 2002,
      operatingAid: true,
    });
    expect(levels.nce).toMatchObject({
      durationYears: 10,
      openFromYear: 2006,
      openToYear: 2018,
      operatingAid: true,
    });
    expect(levels.mature_project).toMatchObject({
      openFromYear: 2023,
      openToYear: null,
      operatingAid: false,
    });

    const trail = await t.db
      .select()
      .from(auditEvents)
      .where(inArray(auditEvents.entityType, ['programme', 'level']))
      .orderBy(asc(auditEvents.seq));
    expect(trail.filter((event) => event.action === 'level.created')).toHaveLength(7);
    expect(trail.filter((event) => event.action === 'programme.created')).toHaveLength(1);
    expect(new Set(trail.map((event) => event.actorName))).toEqual(new Set(['system']));
  });

  it('refuses with one line when the database already has a programme, and changes nothing', async () => {
    await createProgramme(t.db);
    const before = await t.get('/api/programme');
    const { code, out, err } = await run(['--template', 'norway']);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      'The database already holds the programme "Norwegian Innovation Clusters"; init-programme writes one only into a database without one.',
    ]);
    expect((await t.get('/api/programme')).body).toEqual(before.body);
  });
});
