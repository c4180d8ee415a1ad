import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock';
import type { Db } from './db/client';
import { type DemoSeed, seedDemo } from './demo-seed';

/** A database whose transaction hands the work a stand-in; the seeds below never touch it. */
const database = { transaction: <T>(work: (tx: Db) => Promise<T>) => work({} as Db) };
const clock = fixedClock('2026-06-15T10:00:00Z');

declare module './demo-seed' {
  interface DemoFacts {
    testNumbers: number[];
  }
}

describe('the demo seed', () => {
  it('runs the features in order, passes facts forward and adds up their counts', async () => {
    const leaves: DemoSeed = async (demo) => {
      demo.leave('testNumbers', [1, 2, 3]);
      demo.count('numbers', 3);
    };
    const reads: DemoSeed = async (demo) => demo.count('numbers', demo.fact('testNumbers').length * 10);
    const summary = await seedDemo(database, clock, '2026-06-15', [
      { name: 'first', seedDemo: leaves },
      { name: 'nothing to seed' },
      { name: 'second', seedDemo: reads },
    ]);
    expect(summary).toEqual({ numbers: 33 });
  });

  it('names the feature and the fact when a seed runs before the feature that leaves it', async () => {
    const reads: DemoSeed = async (demo) => void demo.fact('testNumbers');
    await expect(
      seedDemo(database, clock, '2026-06-15', [{ name: 'early', seedDemo: reads }]),
    ).rejects.toThrow('The early demo seed needs "testNumbers", which no earlier feature left.');
  });

  it("gives each feature a random stream of its own, which other features' draws do not shift", async () => {
    const draws: Record<string, number[]> = {};
    const draw =
      (name: string, n: number): DemoSeed =>
      async (demo) => {
        draws[name] = Array.from({ length: n }, () => demo.random.int(0, 1_000_000));
      };
    await seedDemo(database, clock, '2026-06-15', [{ name: 'b', seedDemo: draw('b', 5) }]);
    const alone = draws.b;
    await seedDemo(database, clock, '2026-06-15', [
      { name: 'a', seedDemo: draw('a', 50) },
      { name: 'b', seedDemo: draw('b', 5) },
    ]);
    expect(draws.b).toEqual(alone);
    expect(draws.a!.slice(0, 5)).not.toEqual(alone);
  });
});
