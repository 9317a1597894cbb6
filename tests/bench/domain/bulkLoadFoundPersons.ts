import { SeededRandom, insertRows, type Database } from '@amparo/kit';
import {
  FOUND_PERSON_COLUMNS,
  foundPersonRow,
  randomFoundDate,
  randomFoundPlace,
} from '../../../subgraphs/searches/src/seed/demoFoundPerson.js';
import { randomPerson, type DemoPerson } from '../../../subgraphs/searches/src/seed/demoPerson.js';
import { matchKeys } from '../../../subgraphs/searches/src/names/matchKeys.js';
import { nameTokens } from '../../../subgraphs/searches/src/names/personName.js';

const BATCH = 5_000;

/** A record the load planted with a known name, for a search a relative would write about it. */
export interface PlantedRecord {
  readonly person: DemoPerson;
  readonly foundDate: string;
  readonly latitude: number;
  readonly longitude: number;
}

/**
 * Tops `found_person_records` up to `total` rows the way
 * subgraphs/searches/src/bench/matching.bench.ts generates its 1M records
 * (the demo seed's person and record generators, blocking keys computed in
 * TypeScript), in batches of 5,000. `planted` of the new records are forced
 * to carry a name and returned, so the searches the load sends describe
 * someone who is really there. Ids continue after the seeded ones.
 */
export async function bulkLoadFoundPersons(
  db: Database,
  total: number,
  planted: number,
  progress: (line: string) => void,
): Promise<{ records: number; planted: PlantedRecord[] }> {
  const [{ n: existing } = { n: 0 }] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM found_person_records',
  );
  const extra = Math.max(0, total - existing);
  const random = new SeededRandom('domain-bench:found-persons');
  const targets = new Set(
    random.sample(
      Array.from({ length: extra }, (_, i) => i),
      Math.min(planted, extra),
    ),
  );
  const plantedRecords: PlantedRecord[] = [];
  for (let start = 0; start < extra; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(extra, start + BATCH); i++) {
      const person = randomPerson(random);
      const date = randomFoundDate(random);
      const place = randomFoundPlace(random);
      const row = foundPersonRow(random, existing + i, person, { date, place, identified: targets.has(i) });
      const keys = matchKeys(nameTokens(row[4] as string | null, row[5] as string | null, row[6] as string | null));
      rows.push([...row, keys]);
      if (targets.has(i)) {
        plantedRecords.push({ person, foundDate: date, latitude: place.latitude, longitude: place.longitude });
      }
    }
    await insertRows(db, 'found_person_records', [...FOUND_PERSON_COLUMNS, 'match_keys'], rows, 1_000);
    const done = start + rows.length;
    if (done % 100_000 < BATCH || done === extra) progress(`  … ${existing + done} found-person records`);
  }
  // VACUUM, not only ANALYZE: matching reads found_person_blocking_keys index-only, which needs
  // the visibility map that autovacuum would set after a load like this one (it is off on the bench server).
  await db.exec('VACUUM (ANALYZE) found_person_records, found_person_blocking_keys');
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM found_person_records');
  return { records: n, planted: plantedRecords };
}
