import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStatisticsPipeline } from '@amparo/gateway';
import { createInternalSigner } from '@amparo/schema';
import { startFederation, type Federation } from '../src/index.js';

/**
 * Issue 8 end to end: the gateway collects each owning subgraph's
 * de-identified extract and the statistics subgraph publishes a release that
 * every role, public included, then reads through the gateway.
 */
let federation: Federation;

beforeAll(async () => {
  federation = await startFederation({ seedScale: 0.2 });
});
afterAll(() => federation?.close());

interface ReleaseAnswer {
  statisticsRelease: {
    period: string;
    table: { cells: { key: { dimension: string; code: string }[]; value: number | null; suppressed: boolean }[] };
  } | null;
}

describe('statistics pipeline', () => {
  it('publishes a release from the extracts, readable by the public, close to the true count', async () => {
    const cases = federation.subgraphs.get('cases')?.db;
    const [busiest] =
      (await cases?.query<{ period: string; n: number }>(
        `SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM') AS period, count(*) AS n
       FROM cases GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      )) ?? [];
    expect(busiest).toBeDefined();
    const urls = Object.fromEntries([...federation.subgraphs.values()].map((s) => [s.name, s.url]));
    const { releaseId, cells } = await runStatisticsPipeline({
      sign: await createInternalSigner(federation.internalKeys.privateJwk),
      subgraphUrls: urls,
      period: busiest?.period as string,
    });
    expect(cells).toBeGreaterThan(0);

    const { body } = await federation.query<ReleaseAnswer>(
      `query ($id: ID!) { statisticsRelease(id: $id) { period
        table(measure: CASES_OPENED, dimensions: [COUNTRY]) { cells { key { dimension code } value suppressed } } } }`,
      { id: releaseId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.statisticsRelease?.period).toBe(busiest?.period);
    const total = body.data?.statisticsRelease?.table.cells.find((c) => c.key.every((k) => k.code === '_T'));
    expect(total?.suppressed).toBe(false);
    // Noise is small next to a month of cases: the published total stays near the truth.
    expect(Math.abs((total?.value ?? 0) - (busiest?.n ?? 0))).toBeLessThan(40);
  });

  it("keeps the extract fields out of every client role's reach", async () => {
    for (const role of ['admin', 'statistician', 'caseworker'] as const) {
      const token = await federation.tokenFor(role);
      const { body } = await federation.query(
        '{ casesStatisticsExtract(period: "2026-01") { period } }',
        {},
        { token },
      );
      expect(body.errors?.[0]?.message).toBe('Cannot query field "casesStatisticsExtract" on type "Query".');
    }
  });
});
