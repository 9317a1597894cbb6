import type { InternalSigner } from '@amparo/schema';
import { pipelineCaller } from './pipelineCaller.js';
import { isStatisticsPeriod } from './statisticsPeriod.js';
import { StatisticsPipelineError } from './statisticsPipelineError.js';

export { StatisticsPipelineError } from './statisticsPipelineError.js';

/** Where each owning subgraph publishes its de-identified extract. */
export const EXTRACT_SOURCES = [
  { subgraph: 'cases', field: 'casesStatisticsExtract' },
  { subgraph: 'interpreters', field: 'interpretersStatisticsExtract' },
  { subgraph: 'searches', field: 'searchesStatisticsExtract' },
  { subgraph: 'services', field: 'servicesStatisticsExtract' },
] as const;

interface Extract {
  period: string;
  cells: { measure: string; count: number; dims: { dimension: string; code: string }[] }[];
}

/**
 * Issue 8's pipeline: the gateway — the only holder of the signing key —
 * asks each owning subgraph for its de-identified extract of one period (a
 * month `2026-10`, a quarter `2026-Q4` or a year `2026`; the owners count a
 * quarter or a year over its whole span, each person once) and hands them to
 * the statistics subgraph, which draws the noise and publishes an immutable
 * release. Statistics never reads another subgraph's tables, and no client
 * role can reach the extract fields (their scope belongs to no role).
 * Statistics refuses a period that already has a release unless `replaces`
 * names the one in force. Returns the new release id.
 *
 * @throws StatisticsPipelineError — BAD_PERIOD, NOTHING_TO_PUBLISH when no
 * owner holds a record of the period, FAILED otherwise.
 */
export async function runStatisticsPipeline(options: {
  sign: InternalSigner;
  subgraphUrls: Readonly<Record<string, string>>;
  period: string;
  /** The release this one corrects. */
  replaces?: string;
}): Promise<{ releaseId: string; cells: number }> {
  if (!isStatisticsPeriod(options.period)) {
    throw new StatisticsPipelineError('the period must be YYYY-MM, YYYY-Qn or YYYY', 'BAD_PERIOD');
  }
  const call = pipelineCaller({ ...options, requestId: `statistics-${options.period}` });
  const extracts = await Promise.all(
    EXTRACT_SOURCES.map(async ({ subgraph, field }) => {
      const data = await call<Record<string, Extract>>(
        subgraph,
        `query ($period: String!) { ${field}(period: $period) { period cells { measure count dims { dimension code } } } }`,
        { period: options.period },
      );
      return data[field] as Extract;
    }),
  );
  const cells = extracts.reduce((n, e) => n + e.cells.length, 0);
  // Statistics would refuse it too; saying so here lets a scheduled run tell "nothing yet" from a fault.
  if (cells === 0) {
    throw new StatisticsPipelineError(`no records for ${options.period}; nothing to publish`, 'NOTHING_TO_PUBLISH');
  }
  const published = await call<{ publishStatisticsRelease: { id: string } }>(
    'statistics',
    'mutation ($input: PublishReleaseInput!) { publishStatisticsRelease(input: $input) { id } }',
    { input: { period: options.period, replaces: options.replaces ?? null, extracts } },
  );
  return { releaseId: published.publishStatisticsRelease.id, cells };
}
