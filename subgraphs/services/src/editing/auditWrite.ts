import { appendAuditEvents, writeAuditEvent, type Queryable, type SubgraphContext } from '@amparo/kit';

/** One WRITE event in the same transaction as the write: the change and its trail stand or fall together. */
export async function auditWrite(
  tx: Queryable,
  ctx: Pick<SubgraphContext, 'principal' | 'requestId' | 'operationName' | 'operationHash'>,
  serviceId: string,
  fields: readonly string[],
): Promise<void> {
  await appendAuditEvents(tx, 'services', [
    writeAuditEvent(ctx, { type: 'Service', ids: [serviceId], fields, purpose: 'catalogue maintenance' }),
  ]);
}
