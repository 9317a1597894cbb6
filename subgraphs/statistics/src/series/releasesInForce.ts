import type { Queryable } from '@amparo/kit';
import type { PeriodType } from '../releases/extract.js';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow, type StatisticsRelease } from '../releases/releaseRow.js';
import { periodInterval, withinWindow, type PeriodInterval } from './timePeriod.js';

export interface InForceQuery {
  /** Only releases that publish this measure. */
  readonly measure: string;
  readonly periodTypes: readonly PeriodType[];
  readonly from: PeriodInterval | null;
  readonly to: PeriodInterval | null;
  /** Only releases published on or before this instant; null = now. */
  readonly asOf: Date | null;
}

/**
 * For each period, the release in force: the last one published (a
 * correction wins over what it replaces) — as the data stood at `asOf`, so
 * a correction published later is ignored. Oldest period first.
 */
export async function releasesInForce(db: Queryable, query: InForceQuery): Promise<StatisticsRelease[]> {
  const rows = await db.query<ReleaseRow>(
    `SELECT DISTINCT ON (period_type, period) ${RELEASE_COLUMNS} FROM releases
     WHERE period_type = ANY($1::text[]) AND published_at <= $2::timestamptz AND tables ? $3
     ORDER BY period_type, period, published_at DESC, id DESC`,
    [query.periodTypes, (query.asOf ?? new Date()).toISOString(), query.measure],
  );
  return rows
    .filter((row) => {
      const interval = periodInterval(row.period);
      return interval !== null && withinWindow(interval, query.from, query.to);
    })
    .map(toRelease)
    .sort((a, b) => {
      const [ia, ib] = [periodInterval(a.period), periodInterval(b.period)] as [PeriodInterval, PeriodInterval];
      return ia.start - ib.start || ia.end - ib.end;
    });
}
