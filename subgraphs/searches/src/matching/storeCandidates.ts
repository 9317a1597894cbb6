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
  let added = 0;
  for (const p of kept) {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO match_candidates (search_request_id, found_person_record_id, other_search_request_id, score, explanation)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        p.searchRequestId,
        p.foundPersonRecordId ?? null,
        p.otherSearchRequestId ?? null,
        p.candidate.score,
        JSON.stringify(p.candidate.explanation),
      ],
    );
    added += inserted.length;
  }
  const searches = [...new Set(kept.map((p) => p.searchRequestId))];
  if (searches.length > 0) {
    await tx.query(
      `UPDATE search_requests SET status = 'POTENTIAL_MATCH', updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'OPEN'`,
      [searches],
    );
  }
  return added;
}
