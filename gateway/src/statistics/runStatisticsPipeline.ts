import { INTERNAL_TOKEN_HEADER, scopesForRole, type InternalSigner, type Principal } from '@amparo/schema';

/** Where each owning subgraph publishes its de-identified extract. */
export const EXTRACT_SOURCES = [
  { subgraph: 'cases', field: 'casesStatisticsExtract' },
  { subgraph: 'interpreters', field: 'interpretersStatisticsExtract' },
  { subgraph: 'searches', field: 'searchesStatisticsExtract' },
  { subgraph: 'services', field: 'servicesStatisticsExtract' },
] as const;

const PIPELINE: Principal = {
  sub: 'amparo-gateway:statistics-pipeline',
  role: 'admin',
  org: null,
  orgKind: null,
  scopes: scopesForRole('admin'),
};

interface Extract {
  period: string;
  cells: { measure: string; count: number; dims: { dimension: string; code: string }[] }[];
}

export class StatisticsPipelineError extends Error {
  override readonly name = 'StatisticsPipelineError';
}

/**
 * Issue 8's pipeline: the gateway — the only holder of the signing key —
 * asks each owning subgraph for its de-identified extract of one month and
 * hands them to the statistics subgraph, which draws the noise and publishes
 * an immutable release. Statistics never reads another subgraph's tables,
 * and no client role can reach the extract fields (their scope belongs to no
 * role). Returns the new release id.
 */
export async function runStatisticsPipeline(options: {
  sign: InternalSigner;
  subgraphUrls: Readonly<Record<string, string>>;
  period: string;
  /** The release this one corrects. */
  replaces?: string;
}): Promise<{ releaseId: string; cells: number }> {
  const call = async <T>(subgraph: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const url = options.subgraphUrls[subgraph];
    if (!url) throw new StatisticsPipelineError(`no URL for subgraph ${subgraph}`);
    const body = JSON.stringify({ query, variables });
    const token = await options.sign(
      {
        principal: PIPELINE,
        requestId: `statistics-${options.period}`,
        operationName: null,
        operationHash: null,
        system: 'statistics-pipeline',
      },
      subgraph,
      body,
    );
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body,
      signal: AbortSignal.timeout(120_000),
    });
    const json = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || json.errors || !json.data) {
      throw new StatisticsPipelineError(`${subgraph}: ${json.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
    }
    return json.data;
  };
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
  const published = await call<{ publishStatisticsRelease: { id: string } }>(
    'statistics',
    'mutation ($input: PublishReleaseInput!) { publishStatisticsRelease(input: $input) { id } }',
    { input: { period: options.period, replaces: options.replaces ?? null, extracts } },
  );
  return {
    releaseId: published.publishStatisticsRelease.id,
    cells: extracts.reduce((n, e) => n + e.cells.length, 0),
  };
}
