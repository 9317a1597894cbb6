import type { Principal } from '@amparo/schema';
import type { AuditEvent } from './auditChain.js';

/** Largest number of record ids kept in one event; a larger read is summarized by its count. */
const MAX_IDS = 1_000;

/**
 * Collects, during one request, which firewalled fields of which records were
 * resolved, so the kit can append one READ event per record type when the
 * request ends (F6) — without each resolver having to remember to.
 */
export class AuditCollector {
  readonly #byType = new Map<string, { ids: Set<string>; fields: Set<string> }>();

  record(recordType: string, field: string, recordId: unknown): void {
    let entry = this.#byType.get(recordType);
    if (!entry) {
      entry = { ids: new Set(), fields: new Set() };
      this.#byType.set(recordType, entry);
    }
    entry.fields.add(field);
    if (typeof recordId === 'string' && entry.ids.size < MAX_IDS) entry.ids.add(recordId);
  }

  get isEmpty(): boolean {
    return this.#byType.size === 0;
  }

  toEvents(claims: {
    principal: Principal;
    requestId: string;
    operationName: string | null;
    operationHash: string | null;
    purpose?: string | null;
  }): AuditEvent[] {
    return [...this.#byType].map(([recordType, { ids, fields }]) => ({
      requestId: claims.requestId,
      principalSub: claims.principal.sub,
      role: claims.principal.role,
      organizationId: claims.principal.org,
      purpose: claims.purpose ?? null,
      operationName: claims.operationName,
      operationHash: claims.operationHash,
      action: 'READ' as const,
      recordType,
      recordIds: [...ids].sort(),
      fields: [...fields].sort(),
    }));
  }
}
