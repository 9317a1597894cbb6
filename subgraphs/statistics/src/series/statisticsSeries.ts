import type { Queryable } from '@amparo/kit';
import type { StatisticsLoaders } from '../loaders.js';
import type { PeriodType } from '../releases/extract.js';
import { readTable, type TableArgs } from '../releases/readTable.js';
import { releasesInForce } from './releasesInForce.js';
import { asOfArgument, periodArgument } from './timeArguments.js';

export interface SeriesArgs extends TableArgs {
  periodType?: PeriodType | null;
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
}

/**
 * One table followed across releases: for each period in [from, to] of
 * `periodType`, the release in force as of `asOf` and the table's cells in
 * it. Reads stored cells only, like every query.
 */
export async function statisticsSeries(db: Queryable, loaders: StatisticsLoaders, args: SeriesArgs) {
  const releases = await releasesInForce(db, {
    measure: args.measure,
    periodTypes: [args.periodType ?? 'MONTH'],
    from: periodArgument(args.from, 'from'),
    to: periodArgument(args.to, 'to'),
    asOf: asOfArgument(args.asOf),
  });
  return Promise.all(
    releases.map(async (release) => ({
      period: release.period,
      periodType: release.periodType,
      release,
      cells: (await readTable(release, args, loaders)).cells,
    })),
  );
}
