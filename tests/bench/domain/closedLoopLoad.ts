import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import { percentile, round } from '../latencyStats.js';

/** One request of a workload and how to judge its answer. */
export interface DomainRequest {
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Null when the answer is right, else what is wrong with it (no personal data). */
  check(status: number, text: string): string | null;
}

export interface LatencySummary {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface LoadResult {
  /** Answered requests (right or wrong). */
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: LatencySummary;
  /** Transport errors and timeouts (10 s). */
  readonly errors: number;
  /** Answers that failed their check: not HTTP 200, GraphQL errors, wrong shape or content. */
  readonly failures: number;
  /** A few distinct failure reasons, for the report. */
  readonly failureReasons: readonly string[];
  readonly elapsedSeconds: number;
}

export function summarize(latencies: number[]): LatencySummary {
  latencies.sort((a, b) => a - b);
  return {
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? Number.NaN),
  };
}

/**
 * Closed-loop load at fixed concurrency: `connections` clients, each on its
 * own keep-alive connection, send the next request as soon as the previous
 * answer is in, until `durationSeconds` have passed. Unlike autocannon's
 * verifyBody (which sees a body without its request), every answer is
 * checked against the request that asked for it: the case page must be the
 * case asked for.
 */
export async function closedLoopLoad(options: {
  readonly url: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly next: () => DomainRequest;
  readonly progress?: (line: string) => void;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const latencies: number[] = [];
  const reasons = new Set<string>();
  let errors = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.durationSeconds * 1000;
  const ticker = options.progress
    ? setInterval(() => {
        const seconds = Math.round((performance.now() - started) / 1000);
        options.progress?.(`  … ${seconds} s, ${latencies.length} answers, ${failures + errors} failed`);
      }, 5_000)
    : undefined;
  const worker = async () => {
    const client = new Client(target.origin, { headersTimeout: 10_000, bodyTimeout: 10_000, keepAliveTimeout: 60_000 });
    try {
      while (performance.now() < deadline) {
        const request = options.next();
        const t0 = performance.now();
        try {
          const response = await client.request({
            path: target.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', ...request.headers },
            body: request.body,
          });
          const text = await response.body.text();
          latencies.push(performance.now() - t0);
          const problem = request.check(response.statusCode, text);
          if (problem !== null) {
            failures++;
            if (reasons.size < 5) reasons.add(problem);
          }
        } catch (error) {
          errors++;
          if (reasons.size < 5) reasons.add(`transport: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      await client.close().catch(() => undefined);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, worker));
  } finally {
    if (ticker) clearInterval(ticker);
  }
  const elapsedSeconds = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / elapsedSeconds, 1),
    latencyMs: summarize(latencies),
    errors,
    failures,
    failureReasons: [...reasons],
    elapsedSeconds: round(elapsedSeconds, 1),
  };
}
