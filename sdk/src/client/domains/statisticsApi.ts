import {
  CodeListDocument,
  type CodeListQuery,
  type CodeListQueryVariables,
  GetStatisticsReleaseDocument,
  type GetStatisticsReleaseQuery,
  LatestStatisticsReleaseDocument,
  type LatestStatisticsReleaseQuery,
  type LatestStatisticsReleaseQueryVariables,
  ListStatisticsReleasesDocument,
  type ListStatisticsReleasesQuery,
  type ListStatisticsReleasesQueryVariables,
  StatisticsMetadataDocument,
  type StatisticsMetadataQuery,
  type StatisticsMetadataQueryVariables,
  StatisticsSeriesDocument,
  type StatisticsSeriesQuery,
  type StatisticsSeriesQueryVariables,
  StatisticsTableDocument,
  type StatisticsTableQuery,
  type StatisticsTableQueryVariables,
} from '../../generated/graphql.js';
import type { RequestOptions } from '../ClientOptions.js';
import type { RequestFunction } from '../createClient.js';
import { paginate } from '../paginate.js';

type ReleaseConnection = ListStatisticsReleasesQuery['statisticsReleases'];
/** One release as the release list returns it. */
export type ReleaseSummary = ReleaseConnection['edges'][number]['node'];

/** `client.statistics`: immutable releases, their tables, series and code lists. */
export interface StatisticsApi {
  /** One page of releases, newest first (`ListStatisticsReleases`). */
  releases(variables?: ListStatisticsReleasesQueryVariables, options?: RequestOptions): Promise<ReleaseConnection>;
  /** Every release, page by page (`ListStatisticsReleases`). */
  releasesAll(
    variables?: Omit<ListStatisticsReleasesQueryVariables, 'after'>,
    options?: RequestOptions,
  ): AsyncGenerator<ReleaseSummary, void, undefined>;
  /** One release with its method and tables, or null (`GetStatisticsRelease`). */
  release(id: string, options?: RequestOptions): Promise<GetStatisticsReleaseQuery['statisticsRelease']>;
  /** The release in force for a period, or null (`LatestStatisticsRelease`). */
  latestRelease(
    variables?: LatestStatisticsReleaseQueryVariables,
    options?: RequestOptions,
  ): Promise<LatestStatisticsReleaseQuery['latestStatisticsRelease']>;
  /** One published table of a release, or null when the release does not exist (`StatisticsTable`). */
  table(
    variables: StatisticsTableQueryVariables,
    options?: RequestOptions,
  ): Promise<NonNullable<StatisticsTableQuery['statisticsRelease']>['table'] | null>;
  /** One table across periods (`StatisticsSeries`). */
  series(
    variables: StatisticsSeriesQueryVariables,
    options?: RequestOptions,
  ): Promise<StatisticsSeriesQuery['statisticsSeries']>;
  /** The codes of a dimension (`CodeList`). */
  codeList(variables: CodeListQueryVariables, options?: RequestOptions): Promise<CodeListQuery['codeList']>;
  /** Definitions and the disclosure-control method (`StatisticsMetadata`). */
  metadata(
    variables?: StatisticsMetadataQueryVariables,
    options?: RequestOptions,
  ): Promise<StatisticsMetadataQuery['statisticsMetadata']>;
}

export function statisticsApi(request: RequestFunction): StatisticsApi {
  const releases: StatisticsApi['releases'] = async (variables, options) =>
    (await request(ListStatisticsReleasesDocument, variables, options)).statisticsReleases;
  return {
    releases,
    releasesAll: (variables, options) => paginate((after) => releases({ ...variables, after }, options)),
    release: async (id, options) => (await request(GetStatisticsReleaseDocument, { id }, options)).statisticsRelease,
    latestRelease: async (variables, options) =>
      (await request(LatestStatisticsReleaseDocument, variables, options)).latestStatisticsRelease,
    table: async (variables, options) =>
      (await request(StatisticsTableDocument, variables, options)).statisticsRelease?.table ?? null,
    series: async (variables, options) =>
      (await request(StatisticsSeriesDocument, variables, options)).statisticsSeries,
    codeList: async (variables, options) => (await request(CodeListDocument, variables, options)).codeList,
    metadata: async (variables, options) =>
      (await request(StatisticsMetadataDocument, variables, options)).statisticsMetadata,
  };
}
