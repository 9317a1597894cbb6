import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/Database.js';
import { migrate, KIT_MIGRATIONS_DIR } from '../db/migrate.js';
import { openDatabase } from '../db/openDatabase.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { verifyAuditChain, type AuditEvent } from './auditChain.js';
import { createAuditAppender, MAX_EVENTS_PER_AUDIT_TRANSACTION } from './createAuditAppender.js';

const SCHEMA = 'audit_appender_test';
let testDb: TestDatabase;
let db: Database;

const read = (requestId: string, recordType: string): AuditEvent => ({
  requestId,
  principalSub: 'caseworker-1',
  role: 'caseworker',
  organizationId: 'org-1',
  purpose: null,
  operationName: 'CasePage',
  operationHash: 'h',
  action: 'READ',
  recordType,
  recordIds: [`${recordType}-of-${requestId}`],
  fields: [`${recordType}.id`],
});

/**
 * The same store, counting the transactions begun and failing the ones
 * `failWhen` picks: with a rejected promise, or (`throws`) by throwing at once.
 */
function observed(failWhen: (n: number) => boolean = () => false, how: 'rejects' | 'throws' = 'rejects') {
  let transactions = 0;
  const wrapped: Database = {
    ...db,
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (work) => {
      transactions += 1;
      if (failWhen(transactions)) {
        if (how === 'throws') throw new Error('store unavailable');
        return Promise.reject(new Error('store unavailable'));
      }
      return db.transaction(work);
    },
  };
  return { db: wrapped, transactions: () => transactions };
}

const rowsOf = (requestId: string) =>
  db.query<{ record_type: string }>('SELECT record_type FROM audit_events WHERE request_id = $1 ORDER BY seq', [
    requestId,
  ]);

/**
 * The transactions that wrote the rows of `prefix`'s requests, in chain order:
 * rows inserted by one transaction share its xmin.
 */
