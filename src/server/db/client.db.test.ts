import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('the database client', () => {
  it('answers every query with its own result while transactions run beside it', async () => {
    const { db } = database;
    const answers: { asked: number; got: unknown }[] = [];
    const ask = async (asked: number) => {
      const result = await db.execute<{ got: number }>(sql`select ${asked}::int as got`);
      answers.push({ asked, got: result.rows[0]?.got });
    };
    // A transaction's statements beside plain queries from other requests: what a page does
    // when one API call searches in a transaction while another reads the programme.
    const transaction = (round: number) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select ${round}::int as a, ${round}::int as b`);
      });
    for (let round = 0; round < 60; round++) {
      await Promise.all([transaction(round), ask(round * 10 + 1), ask(round * 10 + 2), ask(round * 10 + 3)]);
    }
    expect(answers.filter((a) => a.got !== a.asked)).toEqual([]);
    expect(answers).toHaveLength(180);
  });
});
