import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { type DatabaseHandle, openDatabase } from './client';
import { runAlone } from './run-alone';

let database: TestDatabase;
let second: DatabaseHandle | undefined;
beforeAll(async () => {
  database = await createTestDatabase();
  // Another process on the same database; the embedded database has only the one.
  if (database.kind === 'postgres') second = await openDatabase(database.target);
});
afterAll(async () => {
  await second?.close();
  await database?.drop();
});

describe('work that runs alone', () => {
  it('runs once when two processes start it at the same time, and again once the first is done', async () => {
    if (!second) {
      expect(await runAlone(database, 'klynge import', async () => 'done')).toEqual({
        ran: true,
        result: 'done',
      });
      return;
    }
    let started: () => void = () => {};
    const running = new Promise<void>((done) => {
      started = done;
    });
    let finish: () => void = () => {};
    const first = runAlone(
      database,
      'klynge import',
      () =>
        new Promise<string>((done) => {
          started();
          finish = () => done('first');
        }),
    );
    await running;
    expect(await runAlone(second, 'klynge import', async () => 'second')).toEqual({ ran: false });
    expect(await runAlone(second, 'something else', async () => 'other')).toEqual({
      ran: true,
      result: 'other',
    });
    finish();
    expect(await first).toEqual({ ran: true, result: 'first' });
    expect(await runAlone(second, 'klynge import', async () => 'second')).toEqual({
      ran: true,
      result: 'second',
    });
  });

  it('lets go of the lock when the work fails', async () => {
    await expect(
      runAlone(database, 'klynge import', async () => {
        throw new Error('the file could not be read');
      }),
    ).rejects.toThrow('the file could not be read');
    expect(await runAlone(second ?? database, 'klynge import', async () => 1)).toEqual({
      ran: true,
      result: 1,
    });
  });
});
