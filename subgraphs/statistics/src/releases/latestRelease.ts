import type { Queryable } from '@amparo/kit';
import type { PeriodType } from './extract.js';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow } from './releaseRow.js';

/**
 * The release of the most recent period of `periodType`; when a period was
 * corrected, the latest correction (the last published) is the one in force.
 */
export async function latestRelease(db: Queryable, periodType: PeriodType) {
  const [row] = await db.query<ReleaseRow>(
    `SELECT ${RELEASE_COLUMNS} FROM releases WHERE period_type = $1
     ORDER BY period DESC, published_at DESC, id DESC LIMIT 1`,
    [periodType],
  );
  return row ? toRelease(row) : null;
}
