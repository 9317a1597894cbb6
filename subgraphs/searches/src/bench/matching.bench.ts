/**
 * Benchmark (issue 7): latency of matching one search against N found-person
 * records (p50/p95 over the queries of one run) and the process memory.
 * Data is generated here — with the demo seed's person generator — in a
 * throwaway database on the server named by DATABASE_URL, or in PGlite in
 * memory without it (slow at 1M: pass a smaller --records).
 *
 *   npm run bench -w @amparo/subgraph-searches -- --records 1000000 --queries 200
 *
 * Each query is a search a relative would write about one of the generated
 * records (typo, swapped or missing surname, nickname, Mayan respelling…),
 * so the run also reports recall@5 and precision@1 at this scale.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SeededRandom, createTestDatabase, migrateSubgraph, openDatabase } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import { findFoundCandidates } from '../matching/findCandidates.js';
import { searchProfile } from '../matching/matchProfile.js';
import { matchKeys } from '../names/matchKeys.js';
import { nameTokens } from '../names/personName.js';
import { ageOn, addDays } from '../seed/demoDates.js';
import {
  FOUND_PERSON_COLUMNS,
  foundPersonId,
  foundPersonRow,
  randomFoundDate,
  randomFoundPlace,
} from '../seed/demoFoundPerson.js';
import { randomPerson, type DemoPerson } from '../seed/demoPerson.js';
import { insertRows } from '@amparo/kit';
import { applicableVariants, applyNameVariant } from '../seed/nameVariant.js';

const { values } = parseArgs({
  options: { records: { type: 'string', default: '1000000' }, queries: { type: 'string', default: '200' } },
});
const RECORDS = Number(values.records);
const QUERIES = Math.min(Number(values.queries), RECORDS);
const BATCH = 5_000;
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

const database = await createTestDatabase();
const db = await openDatabase({
  url: database.url,
  dataDir: 'memory://',
  schema: 'searches',
  extensions: searchesSubgraph.extensions ?? [],
});
try {
  await migrateSubgraph(db, searchesSubgraph);
  const random = new SeededRandom('searches-bench');
  const targets = new Set(
    random.sample(
      Array.from({ length: RECORDS }, (_, i) => i),
      QUERIES,
    ),
  );
  const planted: { index: number; person: DemoPerson; date: string; latitude: number; longitude: number }[] = [];

  const started = performance.now();
  for (let start = 0; start < RECORDS; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(RECORDS, start + BATCH); i++) {
      const person = randomPerson(random);
      const date = randomFoundDate(random);
      const place = randomFoundPlace(random);
      const row = foundPersonRow(random, i, person, { date, place, identified: targets.has(i) });
      const keys = matchKeys(nameTokens(row[4] as string | null, row[5] as string | null, row[6] as string | null));
      rows.push([...row, keys]);
      if (targets.has(i))
        planted.push({ index: i, person, date, latitude: place.latitude, longitude: place.longitude });
    }
    await insertRows(db, 'found_person_records', [...FOUND_PERSON_COLUMNS, 'match_keys'], rows, 1_000);
    if ((start / BATCH) % 20 === 19) console.log(`  … ${start + BATCH} records`);
  }
  // Matching reads found_person_blocking_keys index-only: the visibility map must be set, as autovacuum would.
  await db.exec('VACUUM (ANALYZE) found_person_records, found_person_blocking_keys');
  const generatedIn = (performance.now() - started) / 1000;
  console.log(`${db.kind}: generated ${RECORDS} found-person records in ${generatedIn.toFixed(1)} s`);

  const latencies: number[] = [];
  let top1 = 0;
  let top5 = 0;
  for (const [q, target] of planted.entries()) {
    const { person } = target;
    const registered = {
      givenNames: person.givenNames,
      firstSurname: person.firstSurname,
      secondSurname: person.secondSurname,
    };
    const name = applyNameVariant(random, registered, random.pick(applicableVariants(registered)));
    const lastContact = addDays(target.date, -random.int(5, 300));
    const age = ageOn(person.birthDate, lastContact);
    const knowsBirthDate = random.chance(0.6);
    const profile = searchProfile({
      id: `00000000-0000-4000-8000-${String(q).padStart(12, '0')}`,
      given_names: name.givenNames,
      first_surname: name.firstSurname,
      second_surname: name.secondSurname,
      aliases: [],
      sex: person.sex,
      birth_date: knowsBirthDate ? person.birthDate : null,
      age_min: knowsBirthDate ? null : Math.max(0, age - 2),
      age_max: knowsBirthDate ? null : age + 2,
      nationality: person.nationality,
      languages: [...person.languages],
      last_contact_date: lastContact,
      last_contact_latitude: target.latitude + random.int(-50, 50) / 100,
      last_contact_longitude: target.longitude + random.int(-50, 50) / 100,
      last_contact_country: null,
      opened_at: new Date(`${lastContact}T12:00:00Z`),
    });
    const t0 = performance.now();
    const candidates = await db.transaction((tx) => findFoundCandidates(tx, profile, 5));
    latencies.push(performance.now() - t0);
    const expected = foundPersonId(target.index);
    if (candidates[0]?.id === expected) top1++;
    if (candidates.some((c) => c.id === expected)) top5++;
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const memory = process.memoryUsage();
  console.log(
    `matching one search against ${RECORDS} records (${db.kind}, ${latencies.length} queries): ` +
      `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
  );
  console.log(
    `quality at this scale: precision@1 ${(top1 / planted.length).toFixed(3)}, recall@5 ${(top5 / planted.length).toFixed(3)}`,
  );
  console.log(
    `memory: RSS ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}` +
      (db.kind === 'pglite' ? ' (PGlite runs in this process: RSS includes the database)' : ''),
  );
} finally {
  await db.close();
  await database.drop();
}
