import { Pool } from 'undici';
import { percentile, round } from './latencyStats.js';

/**
 * p50 of `requests` sequential POSTs over one keep-alive connection (ms).
 * Sequential, so the number is the path's latency, not queueing.
 */
export async function sequentialP50(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  requests: number,
  verify: (body: string) => boolean,
): Promise<{ p50: number; failures: number }> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 1 });
  const latencies: number[] = [];
  let failures = 0;
  try {
    for (let i = 0; i < requests + 50; i++) {
      const started = process.hrtime.bigint();
      const response = await pool.request({
        method: 'POST',
        path: target.pathname,
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const text = await response.body.text();
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.statusCode !== 200 || !verify(text)) failures++;
      // The first 50 warm the connection and the gateway's caches.
      if (i >= 50) latencies.push(elapsed);
    }
  } finally {
    await pool.close();
  }
  latencies.sort((a, b) => a - b);
  return { p50: round(percentile(latencies, 50), 3), failures };
}
