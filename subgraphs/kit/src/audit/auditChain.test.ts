import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, QueryOptions, Queryable } from '../db/Database.js';
import { migrate, KIT_MIGRATIONS_DIR } from '../db/migrate.js';
import { openDatabase } from '../db/openDatabase.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { appendAuditEvents, verifyAuditChain, type AuditEvent } from './auditChain.js';

let testDb: TestDatabase;
let db: Database;

const event = (recordId: string): AuditEvent => ({
  requestId: 'r',
  principalSub: 'caseworker-1',
  role: 'caseworker',
  organizationId: 'org-1',
  purpose: 'assistance',
  operationName: 'CasePage',
  operationHash: 'h',
  action: 'READ',
  recordType: 'Case',
  recordIds: [recordId],
  fields: ['Case.preferredName'],
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = await openDatabase({ url: testDb.url, dataDir: 'memory://', schema: 'audit_test' });
  await migrate(db, 'audit_test', KIT_MIGRATIONS_DIR, 'kit/');
  for (let i = 0; i < 5; i++) await db.transaction((tx) => appendAuditEvents(tx, 'audit_test', [event(`case-${i}`)]));
});
afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

describe('audit chain', () => {
  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(db)).toEqual({ valid: true, checked: 5, firstInvalidSeq: null });
  });

  it("keeps a single event's INSERT prepared, not a batch's, and the chain holds either way", async () => {
    const inserts: (QueryOptions | undefined)[] = [];
    const recording = (tx: Queryable): Queryable => ({
      query: (sql, params, options) => {
        if (sql.startsWith('INSERT INTO audit_events')) inserts.push(options);
        return tx.query(sql, params, options);
      },
      exec: (sql) => tx.exec(sql),
    });
    await db.transaction((tx) => appendAuditEvents(recording(tx), 'audit_test', [event('case-5')]));
    await db.transaction((tx) => appendAuditEvents(recording(tx), 'audit_test', [event('a'), event('b'), event('c')]));
    await db.transaction((tx) => appendAuditEvents(recording(tx), 'audit_test', [event('case-6')]));
    expect(inserts).toEqual([{ prepare: true }, undefined, { prepare: true }]);
    expect(await verifyAuditChain(db)).toEqual({ valid: true, checked: 10, firstInvalidSeq: null });
  });

  it('refuses updates and deletes', async () => {
    await expect(db.query("UPDATE audit_events SET role = 'admin'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
  });

  it('detects a row altered behind the triggers', async () => {
    // An attacker with database rights can disable triggers; the hashes still tell.
    await db.transaction(async (tx) => {
      await tx.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
      await tx.query("UPDATE audit_events SET record_ids = '{case-x}' WHERE seq = 3");
      await tx.exec('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    });
    expect(await verifyAuditChain(db)).toMatchObject({ valid: false, firstInvalidSeq: 3 });
  });
});
