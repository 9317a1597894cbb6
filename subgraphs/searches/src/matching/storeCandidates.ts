import type { Queryable } from '@amparo/kit';
import type { Candidate } from './findCandidates.js';

/**
 * A candidate is kept for review only above this score: a name match alone
 * (≈35) with nothing else in favour is not worth a caseworker's time.
 */
export const KEEP_SCORE = 40;

/** One pairing to store: the search it is for, and either a found record or another search. */
export interface CandidatePairing {
  readonly searchRequestId: string;
  readonly foundPersonRecordId?: string;
  readonly otherSearchRequestId?: string;
  readonly candidate: Candidate;
}

/**
 * Stores candidates above KEEP_SCORE (a pairing already stored keeps its
 * review) and moves searches that gained one from OPEN to POTENTIAL_MATCH.
 * Only the working `status` moves: `family_status` does not, so the family
 * learns nothing from matching (issue 7, "timing of status changes").
 * Returns how many pairings were new.
 */
export async function storeCandidates(tx: Queryable, pairings: readonly CandidatePairing[]): Promise<number> {
  const kept = pairings.filter((p) => p.candidate.score >= KEEP_SCORE);
  if (kept.length === 0) return 0;
  // One statement for all of them (a search stores up to 15 pairings) and for the status move, one round
  // trip each before. The INSERT writes no search row, so the move sees what a separate UPDATE would.
  // Prepared: the same text for every search.
  const inserted = await tx.query<{ id: string }>(
    `WITH moved AS (
       UPDATE search_requests SET status = 'POTENTIAL_MATCH', updated_at = now()
        WHERE id = ANY($6::uuid[]) AND status = 'OPEN')
     INSERT INTO match_candidates (search_request_id, found_person_record_id, other_search_request_id, score, explanation)
     SELECT s, f, o, score, explanation::jsonb
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::float8[], $5::text[]) AS p(s, f, o, score, explanation)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      kept.map((p) => p.searchRequestId),
      kept.map((p) => p.foundPersonRecordId ?? null),
      kept.map((p) => p.otherSearchRequestId ?? null),
      kept.map((p) => p.candidate.score),
      kept.map((p) => JSON.stringify(p.candidate.explanation)),
      [...new Set(kept.map((p) => p.searchRequestId))],
    ],
    { prepare: true },
  );
  return inserted.length;
}
