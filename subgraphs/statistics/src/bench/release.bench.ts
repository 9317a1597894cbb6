import { principalFor, startTestSubgraph } from '@amparo/kit';
import { loadReleasePolicy } from '../config/statisticsConfig.js';
import { statisticsSubgraph } from '../definition.js';
import type { Measure } from '../measures/measures.js';
import { PUBLISHED_TABLES } from '../measures/publishedTables.js';
import { computeReleaseFromExtracts } from '../releases/computeReleaseFromExtracts.js';
import type { ExtractCell, StatisticsExtract } from '../releases/statisticsExtract.js';
import { storeRelease } from '../releases/storeRelease.js';
import { syntheticMonthExtract } from '../seed/syntheticExtract.js';

/**
 * `npm run bench -w @amparo/subgraph-statistics`: time to compute (and
 * store) a release from extracts worth 1,000,000 case-equivalents, and the
 * latency of table, series and SDMX queries. PostgreSQL when DATABASE_URL is
 * set (a throwaway database), else PGlite in memory. Not part of `npm test`.
 */
const CASE_EQUIVALENTS = 1_000_000;
const MONTHS = 12;
const QUERIES = 300;

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}
const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms (n=${ms.length})`;
};

/** One month of extracts in the contract shape, scaled so that its counts add up to `total`. */
function extractsFor(period: string, total: number): StatisticsExtract[] {
  const probe = syntheticMonthExtract(period, 1);
  const unit = Object.values(probe.measures).reduce(
    (sum, cells) => sum + (cells ?? []).reduce((s, c) => s + c.count, 0),
    0,
  );
  const month = syntheticMonthExtract(period, total / unit);
  // One extract per owning subgraph, as the real pipeline would receive them.
  const owner: Record<Measure, string> = {
    CASES_OPENED: 'cases',
    CASES_ACTIVE: 'cases',
    CASES_CLOSED: 'cases',
    NEEDS: 'cases',
    REFERRALS_MADE: 'cases',
    REFERRALS_COMPLETED: 'cases',
    INCIDENTS: 'cases',
    INTERPRETATION_FULFILLED: 'interpreters',
    INTERPRETATION_UNMET: 'interpreters',
    SEARCHES_OPENED: 'searches',
    SEARCHES_LOCATED_ALIVE: 'searches',
    SEARCHES_LOCATED_DECEASED: 'searches',
    SERVICES: 'services',
  };
  const bySubgraph = new Map<string, ExtractCell[]>();
  for (const [measure, cells] of Object.entries(month.measures) as [
    Measure,
    { codes: Record<string, string>; count: number }[],
  ][]) {
    const list = bySubgraph.get(owner[measure]) ?? [];
    for (const cell of cells) list.push({ measure, dims: cell.codes, count: cell.count });
    bySubgraph.set(owner[measure], list);
  }
  return [...bySubgraph.values()].map((cells) => ({ period, cells }));
}

const monthCode = (i: number) => `2025-${String(i + 1).padStart(2, '0')}`;

async function main() {
  const policy = loadReleasePolicy(process.env);
  const started = Date.now();
  const extracts = extractsFor(monthCode(0), CASE_EQUIVALENTS);
  const rows = extracts.reduce((n, e) => n + e.cells.length, 0);
  const total = extracts.reduce((n, e) => n + e.cells.reduce((s, c) => s + c.count, 0), 0);
  console.log(
    `extracts: ${total} case-equivalents in ${rows} fine-cell rows (generated in ${Date.now() - started} ms)`,
  );

  const sg = await startTestSubgraph(statisticsSubgraph);
  try {
    const compute: number[] = [];
    const store: number[] = [];
    for (let i = 0; i < MONTHS; i++) {
      const monthExtracts = i === 0 ? extracts : extractsFor(monthCode(i), CASE_EQUIVALENTS);
      const t0 = performance.now();
      const release = computeReleaseFromExtracts(monthExtracts, policy, 'benchmark extracts');
      const t1 = performance.now();
      await sg.db.transaction((tx) => storeRelease(tx, release, { publishedAt: new Date(Date.UTC(2025, i + 1, 5)) }));
      compute.push(t1 - t0);
      store.push(performance.now() - t1);
      if (i === 0) console.log(`release cells: ${release.cells.length}`);
    }
    console.log(`compute release from ${CASE_EQUIVALENTS} case-equivalents: ${summary(compute)}`);
    console.log(`store release (one transaction): ${summary(store)}`);

    const anyone = principalFor('public');
    const { body } = await sg.request<{ statisticsReleases: { edges: { node: { id: string } }[] } }>(
      anyone,
      '{ statisticsReleases(first: 100) { edges { node { id } } } }',
    );
    const ids = body.data?.statisticsReleases.edges.map((e) => e.node.id) ?? [];
    const tables = (Object.entries(PUBLISHED_TABLES) as [Measure, readonly (readonly string[])[]][]).flatMap(
      ([measure, list]) => list.map((dimensions) => ({ measure, dimensions })),
    );
    const table: number[] = [];
    const series: number[] = [];
    const sdmx: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const t = tables[i % tables.length] as { measure: Measure; dimensions: readonly string[] };
      const args = `measure: ${t.measure}, dimensions: [${t.dimensions.join(', ')}]`;
      let t0 = performance.now();
      const one = await sg.request(
        anyone,
        `query ($id: ID!) { statisticsRelease(id: $id) { table(${args}) { cells { key { code } value suppressed lower upper } } } }`,
        { id: ids[i % ids.length] },
      );
      table.push(performance.now() - t0);
      if (one.body.errors) throw new Error(`table query failed: ${one.body.errors[0]?.message}`);
      t0 = performance.now();
      await sg.request(anyone, `{ statisticsSeries(${args}) { period cells { value suppressed } } }`);
      series.push(performance.now() - t0);
      t0 = performance.now();
      const response = await sg.app.inject({ method: 'GET', url: `/stats/sdmx/data/${t.measure}/all` });
      sdmx.push(performance.now() - t0);
      if (response.statusCode !== 200) throw new Error(`sdmx query failed: ${response.statusCode}`);
    }
    console.log(`table query (one release, GraphQL): ${summary(table)}`);
    console.log(`series query (${MONTHS} releases, GraphQL): ${summary(series)}`);
    console.log(`SDMX-JSON whole dataflow (${MONTHS} releases): ${summary(sdmx)}`);
    console.log(`store: ${sg.db.kind}`);
  } finally {
    await sg.close();
  }
}

await main();