async function transactionsOf(prefix: string): Promise<string[][]> {
  const rows = await db.query<{ tx: string; request_id: string }>(
    'SELECT xmin::text AS tx, request_id FROM audit_events WHERE starts_with(request_id, $1) ORDER BY seq',
    [prefix],
  );
  const groups: { tx: string; requestIds: string[] }[] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last?.tx === row.tx) last.requestIds.push(row.request_id);
    else groups.push({ tx: row.tx, requestIds: [row.request_id] });
  }
  return groups.map((g) => g.requestIds);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ url: testDb.url, dataDir: 'memory://', schema: SCHEMA });
  await migrate(db, SCHEMA, KIT_MIGRATIONS_DIR, 'kit/');
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('createAuditAppender', () => {
  it('writes one request alone as soon as it ends, its events in order, the chain intact', async () => {
    const store = observed();
    const append = createAuditAppender(store.db, SCHEMA);
    await append([read('alone', 'Case'), read('alone', 'Referral'), read('alone', 'Consent')]);
    expect(store.transactions()).toBe(1);
    expect((await rowsOf('alone')).map((r) => r.record_type)).toEqual(['Case', 'Referral', 'Consent']);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });

  it('puts the requests that end while a transaction is in flight into the next one, losing none', async () => {
    const store = observed();
    const append = createAuditAppender(store.db, SCHEMA);
    const requests = Array.from({ length: 30 }, (_, i) => `concurrent-${i}`);
    await Promise.all(requests.map((id) => append([read(id, 'Case'), read(id, 'Incident')])));
    // The first request goes alone; the 29 that ended while it was written share the second.
    expect(store.transactions()).toBe(2);
    for (const id of requests) expect((await rowsOf(id)).map((r) => r.record_type)).toEqual(['Case', 'Incident']);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });

  it('fails every request of a batch whose transaction fails, and writes the next batch', async () => {
    const store = observed((n) => n === 2);
    const append = createAuditAppender(store.db, SCHEMA);
    const first = append([read('before-failure', 'Case')]);
    const failed = [append([read('failed-1', 'Case')]), append([read('failed-2', 'Case')])];
    await first;
    await Promise.all(failed.map((p) => expect(p).rejects.toThrow('store unavailable')));
    await append([read('after-failure', 'Case')]);
    expect(await rowsOf('failed-1')).toEqual([]);
    expect(await rowsOf('failed-2')).toEqual([]);
    expect(await rowsOf('after-failure')).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });

  it('splits a backlog beyond the bound into several transactions of whole requests, in the order they ended', async () => {
    const store = observed();
    const append = createAuditAppender(store.db, SCHEMA, { maxEventsPerTransaction: 4 });
    const requests = Array.from({ length: 7 }, (_, i) => `bounded-${i}`);
    // Each request checks its own rows the moment its promise settles: all of them must already be there.
    const seenAtResolve = await Promise.all(
      requests.map((id) => append([read(id, 'Case'), read(id, 'Incident')]).then(() => rowsOf(id))),
    );
    for (const rows of seenAtResolve) expect(rows.map((r) => r.record_type)).toEqual(['Case', 'Incident']);
    // The first alone, then the six that waited, two requests (four events) per transaction.
    expect(store.transactions()).toBe(4);
    const twice = (ids: string[]) => ids.flatMap((id) => [id, id]);
    expect(await transactionsOf('bounded-')).toEqual([
      twice(['bounded-0']),
      twice(['bounded-1', 'bounded-2']),
      twice(['bounded-3', 'bounded-4']),
      twice(['bounded-5', 'bounded-6']),
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });

  it('never splits one request, even one larger than the bound, nor lets a smaller one overtake it', async () => {
    const store = observed();
    const append = createAuditAppender(store.db, SCHEMA, { maxEventsPerTransaction: 4 });
    const types = ['Case', 'Referral', 'Consent', 'Incident', 'Note', 'Family'];
    await Promise.all([
      append([read('whole-0', 'Case')]),
      append([read('whole-1', 'Case'), read('whole-1', 'Referral')]),
      append(types.map((type) => read('whole-2', type))),
      append([read('whole-3', 'Case')]),
    ]);
    expect(await transactionsOf('whole-')).toEqual([
      ['whole-0'],
      ['whole-1', 'whole-1'],
      Array(6).fill('whole-2'),
      ['whole-3'],
    ]);
    expect((await rowsOf('whole-2')).map((r) => r.record_type)).toEqual(types);
  });

  it('bounds a transaction by record ids too, and sends a request above that bound alone', async () => {
    const store = observed();
    const append = createAuditAppender(store.db, SCHEMA, { maxRecordIdsPerTransaction: 10 });
    const withIds = (id: string, n: number): AuditEvent => ({
      ...read(id, 'Case'),
      recordIds: Array.from({ length: n }, (_, i) => `case-${i}-of-${id}`),
    });
    const sizes = [4, 4, 4, 4, 15, 4, 4];
    await Promise.all(sizes.map((n, i) => append([withIds(`ids-${i}`, n)])));
    // The first alone, then whole requests of at most 10 ids, in order; 15 ids go alone.
    expect(await transactionsOf('ids-')).toEqual([
      ['ids-0'],
      ['ids-1', 'ids-2'],
      ['ids-3'],
      ['ids-4'],
      ['ids-5', 'ids-6'],
    ]);
    expect(store.transactions()).toBe(5);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });

  it(`writes at most ${MAX_EVENTS_PER_AUDIT_TRANSACTION} events per transaction by default`, async () => {
    const store = observed();
    const append = createAuditAppender(store.db, SCHEMA);
    const requests = Array.from({ length: MAX_EVENTS_PER_AUDIT_TRANSACTION + 101 }, (_, i) => `default-${i}`);
    await Promise.all(requests.map((id) => append([read(id, 'Case')])));
    // One alone, then the backlog in one full transaction and the remaining hundred.
    expect(store.transactions()).toBe(3);
    expect((await transactionsOf('default-')).map((ids) => ids.length)).toEqual([
      1,
      MAX_EVENTS_PER_AUDIT_TRANSACTION,
      100,
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });

  it('fails exactly the requests of the transaction that fails, and writes the ones around it', async () => {
    const store = observed((n) => n === 3);
    const append = createAuditAppender(store.db, SCHEMA, { maxEventsPerTransaction: 4 });
    const requests = Array.from({ length: 7 }, (_, i) => `partial-${i}`);
    const outcomes = await Promise.allSettled(requests.map((id) => append([read(id, 'Case'), read(id, 'Need')])));
    // Transactions: [0], [1, 2], [3, 4] (the failing third), [5, 6].
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    for (const [i, id] of requests.entries()) expect(await rowsOf(id)).toHaveLength(i === 3 || i === 4 ? 0 : 2);
    expect(await verifyAuditChain(db)).toMatchObject({ valid: true, firstInvalidSeq: null });
  });

  it('keeps writing after a store whose transaction throws instead of rejecting', async () => {
    const throwing = observed((n) => n === 1, 'throws');
    const append = createAuditAppender(throwing.db, SCHEMA);
    await expect(append([read('thrown', 'Case')])).rejects.toThrow('store unavailable');
    await append([read('after-thrown', 'Case')]);
    expect(await rowsOf('thrown')).toEqual([]);
    expect(await rowsOf('after-thrown')).toHaveLength(1);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => createAuditAppender(db, SCHEMA, { maxEventsPerTransaction: 0 })).toThrow(RangeError);
    expect(() => createAuditAppender(db, SCHEMA, { maxEventsPerTransaction: 2.5 })).toThrow(RangeError);
    expect(() => createAuditAppender(db, SCHEMA, { maxRecordIdsPerTransaction: 0 })).toThrow(
      /maxRecordIdsPerTransaction/,
    );
  });
});
