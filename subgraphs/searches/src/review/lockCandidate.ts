import { notFound, type Queryable } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { isUuid } from '../isUuid.js';
import { MATCH_CANDIDATE_COLUMNS, type MatchCandidateRow } from './matchCandidateRow.js';
import { reviewerOrganization } from './reviewerOrganization.js';

export interface LockedCandidate extends MatchCandidateRow {
  search_status: string;
  vital_status: string | null;
}

/**
 * Loads and locks (FOR UPDATE) a candidate of a search the principal's
 * organisation handles. Anything else — another organisation's, a family
 * member, a malformed id — is NOT_FOUND, like a candidate that does not exist.
 */
export async function lockCandidate(tx: Queryable, principal: Principal, id: string): Promise<LockedCandidate> {
  const org = reviewerOrganization(principal);
  if (!org || !isUuid(id)) throw notFound('match candidate');
  const [row] = await tx.query<LockedCandidate>(
    `SELECT ${MATCH_CANDIDATE_COLUMNS}, s.status AS search_status, f.vital_status
       FROM match_candidates mc
       JOIN search_requests s ON s.id = mc.search_request_id
       LEFT JOIN found_person_records f ON f.id = mc.found_person_record_id
      WHERE mc.id = $1 AND s.handling_organization_id = $2
      FOR UPDATE OF mc, s`,
    [id, org],
  );
  if (!row) throw notFound('match candidate');
  return row;
}
