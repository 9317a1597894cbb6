import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../testing/useMigratedDatabase.js';
import { matchKeys } from '../names/matchKeys.js';
import { nameKey } from '../names/nameKey.js';
import { nameTokens } from '../names/personName.js';
import { FOUND_PROFILE_COLUMNS, foundProfile, type FoundProfileRow } from './matchProfile.js';

/**
 * found_person_blocking_keys is written by SQL (migration 0007's
 * found_person_blocking_rows, through the triggers) and read by the
 * pre-ranking of findCandidates against birth years that the scorer takes
 * from matchProfile.ts. If the two computations drift apart, the pre-ranking
 * silently drops the record sought; these cases sit where they could.
 */
const store = useMigratedDatabase();

interface Sample {
  given: string;
  first: string | null;
  second: string | null;
  sex: string;
  age: [number, number] | null;
  foundDate: string | null;
  /** Registration time; with no found date, its UTC day is the age's reference. */
  createdAt: string;
}

const SAMPLES: Sample[] = [
  {
    given: 'Juana',
    first: 'Tzoc',
    second: 'Xiquín',
    sex: 'FEMALE',
    age: [25, 30],
    foundDate: '2024-05-10',
    createdAt: '2024-05-12T10:00:00Z',
  },
  // Found on the last day of a year, registered in the next one.
  {
    given: 'María José',
    first: 'López',
    second: null,
    sex: 'FEMALE',
    age: [17, 17],
    foundDate: '2023-12-31',
    createdAt: '2024-01-02T08:00:00Z',
  },
  // No found date: 31 December in Guatemala is already 2025 in UTC, and UTC is what counts.
  {
    given: 'Rosa',
    first: 'Ajpop',
    second: 'Quej',
    sex: 'UNKNOWN',
    age: [40, 45],
    foundDate: null,
    createdAt: '2024-12-31T20:30:00-06:00',
  },
  // And the other way round: 1 January in Kiribati is still the year before in UTC.
  {
    given: 'Ana',
    first: 'Pérez',
    second: 'Cux',
    sex: 'FEMALE',
    age: [0, 2],
    foundDate: null,
    createdAt: '2025-01-01T05:00:00+14:00',
  },
  {
    given: 'Lupe',
    first: 'Morales',
    second: 'Mejía',
    sex: 'MALE',
    age: null,
    foundDate: '2022-07-01',
    createdAt: '2022-07-03T00:00:00Z',
  },
];

/** Inserted from a session in Guatemala's time zone: the rows must not depend on the session's. */
async function insertSample(s: Sample): Promise<string> {
  const [row] = await store.db().transaction(async (tx) => {
    await tx.query(`SET LOCAL TIME ZONE 'America/Guatemala'`);
    return tx.query<{ id: string }>(
      `INSERT INTO found_person_records (source_kind, vital_status, given_names, first_surname, second_surname, name_key,
       match_keys, sex, estimated_age_min, estimated_age_max, found_date, created_at)
     VALUES ('SHELTER', 'ALIVE', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        s.given,
        s.first,
        s.second,
        nameKey(s.given, s.first, s.second),
        matchKeys(nameTokens(s.given, s.first, s.second)),
        s.sex,
        s.age?.[0] ?? null,
        s.age?.[1] ?? null,
        s.foundDate,
        s.createdAt,
      ],
    );
  });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

interface BlockingRow {
  match_key: string;
  name_key: string;
  sex: string;
  born_from: number | null;
  born_to: number | null;
  found_date: string | null;
}

async function blockingRows(id: string): Promise<BlockingRow[]> {
  return store.db().query<BlockingRow>(
    `SELECT match_key, name_key, sex, born_from, born_to, found_date FROM found_person_blocking_keys
      WHERE found_person_record_id = $1 ORDER BY match_key`,
    [id],
  );
}

/** What TypeScript says the rows of one record are: its keys, and foundProfile's birth years. */
async function expectedRows(id: string): Promise<BlockingRow[]> {
  const [row] = await store
    .db()
    .query<FoundProfileRow & { name_key: string; match_keys: string[] }>(
      `SELECT ${FOUND_PROFILE_COLUMNS}, name_key, match_keys FROM found_person_records WHERE id = $1`,
      [id],
    );
  if (!row) throw new Error('record not found');
  const profile = foundProfile(row);
  return [...new Set(row.match_keys)].sort().map((match_key) => ({
    match_key,
    name_key: row.name_key,
    sex: profile.sex,
    born_from: profile.birthYears?.[0] ?? null,
    born_to: profile.birthYears?.[1] ?? null,
    found_date: profile.seen.date,
  }));
}

describe('found_person_blocking_keys against matchProfile.ts', () => {
  it('holds, for every inserted record, its keys with the birth years foundProfile computes', async () => {
    for (const sample of SAMPLES) {
      const id = await insertSample(sample);
      const rows = await blockingRows(id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(await expectedRows(id));
    }
  });

  it('uses the UTC day of registration when there is no found date', async () => {
    const id = await insertSample(SAMPLES[2] as Sample);
    // 45–40 years before 2025 (UTC), not 2024 (Guatemala's day of registration).
    expect((await blockingRows(id))[0]).toMatchObject({ born_from: 2025 - 45 - 1, born_to: 2025 - 40 });
  });

  it('follows an update of the age, the found date or the name, and drops a withdrawn record', async () => {
    const id = await insertSample(SAMPLES[0] as Sample);
    const before = (await blockingRows(id)).map((r) => r.match_key);
    const renamed = nameTokens('Juana', 'Chávez', 'Xiquín');
    await store.db().query(
      `UPDATE found_person_records SET estimated_age_min = 30, estimated_age_max = 35, found_date = NULL,
         first_surname = 'Chávez', name_key = $2, match_keys = $3 WHERE id = $1`,
      [id, nameKey('Juana', 'Chávez', 'Xiquín'), matchKeys(renamed)],
    );
    const rows = await blockingRows(id);
    expect(rows).toEqual(await expectedRows(id));
    expect(rows.map((r) => r.match_key)).not.toEqual(before);
    await store.db().query(`UPDATE found_person_records SET withdrawn_at = now() WHERE id = $1`, [id]);
    expect(await blockingRows(id)).toEqual([]);
  });

  it('is exactly what found_person_blocking_rows gives for the whole table (the one place the rows are computed)', async () => {
    for (const sample of SAMPLES) await insertSample(sample);
    const fromTrigger = await store.db().query(
      `SELECT match_key, found_person_record_id, name_key, sex, born_from, born_to, found_date
         FROM found_person_blocking_keys ORDER BY found_person_record_id, match_key`,
    );
    const fromFunction = await store.db().query(
      `SELECT b.match_key, b.found_person_record_id, b.name_key, b.sex, b.born_from, b.born_to, b.found_date
         FROM found_person_records f CROSS JOIN LATERAL found_person_blocking_rows(f) b
        ORDER BY b.found_person_record_id, b.match_key`,
    );
    expect(fromTrigger.length).toBeGreaterThan(SAMPLES.length);
    expect(fromTrigger).toEqual(fromFunction);
  });
});
