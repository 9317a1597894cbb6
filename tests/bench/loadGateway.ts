import autocannon from 'autocannon';
import { percentile, round } from './latencyStats.js';

export interface LoadRound {
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
  readonly requests: number;
  /** Transport errors and timeouts. */
  readonly errors: number;
  readonly non2xx: number;
  /** 2xx responses whose body was not the expected one. */
  readonly mismatches: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly durationSeconds: number;
  /** True when the body is a correct answer. */
  readonly verify: (body: string) => boolean;
}

/** One autocannon run at fixed concurrency; latencies recorded per response (ms, sub-ms resolution). */
export async function loadGateway(options: LoadOptions): Promise<LoadRound> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    connections: options.connections,
    duration: options.durationSeconds,
    verifyBody: options.verify,
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: round(result.requests.total / options.durationSeconds, 1),
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
    },
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
}
