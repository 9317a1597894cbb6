import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { MATCH_CANDIDATE_COLUMNS, toMatchCandidate, type MatchCandidateRow } from './matchCandidateRow.js';
import { reviewerOrganization } from './reviewerOrganization.js';

/** Most candidates one search lists (`candidates(first:)` is capped here). */
export const MAX_CANDIDATES = 20;

interface FoundPersonRow {
  id: string;
  source_kind: string;
  vital_status: string;
  given_names: string | null;
  first_surname: string | null;
  second_surname: string | null;
  sex: string;
  estimated_age_min: number | null;
  estimated_age_max: number | null;
  nationality: string | null;
  found_place: string | null;
  found_country: string | null;
  found_date: string | null;
}

function toFoundPersonRecord(row: FoundPersonRow) {
  return {
    // Not in the schema: the kit's audit collector reads it to name the record read.
    id: row.id,
    sourceKind: row.source_kind,
    vitalStatus: row.vital_status,
    givenNames: row.given_names,
    familyNames: { firstSurname: row.first_surname, secondSurname: row.second_surname },
    sex: row.sex,
    estimatedAge:
      row.estimated_age_min !== null && row.estimated_age_max !== null
        ? { min: row.estimated_age_min, max: row.estimated_age_max }
        : null,
    nationality: row.nationality,
    foundPlace: row.found_place,
    foundCountry: row.found_country,
    foundDate: row.found_date,
  };
}

/** Lookups by key, the same text for every request: kept prepared on each connection. */
const PREPARED = { prepare: true } as const;

/**
 * The caller's organisation ($2) handles the candidate's search: looked up
 * per candidate by the search's primary key, in a scalar subquery, which
 * PostgreSQL runs as written and never turns into a join. As a join, the
 * prepared statements' generic plans started from every search the
 * organisation handles whenever the statistics were behind (the domain
 * bench: 18 estimated, 1,354 read, 216 buffers for one search's 5
 * candidates), where the candidates asked for are a handful.
 */
const HANDLED_BY_CALLER = `(SELECT s.handling_organization_id FROM search_requests s WHERE s.id = mc.search_request_id) = $2`;

/** Up to MAX_CANDIDATES best candidates of each search in $1 that the caller's organisation handles. */
export const CANDIDATES_OF_SEARCHES = `SELECT ${MATCH_CANDIDATE_COLUMNS} FROM (
    SELECT mc.*, row_number() OVER (PARTITION BY mc.search_request_id ORDER BY mc.score DESC, mc.id) AS rank
      FROM match_candidates mc
     WHERE mc.search_request_id = ANY($1::uuid[]) AND ${HANDLED_BY_CALLER}) mc
   WHERE mc.rank <= ${MAX_CANDIDATES} ORDER BY mc.score DESC, mc.id`;

/**
 * The found-person record of each candidate in $1 whose search the caller's
 * organisation handles; none for a record withdrawn (she stopped being
 * findable: the candidate keeps its review, not her).
 */
export const FOUND_PERSON_OF_CANDIDATES = `SELECT mc.id AS candidate_id, f.id, f.source_kind, f.vital_status,
    f.given_names, f.first_surname, f.second_surname, f.sex, f.estimated_age_min, f.estimated_age_max,
    f.nationality, f.found_place, f.found_country, f.found_date
   FROM match_candidates mc JOIN found_person_records f ON f.id = mc.found_person_record_id
  WHERE mc.id = ANY($1::uuid[]) AND f.withdrawn_at IS NULL AND ${HANDLED_BY_CALLER}`;

/** A row of the outcome query: what the family may be told. */
export interface OutcomeRow {
  search_request_id: string;
  kind: 'LOCATED_SHARES_CONTACT' | 'LOCATED_DOES_NOT_SHARE_CONTACT' | 'LOCATED_DECEASED';
  shared_contact: string | null;
}

/**
 * Loaders of the review side, bound to the caller. Candidates and their
 * found records are read only where the handling organisation of the
 * candidate's search is the caller's own: a found-person record is
 * reachable only as a candidate of a search the caller's organisation
 * handles (no browsing).
 */
export function createReviewLoaders(db: Database, principal: Principal) {
  const org = reviewerOrganization(principal);
  return {
    candidates: groupedLoader(
      async (searchIds: readonly string[]) => {
        if (!org) return [];
        const rows = await db.query<MatchCandidateRow>(CANDIDATES_OF_SEARCHES, [searchIds, org], PREPARED);
        return rows.map(toMatchCandidate);
      },
      (c) => c.searchRequestId,
    ),
    /**
     * Keyed by the candidate, not the record: the record is read through
     * that one candidate (by match_candidates' primary key) and its search's
     * organisation. Keyed by record, the check had to find any candidate of
     * the caller's organisation among every search the record was matched
     * with, and a record with a common name is matched by more searches with
     * every search opened: in the domain bench it became the costliest
     * statement of a search (`pg_stat_statements`: 6.5 ms of execution per
     * search, of PostgreSQL's 12 ms of CPU per search at 1M records).
     */
    foundPerson: keyedLoader(
      async (candidateIds: readonly string[]) => {
        if (!org) return [];
        const rows = await db.query<FoundPersonRow & { candidate_id: string }>(
          FOUND_PERSON_OF_CANDIDATES,
          [candidateIds, org],
          PREPARED,
        );
        return rows.map((row) => ({ candidateId: row.candidate_id, record: toFoundPersonRecord(row) }));
      },
      (r) => r.candidateId,
    ),
    /**
     * What the family may be told, per search: the latest disclosure the
     * found person consented to, or a death the organisation communicated.
     */
    outcome: keyedLoader(
      async (searchIds: readonly string[]) =>
        (
          await db.query<OutcomeRow>(
            `SELECT DISTINCT ON (mc.search_request_id) mc.search_request_id,
                  CASE WHEN mc.death_communicated_at IS NOT NULL THEN 'LOCATED_DECEASED'
                       WHEN mc.consent_choice = 'SHARE_CONTACT' THEN 'LOCATED_SHARES_CONTACT'
                       ELSE 'LOCATED_DOES_NOT_SHARE_CONTACT' END AS kind,
                  CASE WHEN mc.consent_choice = 'SHARE_CONTACT' THEN mc.shared_contact END AS shared_contact
             FROM match_candidates mc
            WHERE mc.search_request_id = ANY($1::uuid[]) AND mc.review_status = 'CONFIRMED'
              AND (mc.death_communicated_at IS NOT NULL OR mc.consent_choice IN ('SHARE_CONTACT', 'SHARE_LOCATED_ONLY'))
            ORDER BY mc.search_request_id, greatest(mc.death_communicated_at, mc.consent_recorded_at) DESC`,
            [searchIds],
          )
        ).map((r) => ({ searchRequestId: r.search_request_id, kind: r.kind, sharedContact: r.shared_contact })),
      (r) => r.searchRequestId,
    ),
  };
}

export type ReviewLoaders = ReturnType<typeof createReviewLoaders>;
