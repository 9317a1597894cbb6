import type { Queryable } from '@amparo/kit';
import { matchKeys } from '../names/matchKeys.js';
import { nameKey } from '../names/nameKey.js';
import { ACTIVE_STATUS_CONDITION } from './activeStatuses.js';
import {
  FOUND_PROFILE_COLUMNS,
  SEARCH_PROFILE_COLUMNS,
  foundProfile,
  searchProfile,
  type FoundProfileRow,
  type MatchProfile,
  type SearchProfileRow,
} from './matchProfile.js';
import {
  AGE_TOLERANCE_YEARS,
  MIN_NAME_SCORE,
  nameFeatureMemo,
  scoreCandidate,
  type ScoredCandidate,
} from './scoreCandidate.js';

/** How many blocked searches are scored in full; the SQL pre-ranks by shared keys, then trigram similarity. */
export const BLOCK_LIMIT = 300;

/**
 * How many blocked found-person records are scored in full. Their SQL
 * pre-ranking also weighs whether sex, age and found date contradict the
 * search, so the record sought is among fewer rows: at 1M records 150 keep
 * it as often as 300 ranked by names alone did (99 % against 95.5 % of the
 * planted records of the domain bench).
 */
export const FOUND_BLOCK_LIMIT = 150;

/**
 * Trigram similarity a name key needs to become a candidate without sharing
 * a phonetic key (misspelt single surname). High enough that common given
 * names alone do not qualify.
 */
export const TRIGRAM_THRESHOLD = 0.5;

/**
 * Every statement here has a fixed text, and its plan the same shape for any
 * value (index lookups by key, bounded sorts): kept prepared, a request skips
 * parsing and, once PostgreSQL settles on the generic plan, planning.
 */
const PREPARED = { prepare: true } as const;

export interface Candidate extends ScoredCandidate {
  readonly id: string;
}

/** The blocking inputs of a profile: its phonetic pair keys and its folded name key. */
export function blockingOf(profile: MatchProfile): { keys: string[]; nameKey: string } {
  const [first, second] = profile.name.surnames;
  return { keys: matchKeys(profile.name), nameKey: nameKey(profile.name.given.join(' '), first, second) };
}

/**
 * Below this many rows sharing a phonetic key, the trigram side runs too
 * (a misspelt consonant in a single surname changes every key). Common
 * names never need it and would make it expensive: their trigrams are in
 * a large share of the table.
 */
export const TRIGRAM_FALLBACK_BELOW = 5;

/**
 * Tops up `byKeys` (rows sharing a blocking key) with rows of `table` whose
 * name key is trigram-similar, when fewer than TRIGRAM_FALLBACK_BELOW share
 * a key. A separate statement, so each side uses its own GIN index (an OR of
 * both makes the planner scan the table). `table`, `columns` and `extra`
 * are constants of this module; `extra` may use $3+. Runs in a transaction
 * because of SET LOCAL.
 */
async function withTrigramFallback<R extends { id: string }>(
  tx: Queryable,
  byKeys: R[],
  limit: number,
  sql: { table: string; columns: string; extra: string },
  params: [string[], string, ...unknown[]],
): Promise<R[]> {
  if (byKeys.length >= TRIGRAM_FALLBACK_BELOW) return byKeys;
  await tx.query(`SET LOCAL pg_trgm.similarity_threshold = ${TRIGRAM_THRESHOLD}`);
  // The limit is the last parameter, so the text stays one prepared statement whatever it is.
  const bySimilarity = await tx.query<R>(
    `SELECT ${sql.columns} FROM ${sql.table}
      WHERE name_key % $2 AND NOT (match_keys && $1::text[]) ${sql.extra}
      ORDER BY similarity(name_key, $2) DESC, id
      LIMIT $${params.length + 1}::int`,
    [...params, limit - byKeys.length],
    PREPARED,
  );
  return [...byKeys, ...bySimilarity];
}

/**
 * Found-person records sharing a blocking key with $1, read from
 * found_person_blocking_keys (index-only, migration 0006), pre-ranked by how
 * many keys they share, then by how many of sex, age and found date do not
 * contradict the search ($3 sex, $4–$5 birth years, $6 last contact; the
 * scorer's conflicts), then by trigram similarity of the name key ($2). The
 * similarity is computed only for the rows tied at the cut-off (`cut`): a
 * common name blocks ~1,500 records at 1M, and similarity is the costly part.
 */
