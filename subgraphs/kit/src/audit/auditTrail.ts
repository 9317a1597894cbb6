import { firewallPolicy, type Principal } from '@amparo/schema';
import type { Queryable } from '../db/Database.js';
import { badUserInput } from '../errors/AmparoError.js';
import { decodeCursor, pageSize, toConnection, type Connection } from '../pagination/cursor.js';
import { verifyAuditChain } from './auditChain.js';

/** One audit entry as the auditor sees it: who, role, organisation, purpose, fields, time; never content. */
export interface AuditTrailEntry {
  seq: string;
  occurredAt: string;
  principal: string;
  role: string;
  organizationId: string | null;
  purpose: string | null;
  operationName: string | null;
  action: string;
  recordType: string;
  recordIds: string[];
  fields: string[];
}

/**
 * Every audit event of this subgraph that names `recordId`, oldest first,
 * keyset-paginated on `seq`. Read-only: the table refuses updates and
 * deletes, and no API offers either.
 */
export async function auditTrail(
  db: Queryable,
  args: { recordId: string; first?: number | null; after?: string | null },
): Promise<Connection<AuditTrailEntry>> {
  const size = pageSize(args.first);
  const position = decodeCursor(args.after);
  const after = position?.[0];
  if (position !== null && (position.length !== 1 || typeof after !== 'string' || !/^\d+$/.test(after))) {
    throw badUserInput('after', 'is not a cursor this API returned; pass pageInfo.endCursor of the previous page');
  }
  const cursorOf = (e: AuditTrailEntry) => [e.seq];
  if (args.recordId.length === 0 || args.recordId.length > 100) return toConnection([], size, 0, cursorOf);
  const [rows, [count]] = await Promise.all([
    db.query<{
      seq: number;
      occurred_at: Date;
      principal_sub: string;
      role: string;
      organization_id: string | null;
      purpose: string | null;
      operation_name: string | null;
      action: string;
      record_type: string;
      record_ids: string[];
      fields: string[];
    }>(
      `SELECT seq, occurred_at, principal_sub, role, organization_id, purpose, operation_name, action, record_type,
         record_ids, fields
       FROM audit_events WHERE record_ids @> ARRAY[$1::text] AND seq > $2::bigint ORDER BY seq LIMIT ${size + 1}`,
      [args.recordId.toLowerCase(), after ?? '0'],
    ),
    db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events WHERE record_ids @> ARRAY[$1::text]', [
      args.recordId.toLowerCase(),
    ]),
  ]);
  const entries = rows.map((r) => ({
    seq: String(r.seq),
    occurredAt: r.occurred_at.toISOString(),
    principal: r.principal_sub,
    role: r.role,
    organizationId: r.organization_id,
    purpose: r.purpose,
    operationName: r.operation_name,
    action: r.action,
    recordType: r.record_type,
    recordIds: r.record_ids,
    fields: r.fields,
  }));
  return toConnection(entries, size, count?.n ?? 0, cursorOf);
}

/** Whether `principal` reads audit trails: the auditor's scope, re-checked with the firewall (F3). */
export function readsAudit(principal: Principal): boolean {
  return firewallPolicy(principal) && principal.scopes.includes('audit:read');
}

/**
 * The auditor's two queries for one subgraph (`<name>AuditTrail`,
 * `verify<Name>AuditChain`); every subgraph that holds firewalled data
 * declares them in its SDL with the shared audit types.
 */
export function auditorQueries(prefix: string) {
  const capitalized = `${prefix[0]?.toUpperCase() ?? ''}${prefix.slice(1)}`;
  return {
    [`${prefix}AuditTrail`]: (
      _: unknown,
      args: { recordId: string; first?: number | null; after?: string | null },
      ctx: { principal: Principal; db: Queryable },
    ) => (readsAudit(ctx.principal) ? auditTrail(ctx.db, args) : null),
    [`verify${capitalized}AuditChain`]: async (
      _: unknown,
      __: unknown,
      ctx: { principal: Principal; db: Queryable },
    ) => {
      if (!readsAudit(ctx.principal)) return null;
      const result = await verifyAuditChain(ctx.db);
      return { ...result, firstInvalidSeq: result.firstInvalidSeq === null ? null : String(result.firstInvalidSeq) };
    },
  };
}
