import type { InternalSigner } from '@amparo/schema';
import { pipelineCaller } from './pipelineCaller.js';
import { isStatisticsPeriod, periodTypeOf } from './statisticsPeriod.js';
import { StatisticsPipelineError } from './statisticsPipelineError.js';

/**
 * Which of `periods` already have a release in the statistics subgraph (one
 * request, one aliased `latestStatisticsRelease` per period). Releases are
 * public; the pipeline asks with its own signed token like every other call.
 */
export async function publishedPeriods(options: {
  sign: InternalSigner;
  subgraphUrls: Readonly<Record<string, string>>;
  periods: readonly string[];
}): Promise<Set<string>> {
  if (options.periods.length === 0) return new Set();
  if (!options.periods.every(isStatisticsPeriod)) {
    throw new StatisticsPipelineError('the periods must be YYYY-MM, YYYY-Qn or YYYY', 'BAD_PERIOD');
  }
  const call = pipelineCaller({ ...options, requestId: 'statistics-schedule' });
  const variables = Object.fromEntries(options.periods.map((period, i) => [`p${i}`, period]));
  const parameters = options.periods.map((_, i) => `$p${i}: String!`);
  // periodType named explicitly: the field's type is then the period's, whatever default the schema has.
  const fields = options.periods.map(
    (period, i) => `p${i}: latestStatisticsRelease(period: $p${i}, periodType: ${periodTypeOf(period)}) { id }`,
  );
  const query = `query (${parameters.join(', ')}) { ${fields.join(' ')} }`;
  const data = await call<Record<string, { id: string } | null>>('statistics', query, variables);
  return new Set(options.periods.filter((_, i) => Boolean(data[`p${i}`])));
}
