import { publishRelease, type PublishReleaseInput } from './pipeline/publishRelease.js';
import type { SubgraphContext } from '@amparo/kit';
import { codeList } from './codes/codeList.js';
import type { Dimension } from './codes/dimensions.js';
import { loadReleasePolicy } from './config/statisticsConfig.js';
import type { StatisticsLoaders } from './loaders.js';
import { statisticsMetadata } from './metadata/statisticsMetadata.js';
import { periodTypeOf } from './releases/statisticsExtract.js';
import type { PeriodType } from './releases/extract.js';
import { isUuid } from './releases/isUuid.js';
import { latestRelease } from './releases/latestRelease.js';
import { listReleases } from './releases/listReleases.js';
import { readTable, type TableArgs } from './releases/readTable.js';
import type { StatisticsRelease } from './releases/releaseRow.js';
import { statisticsSeries, type SeriesArgs } from './series/statisticsSeries.js';
import { asOfArgument } from './series/timeArguments.js';
import { badUserInput } from '@amparo/kit';

type Context = SubgraphContext<StatisticsLoaders>;

interface LatestArgs {
  periodType?: PeriodType | null;
  period?: string | null;
  asOf?: string | null;
}

// periodType has no SDL default: a default would clash with every quarter or year named in `period`.
function latestArgs(args: LatestArgs): { periodType: PeriodType; period: string | null } {
  if (args.period === null || args.period === undefined)
    return { periodType: args.periodType ?? 'MONTH', period: null };
  const periodType = periodTypeOf(args.period);
  if (!periodType) throw badUserInput('period', 'must be YYYY-MM, YYYY-Qn or YYYY');
  if (args.periodType && args.periodType !== periodType) {
    throw badUserInput('periodType', `does not match period ${args.period} (${periodType})`);
  }
  return { periodType, period: args.period };
}

export const resolvers = {
  Mutation: {
    publishStatisticsRelease: async (_: unknown, { input }: { input: PublishReleaseInput }, ctx: Context) =>
      ctx.loaders.release.load(await publishRelease(ctx.db, input)),
  },
  Query: {
    statisticsReleases: (
      _: unknown,
      args: Parameters<typeof listReleases>[1] & { asOf?: string | null },
      ctx: Context,
    ) => listReleases(ctx.db, args, asOfArgument(args.asOf)),
    statisticsRelease: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.release.load(id) : null,
    latestStatisticsRelease: (_: unknown, args: LatestArgs, ctx: Context) => {
      const { periodType, period } = latestArgs(args);
      return latestRelease(ctx.db, periodType, { period, asOf: asOfArgument(args.asOf) });
    },
    statisticsSeries: (_: unknown, args: SeriesArgs, ctx: Context) => statisticsSeries(ctx.db, ctx.loaders, args),
    codeList: (_: unknown, args: { dimension: Dimension; language?: string | null }) =>
      codeList(args.dimension, args.language ?? 'es'),
    // The policy is read per call (it was validated at start-up by init): metadata states what new releases use.
    statisticsMetadata: (_: unknown, args: { language?: string | null }) =>
      statisticsMetadata(args.language ?? 'es', loadReleasePolicy(process.env)),
  },
  StatisticsRelease: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.release.load(ref.id) : null,
    table: (release: StatisticsRelease, args: TableArgs, ctx: Context) => readTable(release, args, ctx.loaders),
  },
};
