import { writeAuditEvent, type AuditEvent, type SubgraphContext } from '@amparo/kit';

/** The WRITE event a case mutation appends, in its own transaction, to the audit trail (F6). */
export function caseWriteEvent(
  ctx: SubgraphContext<unknown>,
  recordType: string,
  recordIds: readonly string[],
  fields: readonly string[],
): AuditEvent {
  return writeAuditEvent(ctx, { type: recordType, ids: recordIds, fields, purpose: 'case management' });
}
