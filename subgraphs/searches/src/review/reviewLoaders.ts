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

/** A row of the outcome query: what the family may be told. */
export interface OutcomeRow {
  search_request_id: string;
  kind: 'LOCATED_SHARES_CONTACT' | 'LOCATED_DOES_NOT_SHARE_CONTACT' | 'LOCATED_DECEASED';
  shared_contact: string | null;
}

/**
 * Loaders of the review side, bound to the caller. Candidates and their
 * found records are read only through a join on the handling organisation
 * being the caller's own: a found-person record is reachable only as a
 * candidate of a search the caller's organisation handles (no browsing).
 */
export function createReviewLoaders(db: Database, principal: Principal) {
  const org = reviewerOrganization(principal);
  return {
    candidates: groupedLoader(
      async (searchIds: readonly string[]) => {
        if (!org) return [];
        const rows = await db.query<MatchCandidateRow>(
          `SELECT ${MATCH_CANDIDATE_COLUMNS} FROM (
             SELECT mc.*, row_number() OVER (PARTITION BY mc.search_request_id ORDER BY mc.score DESC, mc.id) AS rank
               FROM match_candidates mc JOIN search_requests s ON s.id = mc.search_request_id
              WHERE mc.search_request_id = ANY($1::uuid[]) AND s.handling_organization_id = $2) mc
            WHERE mc.rank <= ${MAX_CANDIDATES} ORDER BY mc.score DESC, mc.id`,
          [searchIds, org],
          PREPARED,
        );
        return rows.map(toMatchCandidate);
      },
      (c) => c.searchRequestId,
    ),
    foundPerson: keyedLoader(
      async (ids: readonly string[]) => {
        if (!org) return [];
        const rows = await db.query<FoundPersonRow>(
          `SELECT f.id, f.source_kind, f.vital_status, f.given_names, f.first_surname, f.second_surname, f.sex,
                  f.estimated_age_min, f.estimated_age_max, f.nationality, f.found_place, f.found_country, f.found_date
             FROM found_person_records f
            WHERE f.id = ANY($1::uuid[]) AND EXISTS (
              SELECT 1 FROM match_candidates mc JOIN search_requests s ON s.id = mc.search_request_id
               WHERE mc.found_person_record_id = f.id AND s.handling_organization_id = $2)`,
          [ids, org],
          PREPARED,
        );
        return rows.map(toFoundPersonRecord);
      },
      (r) => r.id,
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
