import type { Queryable } from '@amparo/kit';
import { matchKeys } from '../names/matchKeys.js';
import { nameKey } from '../names/nameKey.js';
import {
  FOUND_PROFILE_COLUMNS,
  SEARCH_PROFILE_COLUMNS,
  foundProfile,
  searchProfile,
  type FoundProfileRow,
  type MatchProfile,
  type SearchProfileRow,
} from './matchProfile.js';
import { MIN_NAME_SCORE, scoreCandidate, type ScoredCandidate } from './scoreCandidate.js';

/** How many blocked rows are scored in full; the SQL pre-ranks by shared keys, then trigram similarity. */
export const BLOCK_LIMIT = 300;

/**
 * Trigram similarity a name key needs to become a candidate without sharing
 * a phonetic key (misspelt single surname). High enough that common given
 * names alone do not qualify.
 */
export const TRIGRAM_THRESHOLD = 0.5;

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
 * Up to BLOCK_LIMIT rows of `table` sharing a blocking key with `keys`,
 * pre-ranked by how many keys they share and then by trigram similarity;
 * when fewer than TRIGRAM_FALLBACK_BELOW, topped up with rows whose name key
 * is trigram-similar. Two separate statements, so each uses its own GIN
 * index (an OR of both makes the planner scan the table). `table`,
 * `columns` and `extra` are constants of this module; `extra` may use $3+.
 * Runs in a transaction because of SET LOCAL.
 */
async function blocked<R extends { id: string }>(
  tx: Queryable,
  table: string,
  columns: string,
  extra: string,
  params: [string[], string, ...unknown[]],
): Promise<R[]> {
  const byKeys = await tx.query<R>(
    `SELECT ${columns} FROM ${table}
      WHERE match_keys && $1::text[] ${extra}
      ORDER BY (SELECT count(*) FROM unnest(match_keys) k WHERE k = ANY($1::text[])) DESC,
               similarity(name_key, $2) DESC, id
      LIMIT ${BLOCK_LIMIT}`,
    params,
  );
  if (byKeys.length >= TRIGRAM_FALLBACK_BELOW) return byKeys;
  await tx.query(`SET LOCAL pg_trgm.similarity_threshold = ${TRIGRAM_THRESHOLD}`);
  const bySimilarity = await tx.query<R>(
    `SELECT ${columns} FROM ${table}
      WHERE name_key % $2 AND NOT (match_keys && $1::text[]) ${extra}
      ORDER BY similarity(name_key, $2) DESC, id
      LIMIT ${BLOCK_LIMIT - byKeys.length}`,
    params,
  );
  return [...byKeys, ...bySimilarity];
}

function rank(search: MatchProfile, profiles: MatchProfile[], limit: number, timed: boolean): Candidate[] {
  return profiles
    .map((p) => ({ id: p.id, ...scoreCandidate(search, p, timed) }))
    .filter((c) => c.nameScore >= MIN_NAME_SCORE)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** The best found-person records for one search, scored and explained. Call inside a transaction. */
export async function findFoundCandidates(tx: Queryable, search: MatchProfile, limit: number): Promise<Candidate[]> {
  const { keys, nameKey: key } = blockingOf(search);
  if (!key) return [];
  // A record kept only for a reviewed match of someone no longer findable never matches again.
  const rows = await blocked<FoundProfileRow>(
    tx,
    'found_person_records',
    FOUND_PROFILE_COLUMNS,
    'AND withdrawn_at IS NULL',
    [keys, key],
  );
  return rank(search, rows.map(foundProfile), limit, true);
}

/** Statuses of searches that are still looking, and so take part in matching. */
export const ACTIVE_STATUSES = ['OPEN', 'POTENTIAL_MATCH'] as const;

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
  const rows = await blocked<SearchProfileRow>(
    tx,
    'search_requests',
    SEARCH_PROFILE_COLUMNS,
    `AND status = ANY($3::text[]) AND id <> $4::uuid`,
    [keys, key, ACTIVE_STATUSES, options.excludeId ?? '00000000-0000-0000-0000-000000000000'],
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
