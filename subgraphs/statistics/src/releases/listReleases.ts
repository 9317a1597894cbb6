import { badUserInput, decodeCursor, pageSize, toConnection, type Queryable } from '@amparo/kit';
import { isUuid } from './isUuid.js';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow } from './releaseRow.js';

/** Releases, newest published first; keyset pagination on (published_at, id). */
export async function listReleases(
  db: Queryable,
  args: { first?: number | null; after?: string | null },
  asOf: Date | null = null,
) {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  // Releases published after `asOf` did not exist yet; the default is now.
  const params: unknown[] = [(asOf ?? new Date()).toISOString()];
  let where = 'WHERE published_at <= $1::timestamptz';
  if (after) {
    const [publishedAt, id] = after;
    if (
      typeof publishedAt !== 'string' ||
      Number.isNaN(Date.parse(publishedAt)) ||
      typeof id !== 'string' ||
      !isUuid(id)
    ) {
      // Well-formed JSON we never issued: the same answer as a malformed cursor.
      throw badUserInput('after', 'is not a cursor this API returned; pass pageInfo.endCursor of the previous page');
    }
    params.push(publishedAt, id);
    where += ' AND (published_at, id) < ($2::timestamptz, $3::uuid)';
  }
  const [rows, [count]] = await Promise.all([
    db.query<ReleaseRow>(
      `SELECT ${RELEASE_COLUMNS} FROM releases ${where} ORDER BY published_at DESC, id DESC LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM releases WHERE published_at <= $1::timestamptz', [
      params[0],
    ]),
  ]);
  return toConnection(rows.map(toRelease), size, count?.n ?? 0, (r) => [r.publishedAt, r.id]);
}
