import type { AuditEvent, SubgraphContext } from '@amparo/kit';

/** The WRITE event a case mutation appends, in its own transaction, to the audit trail (F6). */
export function caseWriteEvent(
  ctx: SubgraphContext<unknown>,
  recordType: string,
  recordIds: readonly string[],
  fields: readonly string[],
): AuditEvent {
  return {
    requestId: ctx.requestId,
    principalSub: ctx.principal.sub,
    role: ctx.principal.role,
    organizationId: ctx.principal.org,
    purpose: 'case management',
    operationName: ctx.operationName,
    operationHash: ctx.operationHash,
    action: 'WRITE',
    recordType,
    recordIds,
    fields,
  };
}
