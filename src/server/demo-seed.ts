import { type Random, seededRandom } from '../shared/random';
import type { Clock } from './clock';
import type { Db } from './db/client';

/**
 * What one feature's demo seed leaves for the features after it: the programme for the clusters,
 * the organisations for the partnerships, the clusters for the accounts. Each feature adds its own
 * members in its `*.seed.ts` by declaration merging, which needs an interface: the set of members
 * is open, and no central file should list them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: features add their members by declaration merging
export interface DemoFacts {}

/** What a feature's demo seed is given. Everything it writes goes through `tx`. */
export type Demo = {
  tx: Db;
  clock: Clock;
  /** The day the demo is seeded on (Europe/Oslo): partnerships and levels are judged on it. */
  today: string;
  /** A random stream of the feature's own, so one feature's draws never shift another's demo. */
  random: Random;
  /** Leaves a fact for the features after this one. */
  leave<K extends keyof DemoFacts>(key: K, value: DemoFacts[K]): void;
  /** A fact an earlier feature left; a seed listed before the one that leaves it is a mistake. */
  fact<K extends keyof DemoFacts>(key: K): DemoFacts[K];
  /** Adds to the summary the seed reports (`clusters: 56`). */
  count(what: string, n: number): void;
};

export type DemoSeed = (demo: Demo) => Promise<void>;

/** A number from a feature's name, so its random stream stays the same when other features change. */
function streamOf(name: string): number {
  let hash = 2_166_136_261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  return hash >>> 0;
}

/**
 * Loads the demo: every feature's seed, in the features' order, in one transaction, so a failure
 * leaves the database as empty as it was. Deterministic: the same day gives the same demo.
 */
export async function seedDemo(
  db: { transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> },
  clock: Clock,
  today: string,
  features: readonly { name: string; seedDemo?: DemoSeed }[],
): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const facts = new Map<keyof DemoFacts, unknown>();
    const summary: Record<string, number> = {};
    for (const feature of features) {
      if (!feature.seedDemo) continue;
      await feature.seedDemo({
        tx,
        clock,
        today,
        random: seededRandom(streamOf(feature.name)),
        leave: (key, value) => void facts.set(key, value),
        fact(key) {
          if (!facts.has(key)) {
            throw new Error(
              `The ${feature.name} demo seed needs "${String(key)}", which no earlier feature left.`,
            );
          }
          return facts.get(key) as DemoFacts[typeof key];
        },
        count: (what, n) => {
          summary[what] = (summary[what] ?? 0) + n;
        },
      });
    }
    return summary;
  });
}
