import type { Queryable } from '@amparo/kit';
import type { PeriodType } from './extract.js';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow } from './releaseRow.js';

/**
 * The release in force: of `period` when given, else of the most recent
 * period of `periodType`. When a period was corrected, the last published
 * release wins — counting only releases published on or before `asOf`, so a
 * past answer can be reproduced exactly.
 */
export async function latestRelease(
  db: Queryable,
  periodType: PeriodType,
  options: { period?: string | null; asOf?: Date | null } = {},
) {
  const [row] = await db.query<ReleaseRow>(
    `SELECT ${RELEASE_COLUMNS} FROM releases
     WHERE period_type = $1 AND ($2::text IS NULL OR period = $2) AND published_at <= $3::timestamptz
     ORDER BY period DESC, published_at DESC, id DESC LIMIT 1`,
    [periodType, options.period ?? null, (options.asOf ?? new Date()).toISOString()],
  );
  return row ? toRelease(row) : null;
}
