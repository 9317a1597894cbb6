import type { SubgraphContext } from '@amparo/kit';
import { codeList } from './codes/codeList.js';
import type { Dimension } from './codes/dimensions.js';
import type { StatisticsLoaders } from './loaders.js';
import type { PeriodType } from './releases/extract.js';
import { isUuid } from './releases/isUuid.js';
import { latestRelease } from './releases/latestRelease.js';
import { listReleases } from './releases/listReleases.js';
import { readTable, type TableArgs } from './releases/readTable.js';
import type { StatisticsRelease } from './releases/releaseRow.js';

type Context = SubgraphContext<StatisticsLoaders>;

export const resolvers = {
  Query: {
    statisticsReleases: (_: unknown, args: Parameters<typeof listReleases>[1], ctx: Context) =>
      listReleases(ctx.db, args),
    statisticsRelease: (_: unknown, { id }: { id: string }, ctx: Context) =>
      isUuid(id) ? ctx.loaders.release.load(id) : null,
    latestStatisticsRelease: (_: unknown, { periodType }: { periodType?: PeriodType | null }, ctx: Context) =>
      latestRelease(ctx.db, periodType ?? 'MONTH'),
    codeList: (_: unknown, args: { dimension: Dimension; language?: string | null }) =>
      codeList(args.dimension, args.language ?? 'es'),
  },
  StatisticsRelease: {
    __resolveReference: (ref: { id: string }, ctx: Context) =>
      isUuid(ref.id) ? ctx.loaders.release.load(ref.id) : null,
    table: (release: StatisticsRelease, args: TableArgs, ctx: Context) => readTable(release, args, ctx.loaders),
  },
};
