import { INTERNAL_TOKEN_HEADER, scopesForRole, type InternalSigner, type Principal } from '@amparo/schema';
import { StatisticsPipelineError } from './statisticsPipelineError.js';

/** The gateway's own principal for the statistics-pipeline system job; it acts for no client. */
const PIPELINE: Principal = {
  sub: 'amparo-gateway:statistics-pipeline',
  role: 'admin',
  org: null,
  orgKind: null,
  scopes: scopesForRole('admin'),
};

/** Sends one GraphQL operation to one subgraph, signed as the statistics pipeline; resolves with `data`. */
export type PipelineCall = <T>(subgraph: string, query: string, variables: Record<string, unknown>) => Promise<T>;

/**
 * Calls subgraphs directly, as the statistics-pipeline system job: the
 * gateway signs each request (only it holds the key), so the extract fields —
 * whose scope belongs to no role — answer, and nothing passes through a
 * client's projection.
 */
export function pipelineCaller(options: {
  sign: InternalSigner;
  subgraphUrls: Readonly<Record<string, string>>;
  /** Names the run in the subgraphs' logs, e.g. `statistics-2026-10`. */
  requestId: string;
}): PipelineCall {
  return async <T>(subgraph: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const url = options.subgraphUrls[subgraph];
    if (!url) throw new StatisticsPipelineError(`no URL for subgraph ${subgraph}`);
    const body = JSON.stringify({ query, variables });
    const token = await options.sign(
      {
        principal: PIPELINE,
        requestId: options.requestId,
        operationName: null,
        operationHash: null,
        system: 'statistics-pipeline',
      },
      subgraph,
      body,
    );
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
        body,
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      // A refused connection or the timeout: say which subgraph, not the URL.
      throw new StatisticsPipelineError(`${subgraph}: unreachable (${(error as Error).name})`);
    }
    const json = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
    if (!response.ok || json.errors || !json.data) {
      throw new StatisticsPipelineError(`${subgraph}: ${json.errors?.[0]?.message ?? `HTTP ${response.status}`}`);
    }
    return json.data;
  };
}
