import { appendAuditEvents, writeAuditEvent, type AuditActor, type Queryable } from '@amparo/kit';

/**
 * Appends one WRITE event to this subgraph's audit chain (F6), inside the
 * transaction of the write it records.
 */
export async function auditWrite(
  tx: Queryable,
  who: AuditActor,
  record: { type: string; ids: readonly string[]; fields: readonly string[]; purpose: string },
): Promise<void> {
  await appendAuditEvents(tx, 'searches', [writeAuditEvent(who, record)]);
}
