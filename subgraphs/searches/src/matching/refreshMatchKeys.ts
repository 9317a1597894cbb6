import type { Queryable } from '@amparo/kit';
import { matchKeys } from '../names/matchKeys.js';
import { nameTokens } from '../names/personName.js';

const CHUNK = 2_000;

/**
 * Computes `match_keys` for rows that have none yet (seeded rows, rows from
 * before migration 0002). The keys come from TypeScript (phoneticKey), not
 * SQL, so both stores compute them the same way. Returns how many rows it
 * updated. `table` is one of the two constants below, never input.
 */
export async function refreshMatchKeys(
  tx: Queryable,
  table: 'found_person_records' | 'search_requests',
): Promise<number> {
  const aliases = table === 'search_requests' ? 'aliases' : `'{}'::text[] AS aliases`;
  let updated = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await tx.query<{
      id: string;
      given_names: string | null;
      first_surname: string | null;
      second_surname: string | null;
      aliases: string[];
    }>(
      `SELECT id, given_names, first_surname, second_surname, ${aliases} FROM ${table}
        WHERE match_keys = '{}' AND name_key <> '' AND id > $1 ORDER BY id LIMIT ${CHUNK}`,
      [after],
    );
    if (rows.length === 0) return updated;
    after = rows.at(-1)?.id ?? after;
    const keys = rows.map((r) => matchKeys(nameTokens(r.given_names, r.first_surname, r.second_surname, r.aliases)));
    const withKeys = rows.map((r, i) => [r.id, keys[i] ?? []] as const).filter(([, k]) => k.length > 0);
    if (withKeys.length > 0) {
      // A text[][] cannot be ragged, so each row's keys travel as one joined string.
      await tx.query(
        `UPDATE ${table} t SET match_keys = string_to_array(v.keys, ' ')
           FROM unnest($1::uuid[], $2::text[]) AS v(id, keys) WHERE t.id = v.id`,
        [withKeys.map(([id]) => id), withKeys.map(([, k]) => k.join(' '))],
      );
      updated += withKeys.length;
    }
  }
}
