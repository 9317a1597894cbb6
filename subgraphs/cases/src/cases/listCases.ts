import { pageSize, toConnection, type Connection, type Queryable } from '@amparo/kit';
import { visibleCases } from '../access/caseReader.js';
import { redactCase } from '../consent/redactCase.js';
import { decodeCaseCursor } from './caseCursor.js';
import { CASE_COLUMNS, toCase, type Case, type CaseRow } from './caseRow.js';

/**
 * Cases newest first, with keyset pagination on (opened_at, id): those owned
 * by `organizationId` (`whose: 'owned'`), or those other organisations share
 * with it through an active consent (`whose: 'shared'`, redacted to the
 * consented sections). `organizationId` null means the caller may read none:
 * she gets an empty connection, the same answer as an organisation with none.
 * `assignedTo`, a caseworker's token subject, keeps only the cases she is
 * assigned to ("my cases").
 */
export async function listCases(
  db: Queryable,
  organizationId: string | null,
  args: { status?: string | null; first?: number | null; after?: string | null },
  whose: 'owned' | 'shared' = 'owned',
  assignedTo: string | null = null,
): Promise<Connection<Case>> {
  // Input is checked before access, so that bad input is reported the same way to everyone.
  const size = pageSize(args.first);
  const after = decodeCaseCursor(args.after);
  if (organizationId === null) return toConnection([], size, 0, (c: Case) => [c.openedAt, c.id]);

  const params: unknown[] = [organizationId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const visible = visibleCases('$1', '$1');
  const where = whose === 'owned' ? [visible.owned] : [`c.organization_id <> $1::uuid`, visible.shared];
  if (args.status) where.push(`c.status = ${param(args.status)}`);
  if (assignedTo !== null) {
    const me = param(assignedTo);
    where.push(`EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = c.id AND a.caseworker = ${me})`);
  }
  const countSql = `SELECT count(*) AS n FROM cases c WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  if (after) where.push(`(c.opened_at, c.id) < (${param(after.openedAt)}::timestamptz, ${param(after.id)}::uuid)`);

  const [rows, [count]] = await Promise.all([
    db.query<CaseRow & { shared_sections: string[] | null }>(
      `SELECT ${CASE_COLUMNS}, ${visible.sharedSections} FROM cases c WHERE ${where.join(' AND ')}
       ORDER BY c.opened_at DESC, c.id DESC LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>(countSql, countParams),
  ]);
  return toConnection(
    rows.map((row) => redactCase(toCase(row), row.shared_sections)),
    size,
    count?.n ?? 0,
    (c) => [c.openedAt, c.id],
  );
}
