import { pageSize, toConnection, type Connection, type Queryable } from '@amparo/kit';
import { decodeCaseCursor } from './caseCursor.js';
import { CASE_COLUMNS, toCase, type Case, type CaseRow } from './caseRow.js';

/**
 * The cases of one organisation, newest first, with keyset pagination on
 * (opened_at, id). `organizationId` null means the caller may read no cases:
 * she gets an empty connection, the same answer as an organisation with none.
 */
export async function listCases(
  db: Queryable,
  organizationId: string | null,
  args: { status?: string | null; first?: number | null; after?: string | null },
): Promise<Connection<Case>> {
  // Input is checked before access, so that bad input is reported the same way to everyone.
  const size = pageSize(args.first);
  const after = decodeCaseCursor(args.after);
  if (organizationId === null) return toConnection([], size, 0, (c: Case) => [c.openedAt, c.id]);

  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`organization_id = ${param(organizationId)}::uuid`];
  if (args.status) where.push(`status = ${param(args.status)}`);
  const countSql = `SELECT count(*) AS n FROM cases WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  if (after) where.push(`(opened_at, id) < (${param(after.openedAt)}::timestamptz, ${param(after.id)}::uuid)`);

  const [rows, [count]] = await Promise.all([
    db.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE ${where.join(' AND ')} ORDER BY opened_at DESC, id DESC LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>(countSql, countParams),
  ]);
  return toConnection(rows.map(toCase), size, count?.n ?? 0, (c) => [c.openedAt, c.id]);
}
