import type { MatchFeature } from '../matching/scoreCandidate.js';

/** A row of `match_candidates` with what its resolvers need of the found record. */
export interface MatchCandidateRow {
  id: string;
  search_request_id: string;
  found_person_record_id: string | null;
  other_search_request_id: string | null;
  score: number;
  explanation: MatchFeature[];
  review_status: string;
  consent_choice: string | null;
  death_communicated_at: Date | null;
}

export const MATCH_CANDIDATE_COLUMNS = `mc.id, mc.search_request_id, mc.found_person_record_id,
  mc.other_search_request_id, mc.score, mc.explanation, mc.review_status, mc.consent_choice, mc.death_communicated_at`;

/** Maps a row to the GraphQL `MatchCandidate` shape (foundPerson and matchedSearch resolve lazily). */
export function toMatchCandidate(row: MatchCandidateRow) {
  return {
    id: row.id,
    searchRequestId: row.search_request_id,
    foundPersonRecordId: row.found_person_record_id,
    otherSearchRequestId: row.other_search_request_id,
    score: row.score,
    explanation: row.explanation,
    reviewStatus: row.review_status,
    consentChoice: row.consent_choice,
    deathCommunicated: row.death_communicated_at !== null,
  };
}

export type MatchCandidate = ReturnType<typeof toMatchCandidate>;
