import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStatisticsPipeline, StatisticsPipelineError } from '@amparo/gateway';
import { DEMO_PROVIDER_ORGANIZATIONS, RCM_COUNTRIES } from '@amparo/kit';
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

/** The release in force for `period`, if any: the demo store already holds some, and a new one must name it. */
async function releaseInForce(period: string, periodType: 'MONTH' | 'QUARTER'): Promise<string | undefined> {
  const { body } = await federation.query<{ latestStatisticsRelease: { id: string } | null }>(
    `query ($p: String!) { latestStatisticsRelease(period: $p, periodType: ${periodType}) { id } }`,
    { p: period },
  );
  expect(body.errors).toBeUndefined();
  return body.data?.latestStatisticsRelease?.id;
}

const totalOf = (cells: { key: { code: string }[]; value: number | null; suppressed: boolean }[]) =>
  cells.find((c) => c.key.every((k) => k.code === '_T'));

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
      replaces: await releaseInForce(busiest?.period as string, 'MONTH'),
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

  it('publishes a quarter, each woman once in it, and the table query reads it', async () => {
    const cases = federation.subgraphs.get('cases')?.db;
    const [busiest] =
      (await cases?.query<{ year: number; quarter: number }>(
        `SELECT extract(year FROM opened_at AT TIME ZONE 'UTC')::int AS year,
                extract(quarter FROM opened_at AT TIME ZONE 'UTC')::int AS quarter
           FROM cases GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`,
      )) ?? [];
    expect(busiest).toBeDefined();
    const { year, quarter: q } = busiest as { year: number; quarter: number };
    const quarter = `${year}-Q${q}`;
    const start = new Date(Date.UTC(year, (q - 1) * 3, 1)).toISOString();
    const end = new Date(Date.UTC(year, q * 3, 1)).toISOString();
    // The truth, counted independently: cases opened, and women with a referral, in the quarter.
    const [truth] =
      (await cases?.query<{ opened: number; referred: number }>(
        `WITH r AS (
           SELECT r.case_id
             FROM referrals r JOIN cases c ON c.id = r.case_id
            WHERE r.created_at >= $1 AND r.created_at < $2 AND c.country_of_assistance = ANY ($3))
         SELECT (SELECT count(*)::int FROM cases
                  WHERE opened_at >= $1 AND opened_at < $2 AND country_of_assistance = ANY ($3)) AS opened,
                (SELECT count(DISTINCT case_id)::int FROM r) AS referred`,
        [start, end, RCM_COUNTRIES],
      )) ?? [];
    expect(truth?.opened).toBeGreaterThan(0);

    const urls = Object.fromEntries([...federation.subgraphs.values()].map((s) => [s.name, s.url]));
    const sign = await createInternalSigner(federation.internalKeys.privateJwk);
    const replaced = await releaseInForce(quarter, 'QUARTER');
    const { releaseId } = await runStatisticsPipeline({
      sign,
      subgraphUrls: urls,
      period: quarter,
      replaces: replaced,
    });

    const { body } = await federation.query<{
      statisticsRelease: {
        period: string;
        periodType: string;
        replaces: string | null;
        opened: { cells: { key: { code: string }[]; value: number | null; suppressed: boolean }[] };
        referred: { cells: { key: { code: string }[]; value: number | null; suppressed: boolean }[] };
      } | null;
    }>(
      `query ($id: ID!) { statisticsRelease(id: $id) { period periodType replaces
        opened: table(measure: CASES_OPENED, dimensions: [COUNTRY]) { cells { key { dimension code } value suppressed } }
        referred: table(measure: REFERRALS_MADE, dimensions: [COUNTRY]) { cells { key { dimension code } value suppressed } }
      } }`,
      { id: releaseId },
    );
    expect(body.errors).toBeUndefined();
    const release = body.data?.statisticsRelease;
    expect(release).toMatchObject({ period: quarter, periodType: 'QUARTER', replaces: replaced ?? null });
    const opened = totalOf(release?.opened.cells ?? []);
    expect(opened?.suppressed).toBe(false);
    expect(Math.abs((opened?.value ?? 0) - (truth?.opened ?? 0))).toBeLessThan(40);
    const referred = totalOf(release?.referred.cells ?? []);
    // Near the women referred in the quarter, each once (the subgraphs' unit tests pin the de-duplication exactly).
    expect(referred).toBeDefined();
    if (!referred?.suppressed) expect(Math.abs((referred?.value ?? 0) - (truth?.referred ?? 0))).toBeLessThan(40);
    else expect(truth?.referred).toBeLessThan(40);
    expect(await releaseInForce(quarter, 'QUARTER')).toBe(releaseId);

    // Published again without naming the release in force: refused, and nothing new is in force.
    const again = runStatisticsPipeline({ sign, subgraphUrls: urls, period: quarter });
    await expect(again).rejects.toBeInstanceOf(StatisticsPipelineError);
    await expect(again).rejects.toThrow(/replaces/);
    expect(await releaseInForce(quarter, 'QUARTER')).toBe(releaseId);
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
  it('answers a published table again from the gateway, byte for byte, without asking the statistics subgraph', async () => {
    const metricsUrl = federation.gateway.url.replace(/\/graphql$/, '/metrics');
    const statisticsFetches = async () => {
      const text = await (await fetch(metricsUrl)).text();
      const line =
        /amparo_gateway_subgraph_fetch_duration_seconds_count\{subgraph="statistics",status="200"\} (\d+)/.exec(text);
      return Number(line?.[1] ?? 0);
    };
    const listed = await federation.query<{ statisticsReleases: { edges: { node: { id: string } }[] } }>(
      '{ statisticsReleases(first: 2) { edges { node { id } } } }',
    );
    const [first, second] = listed.body.data?.statisticsReleases.edges.map((e) => e.node.id) ?? [];
    expect(first && second).toBeTruthy();
    const table = `query Table($id: ID!) { statisticsRelease(id: $id) { id period
      table(measure: CASES_OPENED, dimensions: [COUNTRY]) { cells { key { dimension code } value suppressed lower upper } } } }`;
    const raw = async (variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(federation.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: table, variables }),
      });
      return { status: response.status, cache: response.headers.get('cache-status'), text: await response.text() };
    };

    const miss = await raw({ id: first });
    expect(miss.status).toBe(200);
    expect(miss.cache).toBe('amparo-gateway; fwd=miss; stored');
    const before = await statisticsFetches();
    const hit = await raw({ id: first });
    expect(hit).toEqual({ status: 200, cache: 'amparo-gateway; hit', text: miss.text });
    // Any role allowed the operation gets the same kept answer; enforcement may read published statistics too.
    const enforcement = await raw({ id: first }, await federation.tokenFor('enforcement'));
    expect(enforcement).toEqual({ status: 200, cache: 'amparo-gateway; hit', text: miss.text });
    expect(await statisticsFetches()).toBe(before);

    // Another release is another answer; an id that names no release is never kept.
    const other = await raw({ id: second });
    expect(other.cache).toBe('amparo-gateway; fwd=miss; stored');
    expect(other.text).not.toBe(miss.text);
    const unknownId = '00000000-0000-4000-8000-000000000000';
    expect((await raw({ id: unknownId })).cache).toBe('amparo-gateway; fwd=miss');
    expect((await raw({ id: unknownId })).cache).toBe('amparo-gateway; fwd=miss');

    // Nothing else is kept: the list of releases grows, and case data is never answered twice from memory.
    const listedAgain = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ statisticsReleases(first: 2) { edges { node { id } } } }' }),
    });
    expect(listedAgain.headers.get('cache-status')).toBeNull();
    const caseworker = await federation.query(
      '{ cases(first: 1) { totalCount } }',
      {},
      {
        token: await federation.tokenFor('caseworker', { org: DEMO_PROVIDER_ORGANIZATIONS[0]?.id }),
      },
    );
    expect(caseworker.headers.get('cache-status')).toBeNull();
  });
});
