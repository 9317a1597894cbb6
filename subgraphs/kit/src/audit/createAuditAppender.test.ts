import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/Database.js';
import { migrate, KIT_MIGRATIONS_DIR } from '../db/migrate.js';
import { openDatabase } from '../db/openDatabase.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { verifyAuditChain, type AuditEvent } from './auditChain.js';
import { createAuditAppender } from './createAuditAppender.js';

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

/** The same store, counting the transactions begun and failing the ones `failWhen` picks. */
function observed(failWhen: (n: number) => boolean = () => false) {
  let transactions = 0;
  const wrapped: Database = {
    ...db,
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (work) => {
      transactions += 1;
      if (failWhen(transactions)) return Promise.reject(new Error('store unavailable'));
      return db.transaction(work);
    },
  };
  return { db: wrapped, transactions: () => transactions };
}

const rowsOf = (requestId: string) =>
  db.query<{ record_type: string }>('SELECT record_type FROM audit_events WHERE request_id = $1 ORDER BY seq', [
    requestId,
  ]);

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
});
