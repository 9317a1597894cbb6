/**
 * Benchmark: p50/p95 of a combined filter + text + distance search over
 * 100k services: the demo seed topped up by {@link bulkLoadServices}, in a
 * throwaway database on the server named by DATABASE_URL, or in PGlite in
 * memory without it.
 *
 *   npm run bench -w @amparo/subgraph-services        (BENCH_SERVICES=100000 BENCH_RUNS=200)
 */
import { performance } from 'node:perf_hooks';
import { DEMO_PLACES, createTestDatabase, migrateSubgraph, openDatabase } from '@amparo/kit';
import { searchServices, type SearchArgs } from '../catalogue/searchServices.js';
import { servicesSubgraph } from '../definition.js';
import { CODE_LABELS } from '../i18n/codeLabels.js';
import { seedServices } from '../seed/seedServices.js';
import { bulkLoadServices } from './bulkLoadServices.js';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CATEGORIES = Object.keys(CODE_LABELS.CATEGORY ?? {});

const database = await createTestDatabase();
const db = await openDatabase({
  url: database.url,
  dataDir: 'memory://',
  schema: 'services',
  extensions: servicesSubgraph.extensions ?? [],
});
try {
  await migrateSubgraph(db, servicesSubgraph);
  const started = performance.now();
  // The demo catalogue, topped up by the generator the domain bench uses too.
  await seedServices(db);
  const n = await bulkLoadServices(db, SERVICES);
  console.log(`${db.kind}: generated ${n} services in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const scenarios: [string, (i: number) => SearchArgs][] = [
    [
      'distance only (50 km), first 20',
      (i) => {
        const p = DEMO_PLACES[(i * 3) % DEMO_PLACES.length]!;
        return { near: { latitude: p.latitude, longitude: p.longitude, radiusKm: 50 }, first: 20 };
      },
    ],
    [
      'categories + language + distance (100 km), first 20',
      (i) => {
        const p = DEMO_PLACES[(i * 5) % DEMO_PLACES.length]!;
        return {
          filter: { categories: [CATEGORIES[i % CATEGORIES.length]!, 'HOUSING'], languages: ['spa'] },
          near: { latitude: p.latitude, longitude: p.longitude, radiusKm: 100 },
          first: 20,
        };
      },
    ],
    [
      'filter + text + distance (50 km), first 20',
      (i) => {
        const p = DEMO_PLACES[i % DEMO_PLACES.length]!;
        return {
          filter: {
            categories: [CATEGORIES[i % CATEGORIES.length]!, 'SHELTER'],
            languages: ['spa'],
            phases: ['TRANSIT'],
            text: i % 2 ? 'mujeres' : 'jurídica',
          },
          near: { latitude: p.latitude, longitude: p.longitude, radiusKm: 50 },
          first: 20,
        };
      },
    ],
    [
      // The domain bench's text searches: "mujeres" is in nearly every service, "salud" in about one in ten.
      'text + distance (50 km), first 20',
      (i) => {
        const p = DEMO_PLACES[(i * 11) % DEMO_PLACES.length]!;
        return {
          filter: { text: i % 2 ? 'mujeres' : 'salud' },
          near: { latitude: p.latitude, longitude: p.longitude, radiusKm: 50 },
          first: 20,
        };
      },
    ],
    [
      'filter + openNow + distance (100 km), first 20',
      (i) => {
        const p = DEMO_PLACES[(i * 7) % DEMO_PLACES.length]!;
        return {
          filter: { categories: [CATEGORIES[(i * 3) % CATEGORIES.length]!], openNow: true, regardlessOfStatus: false },
          near: { latitude: p.latitude, longitude: p.longitude, radiusKm: 100 },
          first: 20,
        };
      },
    ],
    [
      'text only (accent-insensitive), by name, first 20',
      (i) => ({ filter: { text: i % 2 ? 'asesoria juridica' : 'albergue' }, first: 20 }),
    ],
  ];
  for (const [name, argsFor] of scenarios) {
    for (let i = 0; i < 5; i++) await searchServices(db, argsFor(i));
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const result = await searchServices(db, argsFor(i));
      times.push(performance.now() - t0);
      found += result.totalCount;
    }
    if (process.env.BENCH_EXPLAIN) {
      // Shows which indexes the planner picked for the page query of this scenario.
      const sent: { sql: string; params: readonly unknown[] }[] = [];
      await searchServices(
        {
          query: async <R>(sql: string, params: readonly unknown[] = []) => {
            sent.push({ sql, params });
            return db.query<R>(sql, params);
          },
          exec: (sql: string) => db.exec(sql),
        },
        argsFor(1),
      );
      const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ANALYZE ${sent[0]?.sql}`, sent[0]?.params);
      console.log(plan.map((l) => l['QUERY PLAN']).join('\n'));
    }
    times.sort((a, b) => a - b);
    const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(
      `${name}: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms (${RUNS} runs, mean totalCount ${Math.round(found / RUNS)})`,
    );
  }
} finally {
  await db.close();
  await database.drop();
}
