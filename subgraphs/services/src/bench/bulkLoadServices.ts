import { DEMO_PLACES, type Database } from '@amparo/kit';
import { refreshSearchText } from '../catalogue/refreshSearchText.js';
import { CODE_LABELS } from '../i18n/codeLabels.js';

const CATEGORIES = Object.keys(CODE_LABELS.CATEGORY ?? {});
const sqlText = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;

/**
 * Tops a catalogue that already has its organisations (the demo seed) up to
 * `total` services for the benchmarks: this package's catalogue bench and the
 * domain bench's `catalogue-search` (tests/bench/domain). Set-based (one
 * INSERT … SELECT per table), so 100k rows are quick on PGlite too: services
 * spread around the demo places with ±0.3° jitter, one or two categories, an
 * English translation, weekday hours for nine in ten, half of the shelters
 * confidential; published by every organisation but the enforcement ones.
 * Then recomputes the search text and the statistics. Returns how many
 * services exist.
 */
export async function bulkLoadServices(db: Database, total: number): Promise<number> {
  const [{ n: existing } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services');
  const extra = total - existing;
  if (extra > 0) {
    const places = DEMO_PLACES;
    const esLabels = CATEGORIES.map((c) => CODE_LABELS.CATEGORY?.[c]?.[0] ?? c);
    const enLabels = CATEGORIES.map((c) => CODE_LABELS.CATEGORY?.[c]?.[1] ?? c);
    // One multi-statement script runs on one connection, so its temporary tables (and the seed) are its own.
    await db.exec(`
      SELECT setseed(0.42);
      CREATE TEMP TABLE bench_places AS SELECT * FROM unnest(
        ${sqlText(places.map((p) => p.country))}, ${sqlText(places.map((p) => p.area))}, ${sqlText(places.map((p) => p.city))},
        ARRAY[${places.map((p) => p.latitude).join(', ')}]::float8[], ARRAY[${places.map((p) => p.longitude).join(', ')}]::float8[],
        ${sqlText(places.map((p) => p.timeZone))}) WITH ORDINALITY AS p(country, area, city, lat, lon, tz, n);
      CREATE TEMP TABLE bench_orgs AS
        SELECT id, row_number() OVER (ORDER BY id) AS n FROM organizations WHERE kind <> 'IMMIGRATION_ENFORCEMENT';
      CREATE TEMP TABLE bench_new AS
        SELECT gen_random_uuid() AS id, g, 1 + floor(random() * ${CATEGORIES.length})::int AS c1,
               1 + floor(random() * ${places.length})::int AS pn,
               1 + floor(random() * (SELECT count(*) FROM bench_orgs))::int AS onr
          FROM generate_series(1, ${extra}) AS g;
      INSERT INTO services (id, organization_id, name, description, categories, phases, country, area, city, latitude,
        longitude, languages, accessibility, populations, time_zone, open_around_the_clock, status, contacts, confidential_location)
      SELECT s.id, o.id,
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
      FROM bench_new s JOIN bench_places p ON p.n = s.pn JOIN bench_orgs o ON o.n = s.onr;
      INSERT INTO service_translations (service_id, language, name, description)
        SELECT s.id, 'en', (${sqlText(enLabels)})[s.c1] || ' ' || p.city, 'For migrant women in ' || p.city || '.'
          FROM bench_new s JOIN bench_places p ON p.n = s.pn;
      INSERT INTO service_hours (service_id, weekday, opens, closes)
        SELECT v.id, d, '08:00', '17:00' FROM services v JOIN bench_new s ON s.id = v.id, generate_series(1, 5) AS d
         WHERE NOT v.open_around_the_clock;
      DROP TABLE bench_places, bench_orgs, bench_new;
    `);
    await refreshSearchText(db, 'all');
  }
  // What autovacuum does to a catalogue in service: statistics, and a visibility map that lets the
  // distance search read positions from the index alone.
  await db.exec('VACUUM ANALYZE services');
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services');
  return n;
}
