import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import type { Database } from './Database.js';
import { openDatabase } from './openDatabase.js';

let testDb: TestDatabase;
let db: Database;
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ url: testDb.url, dataDir: 'memory://', schema: 'tx_test' });
  await db.exec('CREATE SCHEMA IF NOT EXISTS tx_test');
  await db.exec('CREATE TABLE tx_test.counters (n int NOT NULL)');
  process.on('warning', onWarning);
});

afterAll(async () => {
  process.off('warning', onWarning);
  await db.close();
  await testDb.drop();
});

describe('a transaction whose queries are fired together', () => {
  it('runs them one after the other on its connection, each with its own answer, and commits them all', async () => {
    const answers = await db.transaction((tx) =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          tx.query<{ n: number }>('INSERT INTO tx_test.counters (n) VALUES ($1) RETURNING n', [i]),
        ),
      ),
    );
    expect(answers.map((rows) => rows[0]?.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const [count] = await db.query<{ c: number }>('SELECT count(*)::int AS c FROM tx_test.counters');
    expect(count?.c).toBe(20);
    // pg deprecates a second query on a client that is still busy (pg@9 will refuse it).
    expect(warnings.filter((w) => /already executing a query/.test(w.message))).toEqual([]);
  });

  it('rolls back every one of them when one fails', async () => {
    await expect(
      db.transaction((tx) =>
        Promise.all([
          tx.query('INSERT INTO tx_test.counters (n) VALUES (100)'),
          tx.query('INSERT INTO tx_test.counters (n) VALUES (NULL)'),
          tx.query('INSERT INTO tx_test.counters (n) VALUES (101)'),
        ]),
      ),
    ).rejects.toThrow();
    const [count] = await db.query<{ c: number }>('SELECT count(*)::int AS c FROM tx_test.counters WHERE n >= 100');
    expect(count?.c).toBe(0);
  });
});