const FOUND_BY_KEYS = `
  WITH blocked AS MATERIALIZED (
    SELECT found_person_record_id AS id, count(*) AS shared, min(name_key) AS name_key,
           min((sex = $3 OR $3 = 'UNKNOWN' OR sex = 'UNKNOWN')::int
             + ($4::int IS NULL OR born_from IS NULL OR born_to IS NULL
                OR greatest(0, $4::int - born_to, born_from - $5::int) <= ${AGE_TOLERANCE_YEARS})::int
             + ($6::date IS NULL OR found_date IS NULL OR found_date >= $6::date)::int) AS fits
      FROM found_person_blocking_keys
     WHERE match_key = ANY($1::text[])
     GROUP BY found_person_record_id),
  cut AS (SELECT shared, fits FROM blocked ORDER BY shared DESC, fits DESC LIMIT 1 OFFSET ${FOUND_BLOCK_LIMIT - 1}),
  ranked AS (
    SELECT id FROM blocked
     WHERE NOT EXISTS (SELECT 1 FROM cut) OR (shared, fits) >= (SELECT shared, fits FROM cut)
     ORDER BY shared DESC, fits DESC, similarity(name_key, $2) DESC, id
     LIMIT ${FOUND_BLOCK_LIMIT})
  SELECT ${FOUND_PROFILE_COLUMNS} FROM found_person_records
   WHERE id IN (SELECT id FROM ranked) AND withdrawn_at IS NULL`;

/** Blocked rows of `search_requests` (active, not `excludeId`), pre-ranked by shared keys, then similarity. */
const SEARCHES_BY_KEYS = `
  SELECT ${SEARCH_PROFILE_COLUMNS} FROM search_requests
   WHERE match_keys && $1::text[] AND ${ACTIVE_STATUS_CONDITION} AND id <> $3::uuid
   ORDER BY (SELECT count(*) FROM unnest(match_keys) k WHERE k = ANY($1::text[])) DESC,
            similarity(name_key, $2) DESC, id
   LIMIT ${BLOCK_LIMIT}`;

function rank(search: MatchProfile, profiles: MatchProfile[], limit: number, timed: boolean): Candidate[] {
  const memo = nameFeatureMemo();
  return profiles
    .map((p) => ({ id: p.id, ...scoreCandidate(search, p, timed, memo) }))
    .filter((c) => c.nameScore >= MIN_NAME_SCORE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** The best found-person records for one search, scored and explained. Call inside a transaction. */
export async function findFoundCandidates(tx: Queryable, search: MatchProfile, limit: number): Promise<Candidate[]> {
  const { keys, nameKey: key } = blockingOf(search);
  if (!key) return [];
  const byKeys = await tx.query<FoundProfileRow>(
    FOUND_BY_KEYS,
    [keys, key, search.sex, search.birthYears?.[0] ?? null, search.birthYears?.[1] ?? null, search.seen.date],
    PREPARED,
  );
  // A record kept only for a reviewed match of someone no longer findable never matches again.
  const rows = await withTrigramFallback(
    tx,
    byKeys,
    FOUND_BLOCK_LIMIT,
    { table: 'found_person_records', columns: FOUND_PROFILE_COLUMNS, extra: 'AND withdrawn_at IS NULL' },
    [keys, key],
  );
  return rank(search, rows.map(foundProfile), limit, true);
}

/**
 * The best other active searches for one search or found record: two
 * relatives searching for each other, or a new record against the searches
 * it may answer. Call inside a transaction.
 */
export async function findSearchCandidates(
  tx: Queryable,
  subject: MatchProfile,
  limit: number,
  options: { timed: boolean; excludeId?: string },
): Promise<Candidate[]> {
  const { keys, nameKey: key } = blockingOf(subject);
  if (!key) return [];
  const params: [string[], string, string] = [keys, key, options.excludeId ?? '00000000-0000-0000-0000-000000000000'];
  const rows = await withTrigramFallback(
    tx,
    await tx.query<SearchProfileRow>(SEARCHES_BY_KEYS, params, PREPARED),
    BLOCK_LIMIT,
    {
      table: 'search_requests',
      columns: SEARCH_PROFILE_COLUMNS,
      extra: `AND ${ACTIVE_STATUS_CONDITION} AND id <> $3::uuid`,
    },
    params,
  );
  // For a found record the search is the side whose last contact comes first.
  return options.timed
    ? rows
        .map(searchProfile)
        .map((s) => ({ id: s.id, ...scoreCandidate(s, subject, true) }))
        .filter((c) => c.nameScore >= MIN_NAME_SCORE)
        .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, limit)
    : rank(subject, rows.map(searchProfile), limit, false);
}
