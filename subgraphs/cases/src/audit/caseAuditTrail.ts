import { badUserInput, decodeCursor, pageSize, toConnection, type Connection, type Queryable } from '@amparo/kit';
import { isUuid } from '../cases/isUuid.js';

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
 * Every audit event that names `caseId` (reads and writes of the case, its
 * consents and referrals), oldest first, keyset-paginated on `seq`. Read-only:
 * the table refuses updates and deletes, and no API offers either.
 */
export async function caseAuditTrail(
  db: Queryable,
  args: { caseId: string; first?: number | null; after?: string | null },
): Promise<Connection<AuditTrailEntry>> {
  const size = pageSize(args.first);
  const position = decodeCursor(args.after);
  const after = position?.[0];
  if (position !== null && (position.length !== 1 || typeof after !== 'string' || !/^\d+$/.test(after))) {
    throw badUserInput('after', 'is not a cursor this API returned; pass pageInfo.endCursor of the previous page');
  }
  const cursorOf = (e: AuditTrailEntry) => [e.seq];
  if (!isUuid(args.caseId)) return toConnection([], size, 0, cursorOf);
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
      [args.caseId.toLowerCase(), after ?? '0'],
    ),
    db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events WHERE record_ids @> ARRAY[$1::text]', [
      args.caseId.toLowerCase(),
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
