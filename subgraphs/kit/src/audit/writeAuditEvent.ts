import type { Principal } from '@amparo/schema';
import type { AuditEvent } from './auditChain.js';

/** Who did a write: the request's principal and, when known, its operation. */
export interface AuditActor {
  readonly principal: Principal;
  readonly requestId: string;
  readonly operationName?: string | null;
  readonly operationHash?: string | null;
}

/**
 * The WRITE event a mutation appends with `appendAuditEvents`, inside the
 * transaction of the write, so the change and its trail stand or fall
 * together (F6). Every subgraph builds its write events here.
 */
export function writeAuditEvent(
  actor: AuditActor,
  record: { type: string; ids: readonly string[]; fields: readonly string[]; purpose?: string | null },
): AuditEvent {
  return {
    requestId: actor.requestId,
    principalSub: actor.principal.sub,
    role: actor.principal.role,
    organizationId: actor.principal.org,
    purpose: record.purpose ?? null,
    operationName: actor.operationName ?? null,
    operationHash: actor.operationHash ?? null,
    action: 'WRITE',
    recordType: record.type,
    recordIds: record.ids,
    fields: record.fields,
  };
}
