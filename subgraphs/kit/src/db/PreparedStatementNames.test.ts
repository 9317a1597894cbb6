import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import type { Database } from './Database.js';
import { openDatabase } from './openDatabase.js';
import { MAX_PREPARED_STATEMENTS, PreparedStatementNames } from './PreparedStatementNames.js';

const plus = (n: number) => `SELECT $1::int + ${n} AS n`;

describe('PreparedStatementNames', () => {
  it('names the first texts up to the cap, and none after it', () => {
    const names = new PreparedStatementNames(3);
    const given = [1, 2, 3, 4, 5].map((n) => names.nameFor(plus(n)));
    expect(given.slice(0, 3).every((name) => typeof name === 'string')).toBe(true);
    expect(given.slice(3)).toEqual([undefined, undefined]);
    expect(names.size).toBe(3);
  });

  it('keeps giving a named text its one name after the cap is reached', () => {
    const names = new PreparedStatementNames(2);
    const first = names.nameFor(plus(1));
    names.nameFor(plus(2));
    for (let n = 3; n < 100; n++) names.nameFor(plus(n));
    expect(names.nameFor(plus(1))).toBe(first);
    expect(names.size).toBe(2);
  });

  it('tells once, the first time a text arrives after the cap, and not for texts it named', () => {
    const told: number[] = [];
    const names = new PreparedStatementNames(2, (capacity) => told.push(capacity));
    names.nameFor(plus(1));
    names.nameFor(plus(2));
    names.nameFor(plus(1));
    expect(told).toEqual([]);
    for (let n = 3; n < 10; n++) names.nameFor(plus(n));
    expect(told).toEqual([2]);
  });

  it('never gives two texts one name, in one pool or across pools, whatever the order they arrive in', () => {
    const texts = Array.from({ length: 200 }, (_, n) => plus(n));
    const forward = new PreparedStatementNames(200);
    const backward = new PreparedStatementNames(200);
    const namesForward = texts.map((sql) => forward.nameFor(sql));
    const namesBackward = [...texts].reverse().map((sql) => backward.nameFor(sql));
    expect(new Set(namesForward).size).toBe(200);
    expect(namesBackward.reverse()).toEqual(namesForward);
  });

  it('defaults to the documented cap and refuses a cap that is not a count', () => {
    expect(new PreparedStatementNames().capacity).toBe(MAX_PREPARED_STATEMENTS);
    expect(() => new PreparedStatementNames(-1)).toThrow(RangeError);
    expect(() => new PreparedStatementNames(1.5)).toThrow(RangeError);
  });
});

describe('a store whose prepared texts outnumber its cap', () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // One connection, so every statement below meets the same backend and pg client.
    db = await openDatabase({
      url: testDb.url,
      dataDir: 'memory://',
      schema: 'prepared_test',
      poolSize: 1,
      maxPreparedStatements: 2,
    });
  });

  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it('answers every text, prepares only the first ones, and keeps reusing those', async () => {
    const answers: (number | undefined)[] = [];
    for (const round of [1, 2]) {
      for (let n = 1; n <= 5; n++) {
        const [row] = await db.query<{ n: number }>(plus(n), [round * 10], { prepare: true });
        answers.push(row?.n);
      }
    }
    const inTransaction = await db.transaction((tx) =>
      Promise.all([1, 4].map(async (n) => (await tx.query<{ n: number }>(plus(n), [100], { prepare: true }))[0]?.n)),
    );
    expect(answers).toEqual([11, 12, 13, 14, 15, 21, 22, 23, 24, 25]);
    expect(inTransaction).toEqual([101, 104]);

    const prepared = await db.query<{ name: string; statement: string }>(
      "SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'amparo\\_%' ORDER BY statement",
    );
    // PGlite runs in process and prepares nothing; on PostgreSQL the backend holds exactly the first two.
    const expected = new PreparedStatementNames(2);
    expect(prepared).toEqual(
      db.kind === 'postgres' ? [1, 2].map((n) => ({ name: expected.nameFor(plus(n)), statement: plus(n) })) : [],
    );
  });
});
