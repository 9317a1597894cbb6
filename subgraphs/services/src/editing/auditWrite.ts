import { appendAuditEvents, type Queryable, type SubgraphContext } from '@amparo/kit';

/** One WRITE event in the same transaction as the write: the change and its trail stand or fall together. */
export async function auditWrite(
  tx: Queryable,
  ctx: Pick<SubgraphContext, 'principal' | 'requestId' | 'operationName' | 'operationHash'>,
  serviceId: string,
  fields: readonly string[],
): Promise<void> {
  await appendAuditEvents(tx, 'services', [
    {
      requestId: ctx.requestId,
      principalSub: ctx.principal.sub,
      role: ctx.principal.role,
      organizationId: ctx.principal.org,
      purpose: 'catalogue maintenance',
      operationName: ctx.operationName,
      operationHash: ctx.operationHash,
      action: 'WRITE',
      recordType: 'Service',
      recordIds: [serviceId],
      fields,
    },
  ]);
}
