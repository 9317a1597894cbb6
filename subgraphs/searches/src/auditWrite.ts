import { appendAuditEvents, type Queryable } from '@amparo/kit';
import type { Principal } from '@amparo/schema';

/**
 * Appends one WRITE event to this subgraph's audit chain (F6), inside the
 * transaction of the write it records.
 */
export async function auditWrite(
  tx: Queryable,
  who: { principal: Principal; requestId: string },
  record: { type: string; ids: readonly string[]; fields: readonly string[]; purpose: string },
): Promise<void> {
  await appendAuditEvents(tx, 'searches', [
    {
      requestId: who.requestId,
      principalSub: who.principal.sub,
      role: who.principal.role,
      organizationId: who.principal.org,
      purpose: record.purpose,
      operationName: null,
      operationHash: null,
      action: 'WRITE',
      recordType: record.type,
      recordIds: record.ids,
      fields: record.fields,
    },
  ]);
}
