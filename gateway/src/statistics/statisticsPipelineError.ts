/**
 * Why a run of the statistics pipeline failed. `code` tells callers what to
 * do: NOTHING_TO_PUBLISH (no owning subgraph holds a record of the period) is
 * not a fault to retry, BAD_PERIOD is the caller's, and FAILED (a subgraph
 * unreachable or answering with an error) may pass on the next try. Messages
 * carry subgraph names, periods and the subgraphs' own typed error messages —
 * never extract contents.
 */
export class StatisticsPipelineError extends Error {
  override readonly name = 'StatisticsPipelineError';
  constructor(
    message: string,
    readonly code: 'BAD_PERIOD' | 'NOTHING_TO_PUBLISH' | 'FAILED' = 'FAILED',
  ) {
    super(message);
  }
}
