import {
  appendAuditEvents,
  writeAuditEvent as buildWriteEvent,
  type Queryable,
  type SubgraphContext,
} from '@amparo/kit';

/** Appends one WRITE event for `recordType` inside the transaction that did the write (F6). */
export function writeAuditEvent(
  tx: Queryable,
  ctx: Pick<SubgraphContext, 'principal' | 'requestId' | 'operationName' | 'operationHash'>,
  recordType: string,
  recordIds: readonly string[],
  fields: readonly string[],
): Promise<void> {
  return appendAuditEvents(tx, 'interpreters', [buildWriteEvent(ctx, { type: recordType, ids: recordIds, fields })]);
}
