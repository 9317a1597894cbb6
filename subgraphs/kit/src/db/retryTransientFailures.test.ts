import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import type { Database, Queryable } from './Database.js';
import { openDatabase } from './openDatabase.js';
import { TRANSACTION_ATTEMPTS } from './retryTransientFailures.js';

let testDb: TestDatabase;
let db: Database;
const retries: [string, number][] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({
    url: testDb.url,
    dataDir: 'memory://',
    schema: 'retry_test',
    onTransactionRetry: (sqlState, attempt) => retries.push([sqlState, attempt]),
  });
  await db.exec('CREATE SCHEMA IF NOT EXISTS retry_test');
  await db.exec('CREATE TABLE retry_test.rows (k int PRIMARY KEY, n int NOT NULL DEFAULT 0)');
});

afterAll(async () => {
  await db.close();
  await testDb.drop();
});

beforeEach(async () => {
  retries.length = 0;
  await db.exec('TRUNCATE retry_test.rows');
});

/** A real serialization failure, raised by the server inside the transaction. */
const failToSerialize = (tx: Queryable) =>
  tx.exec(`DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure'; END $$`);

const countRows = async () => (await db.query<{ c: number }>('SELECT count(*)::int AS c FROM retry_test.rows'))[0]?.c;

describe('a transaction PostgreSQL aborts for a serialization failure', () => {
  it('runs again from the start and commits only the attempt that succeeded', async () => {
    let runs = 0;
    const answer = await db.transaction(async (tx) => {
      runs += 1;
      await tx.query('INSERT INTO retry_test.rows (k) VALUES ($1)', [runs]);
      if (runs === 1) await failToSerialize(tx);
      return runs;
    });
    expect(answer).toBe(2);
    expect(retries).toEqual([['40001', 1]]);
    expect(await db.query('SELECT k FROM retry_test.rows')).toEqual([{ k: 2 }]);
  });

  it(`gives up after ${TRANSACTION_ATTEMPTS} attempts with the server's error, leaving nothing written`, async () => {
    let runs = 0;
    const failing = db.transaction(async (tx) => {
      runs += 1;
      await tx.query('INSERT INTO retry_test.rows (k) VALUES ($1)', [runs]);
      await failToSerialize(tx);
    });
    await expect(failing).rejects.toMatchObject({ code: '40001' });
    expect(runs).toBe(TRANSACTION_ATTEMPTS);
    expect(retries.map(([, attempt]) => attempt)).toEqual([1, 2]);
    expect(await countRows()).toBe(0);
  });
});

describe('a transaction that fails for any other reason', () => {
  it('runs once and rejects with its error', async () => {
    let runs = 0;
    const failing = db.transaction(async (tx) => {
      runs += 1;
      await tx.query('INSERT INTO retry_test.rows (k) VALUES (1)');
      await tx.query('INSERT INTO retry_test.rows (k) VALUES (1)');
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(runs).toBe(1);
    expect(retries).toEqual([]);
    expect(await countRows()).toBe(0);
  });
});

describe('two transactions that lock the same rows in opposite orders', () => {
  it('both commit: the deadlock victim runs again once the other is done', { timeout: 20_000 }, async () => {
    await db.query('INSERT INTO retry_test.rows (k) VALUES (1), (2)');
    // On PostgreSQL each holds its first row before either asks for its second: a deadlock, which the
    // server breaks after deadlock_timeout (1 s) by aborting one. PGlite runs transactions one at a
    // time, so there they simply run in turn.
    const bothHoldTheirFirstRow = db.kind === 'postgres' ? barrier(2) : () => Promise.resolve();
    let runs = 0;
    const lockInOrder = (first: number, second: number) =>
      db.transaction(async (tx) => {
        runs += 1;
        await tx.query('UPDATE retry_test.rows SET n = n + 1 WHERE k = $1', [first]);
        await bothHoldTheirFirstRow();
        await tx.query('UPDATE retry_test.rows SET n = n + 1 WHERE k = $1', [second]);
      });
    await Promise.all([lockInOrder(1, 2), lockInOrder(2, 1)]);
    expect(await db.query('SELECT k, n FROM retry_test.rows ORDER BY k')).toEqual([
      { k: 1, n: 2 },
      { k: 2, n: 2 },
    ]);
    if (db.kind === 'postgres') {
      expect(retries).toEqual([['40P01', 1]]);
      expect(runs).toBe(3);
    } else {
      expect(runs).toBe(2);
    }
  });
});

/** Resolves the first `parties` calls together; later calls (a retried attempt) pass at once. */
function barrier(parties: number): () => Promise<void> {
  let waiting = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    waiting += 1;
    if (waiting >= parties) open();
    return opened;
  };
}
