import { appendAuditEvents, type Queryable, type SubgraphContext } from '@amparo/kit';

/** Appends one WRITE event for `recordType` inside the transaction that did the write (F6). */
export function writeAuditEvent(
  tx: Queryable,
  ctx: Pick<SubgraphContext, 'principal' | 'requestId' | 'operationName' | 'operationHash'>,
  recordType: string,
  recordIds: readonly string[],
  fields: readonly string[],
): Promise<void> {
  return appendAuditEvents(tx, 'interpreters', [
    {
      requestId: ctx.requestId,
      principalSub: ctx.principal.sub,
      role: ctx.principal.role,
      organizationId: ctx.principal.org,
      purpose: null,
      operationName: ctx.operationName,
      operationHash: ctx.operationHash,
      action: 'WRITE',
      recordType,
      recordIds,
      fields,
    },
  ]);
}
