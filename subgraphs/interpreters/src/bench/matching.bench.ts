import { createTestDatabase, migrateSubgraph, openDatabase } from '@amparo/kit';
import { interpretersSubgraph } from '../definition.js';
import { matchCandidates } from '../matching/matchCandidates.js';
import { seedInterpreters } from '../seed/seedInterpreters.js';

// npm run bench -w @amparo/subgraph-interpreters   (PostgreSQL when DATABASE_URL is set, else PGlite in memory)
const INTERPRETERS = 10_000;
const RUNS = 200;
const WARMUP = 20;
const LANGUAGES = ['quc', 'mam', 'kek', 'cak', 'cab', 'tzo', 'nhe', 'gsm', 'mfs', 'eng'];
const SPHERES = ['VIOLENCE', 'LEGAL_CIVIL', 'TRAFFICKING', 'HEALTH', 'ASYLUM'];

const database = await createTestDatabase();
const db = await openDatabase({
  url: database.url,
  dataDir: 'memory://',
  schema: interpretersSubgraph.name,
  extensions: interpretersSubgraph.extensions ?? [],
});
try {
  await migrateSubgraph(db, interpretersSubgraph);
  const seeding = performance.now();
  await seedInterpreters(db, { scale: INTERPRETERS / 320 });
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM interpreters');
  process.stdout.write(
    `seeded ${n} interpreters on ${db.kind} in ${((performance.now() - seeding) / 1000).toFixed(1)} s\n`,
  );

  // A weekday two weeks out, 08:00–20:00 UTC: a realistic scheduled window.
  const day = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const timings: number[] = [];
  let candidates = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const started = performance.now();
    const result = await matchCandidates(db, {
      language: LANGUAGES[run % LANGUAGES.length] as string,
      targetLanguage: 'spa',
      sphere: SPHERES[run % SPHERES.length] as string,
      modality: 'VIDEO',
      country: 'GT',
      preferredGender: run % 2 === 0 ? 'FEMALE' : null,
      avoidCommunities: run % 3 === 0 ? ['Nahualá'] : [],
      durationMinutes: 60,
      window: { start: Date.parse(`${day}T08:00:00Z`), end: Date.parse(`${day}T20:00:00Z`) },
      now: Date.now(),
    });
    if (run >= WARMUP) {
      timings.push(performance.now() - started);
      candidates += result.candidates.length;
    }
  }
  timings.sort((a, b) => a - b);
  const at = (p: number) => (timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? 0).toFixed(1);
  process.stdout.write(
    `matching one request against ${n} interpreters (${RUNS} runs, ${(candidates / RUNS).toFixed(1)} candidates on average): ` +
      `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms\n`,
  );
} finally {
  await db.close();
  await database.drop();
}
