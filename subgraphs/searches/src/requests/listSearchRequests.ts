import { badUserInput, decodeCursor, pageSize, toConnection, type Queryable } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { isUuid } from '../isUuid.js';
import { requestVisibility, visibilityClause } from './requestVisibility.js';
import {
  SEARCH_REQUEST_COLUMNS,
  toSearchRequest,
  type SearchRequest,
  type SearchRequestRow,
} from './searchRequestRow.js';

/** Reads `after` as an (openedAt, id) position; anything else is the caller's mistake, not a SQL error. */
function afterPosition(after: string | null | undefined): [string, string] | null {
  const position = decodeCursor(after);
  if (!position) return null;
  const [openedAt, id] = position;
  if (
    position.length !== 2 ||
    typeof openedAt !== 'string' ||
    typeof id !== 'string' ||
    Number.isNaN(Date.parse(openedAt)) ||
    !isUuid(id)
  ) {
    throw badUserInput('after', 'is not a cursor this API returned; pass pageInfo.endCursor of the previous page');
  }
  return [openedAt, id];
}

/**
 * The requests a principal may see, newest first, with keyset pagination on
 * (opened_at, id). A principal who may see none gets an empty connection —
 * the same answer as an organisation that has no searches.
 */
export async function listSearchRequests(
  db: Queryable,
  principal: Principal,
  args: { status?: string | null; first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const after = afterPosition(args.after);
  const visibility = requestVisibility(principal);
  if (!visibility) return toConnection<SearchRequest>([], size, 0, (r) => [r.openedAt, r.id]);

  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [visibilityClause(visibility, param(visibility.value))];
  // A family member filters on what she may know; a working status would leak a pending match.
  const statusColumn = principal.role === 'family' ? 'family_status' : 'status';
  if (args.status) where.push(`${statusColumn} = ${param(args.status)}`);
  const countSql = `SELECT count(*) AS n FROM search_requests WHERE ${where.join(' AND ')}`;
  const countParams = [...params];
  if (after) where.push(`(opened_at, id) < (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);

  const [rows, [count]] = await Promise.all([
    db.query<SearchRequestRow>(
      `SELECT ${SEARCH_REQUEST_COLUMNS} FROM search_requests WHERE ${where.join(' AND ')}
       ORDER BY opened_at DESC, id DESC LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>(countSql, countParams),
  ]);
  return toConnection(rows.map(toSearchRequest), size, count?.n ?? 0, (r) => [r.openedAt, r.id]);
}
