import { createHash } from 'node:crypto';
import type { Queryable } from '../db/Database.js';

/** One entry of the audit trail: who touched which records' which fields, and why. */
export interface AuditEvent {
  readonly requestId: string;
  readonly principalSub: string;
  readonly role: string;
  readonly organizationId: string | null;
  readonly purpose: string | null;
  readonly operationName: string | null;
  readonly operationHash: string | null;
  readonly action: 'READ' | 'WRITE';
  /** GraphQL type of the records, e.g. `Case`. */
  readonly recordType: string;
  readonly recordIds: readonly string[];
  readonly fields: readonly string[];
}

export const GENESIS_HASH = '0'.repeat(64);

interface StoredEvent extends AuditEvent {
  readonly seq: number;
  readonly occurredAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash covers every column, in a fixed order, and the previous hash. */
export function hashAuditEvent(prevHash: string, occurredAt: string, event: AuditEvent): string {
  const canonical = JSON.stringify([
    prevHash,
    occurredAt,
    event.requestId,
    event.principalSub,
    event.role,
    event.organizationId,
    event.purpose,
    event.operationName,
    event.operationHash,
    event.action,
    event.recordType,
    [...event.recordIds],
    [...event.fields],
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function lockKey(schema: string): number {
  return createHash('sha256').update(`audit:${schema}`).digest().readInt32BE(0);
}

const COLUMNS =
  'occurred_at, request_id, principal_sub, role, organization_id, purpose, operation_name, operation_hash, action, ' +
  'record_type, record_ids, fields, prev_hash, hash';
const PARAMS_PER_EVENT = 14;
/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters. */
const EVENTS_PER_STATEMENT = 500;

/**
 * Appends events to the chain. Call inside the transaction that does the
 * work being audited (writes), so the record and its audit stand or fall
 * together. An advisory lock serializes appenders so the chain never forks.
 * The events of one call go in one multi-row INSERT: identity values follow
 * the order of the VALUES list, so `seq` order is chain order.
 */
export async function appendAuditEvents(tx: Queryable, schema: string, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [lockKey(schema)], { prepare: true });
  const [last] = await tx.query<{ hash: string }>('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1', [], {
    prepare: true,
  });
  let prevHash = last?.hash ?? GENESIS_HASH;
  for (let start = 0; start < events.length; start += EVENTS_PER_STATEMENT) {
    const chunk = events.slice(start, start + EVENTS_PER_STATEMENT);
    const params: unknown[] = [];
    const rows: string[] = [];
    for (const event of chunk) {
      const occurredAt = new Date().toISOString();
      const hash = hashAuditEvent(prevHash, occurredAt, event);
      const first = params.length + 1;
      rows.push(`(${Array.from({ length: PARAMS_PER_EVENT }, (_, i) => `$${first + i}`).join(', ')})`);
      params.push(
        occurredAt,
        event.requestId,
        event.principalSub,
        event.role,
        event.organizationId,
        event.purpose,
        event.operationName,
        event.operationHash,
        event.action,
        event.recordType,
        event.recordIds,
        event.fields,
        prevHash,
        hash,
      );
      prevHash = hash;
    }
    // One event (every mutation's WRITE, and a READ group of one request) is always the same text: kept
    // prepared, it skips parsing and planning inside the chain's lock. Batches vary in length and would
    // each take one of the pool's prepared-statement slots.
    await tx.query(
      `INSERT INTO audit_events (${COLUMNS}) VALUES ${rows.join(', ')}`,
      params,
      chunk.length === 1 ? { prepare: true } : undefined,
    );
  }
}

export interface ChainVerification {
  readonly valid: boolean;
  readonly checked: number;
  /** Sequence number of the first event whose hash or link does not hold. */
  readonly firstInvalidSeq: number | null;
}

/** Recomputes the whole chain: an altered, removed or reordered row is detected. */
export async function verifyAuditChain(db: Queryable): Promise<ChainVerification> {
  const rows = await db.query<{
    seq: number;
    occurred_at: Date;
    request_id: string;
    principal_sub: string;
    role: string;
    organization_id: string | null;
    purpose: string | null;
    operation_name: string | null;
    operation_hash: string | null;
    action: 'READ' | 'WRITE';
    record_type: string;
    record_ids: string[];
    fields: string[];
    prev_hash: string;
    hash: string;
  }>('SELECT * FROM audit_events ORDER BY seq');
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const event: StoredEvent = {
      seq: row.seq,
      occurredAt: row.occurred_at.toISOString(),
      requestId: row.request_id,
      principalSub: row.principal_sub,
      role: row.role,
      organizationId: row.organization_id,
      purpose: row.purpose,
      operationName: row.operation_name,
      operationHash: row.operation_hash,
      action: row.action,
      recordType: row.record_type,
      recordIds: row.record_ids,
      fields: row.fields,
      prevHash: row.prev_hash,
      hash: row.hash,
    };
    if (event.prevHash !== prevHash || hashAuditEvent(prevHash, event.occurredAt, event) !== event.hash) {
      return { valid: false, checked: rows.length, firstInvalidSeq: event.seq };
    }
    prevHash = event.hash;
  }
  return { valid: true, checked: rows.length, firstInvalidSeq: null };
}
