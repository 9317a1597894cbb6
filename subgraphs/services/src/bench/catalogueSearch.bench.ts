/**
 * Benchmark: p50/p95 of a combined filter + text + distance search over
 * 100k services. Data is generated here, in a throwaway database on the
 * server named by DATABASE_URL, or in PGlite in memory without it.
 *
 *   npm run bench -w @amparo/subgraph-services        (BENCH_SERVICES=100000 BENCH_RUNS=200)
 */
import { performance } from 'node:perf_hooks';
import { DEMO_ORGANIZATIONS, DEMO_PLACES, createTestDatabase, migrateSubgraph, openDatabase } from '@amparo/kit';
import { refreshSearchText } from '../catalogue/refreshSearchText.js';
import { searchServices, type SearchArgs } from '../catalogue/searchServices.js';
import { servicesSubgraph } from '../definition.js';
import { CODE_LABELS } from '../i18n/codeLabels.js';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CATEGORIES = Object.keys(CODE_LABELS.CATEGORY ?? {});
const sqlText = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

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
  for (const o of DEMO_ORGANIZATIONS)
    await db.query('INSERT INTO organizations (id, name, kind, country) VALUES ($1, $2, $3, $4)', [
      o.id,
      o.name,
      o.kind,
      o.place.country,
    ]);
  const places = DEMO_PLACES;
  const esLabels = CATEGORIES.map((c) => CODE_LABELS.CATEGORY?.[c]?.[0] ?? c);
  const enLabels = CATEGORIES.map((c) => CODE_LABELS.CATEGORY?.[c]?.[1] ?? c);
  await db.exec(`SELECT setseed(0.42)`);
  // Set-based generation: one INSERT … SELECT per table keeps 100k rows quick on PGlite too.
  await db.exec(`
    CREATE TEMP TABLE bench_places AS SELECT * FROM unnest(
      ${sqlText(places.map((p) => p.country))}, ${sqlText(places.map((p) => p.area))}, ${sqlText(places.map((p) => p.city))},
      ARRAY[${places.map((p) => p.latitude).join(', ')}]::float8[], ARRAY[${places.map((p) => p.longitude).join(', ')}]::float8[],
      ${sqlText(places.map((p) => p.timeZone))}) WITH ORDINALITY AS p(country, area, city, lat, lon, tz, n);
    CREATE TEMP TABLE bench_orgs AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations;
    INSERT INTO services (id, organization_id, name, description, categories, phases, country, area, city, latitude,
      longitude, languages, accessibility, populations, time_zone, open_around_the_clock, status, contacts, confidential_location)
    SELECT gen_random_uuid(), o.id,
      (${sqlText(esLabels)})[c1] || ' ' || p.city || ' ' || g,
      (${sqlText(esLabels)})[c1] || ' para mujeres migrantes en ' || p.city || '.',
      CASE WHEN random() < 0.5 THEN ARRAY[(${sqlText(CATEGORIES)})[c1]]
           ELSE ARRAY[(${sqlText(CATEGORIES)})[c1], (${sqlText(CATEGORIES)})[1 + (c1 % ${CATEGORIES.length})]] END,
      (ARRAY['{TRANSIT,DESTINATION}', '{ORIGIN,RETURN}', '{TRANSIT}', '{DESTINATION}'])[1 + g % 4]::text[],
      p.country, p.area, p.city, p.lat + (random() - 0.5) * 0.6, p.lon + (random() - 0.5) * 0.6,
      (ARRAY['{spa}', '{spa,quc}', '{spa,mam}', '{spa,eng}', '{spa,kek,quc}'])[1 + g % 5]::text[],
      (ARRAY['{}', '{WHEELCHAIR_ACCESS}', '{SIGN_LANGUAGE,EASY_READ}'])[1 + g % 3]::text[],
      (ARRAY['{WOMEN}', '{WOMEN,GIRLS}', '{WOMEN,LGBTI_AFFIRMING}', '{WOMEN,SURVIVORS_OF_VIOLENCE}'])[1 + g % 4]::text[],
      p.tz, random() < 0.1, CASE WHEN random() < 0.9 THEN 'ACTIVE' ELSE 'TEMPORARILY_CLOSED' END,
      '[{"kind":"PHONE","value":"+502 2222 3333"}]'::jsonb, (${sqlText(CATEGORIES)})[c1] = 'SHELTER' AND random() < 0.5
    FROM (SELECT g, 1 + floor(random() * ${CATEGORIES.length})::int AS c1,
                 1 + floor(random() * ${places.length})::int AS pn, 1 + floor(random() * 64)::int AS onr
          FROM generate_series(1, ${SERVICES}) AS g) AS s
    JOIN bench_places p ON p.n = s.pn JOIN bench_orgs o ON o.n = s.onr;
    INSERT INTO service_translations (service_id, language, name, description)
      SELECT id, 'en', (${sqlText(enLabels)})[array_position(${sqlText(CATEGORIES)}, categories[1])] || ' ' || city,
        'For migrant women in ' || city || '.' FROM services;
    INSERT INTO service_hours (service_id, weekday, opens, closes)
      SELECT id, d, '08:00', '17:00' FROM services, generate_series(1, 5) AS d WHERE NOT open_around_the_clock;
  `);
  await refreshSearchText(db, 'all');
  await db.exec('ANALYZE');
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM services');
  console.log(`${db.kind}: generated ${n} services in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const scenarios: [string, (i: number) => SearchArgs][] = [
    [
      'filter + text + distance (50 km), first 20',
      (i) => {
        const p = places[i % places.length]!;
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
      'filter + openNow + distance (100 km), first 20',
      (i) => {
        const p = places[(i * 7) % places.length]!;
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
