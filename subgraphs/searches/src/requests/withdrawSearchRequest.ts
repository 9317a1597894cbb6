import { badUserInput, notFound, type Database } from '@amparo/kit';
import { firewallPolicy, type Principal } from '@amparo/schema';
import { auditWrite } from '../auditWrite.js';
import { isUuid } from '../isUuid.js';
import { ACTIVE_STATUSES } from '../matching/activeStatuses.js';
import { reviewerOrganization } from '../review/reviewerOrganization.js';

/**
 * Who may withdraw a search: the family member who opened it (matched on
 * `requester_sub`), or staff of the handling organisation on the family's
 * behalf. A partner consulate sees cross-border searches but does not handle
 * them, so for it the search is NOT_FOUND here, as in transferSearch.
 */
function withdrawer(principal: Principal): { column: 'requester_sub' | 'handling_organization_id'; value: string } {
  if (!firewallPolicy(principal) || !principal.scopes.includes('searches:write')) throw notFound('search request');
  if (principal.role === 'family') {
    if (!principal.sub || principal.sub === 'anonymous') throw notFound('search request');
    return { column: 'requester_sub', value: principal.sub };
  }
  const org = reviewerOrganization(principal);
  if (!org) throw notFound('search request');
  return { column: 'handling_organization_id', value: org };
}

/**
 * The requesting family withdraws her search (issue 7): status WITHDRAWN for
 * staff and family alike, its pending candidates — and other searches'
 * pending candidates pointing at it — removed so no caseworker acts on them,
 * and the search leaves matching (WITHDRAWN is not an active status). One
 * transaction with its WRITE audit event. Reviewed candidates stay: a
 * confirmed match of a living person still waits for her own consent, which
 * alone decides what the family is told. Returns the search's id.
 */
export async function withdrawSearchRequest(
  db: Database,
  principal: Principal,
  requestId: string,
  id: string,
): Promise<string> {
  const who = withdrawer(principal);
  if (!isUuid(id)) throw notFound('search request');
  return db.transaction(async (tx) => {
    const [search] = await tx.query<{ status: string; family_status: string }>(
      `SELECT status, family_status FROM search_requests WHERE id = $1 AND ${who.column} = $2 FOR UPDATE`,
      [id, who.value],
    );
    if (!search) throw notFound('search request');
    // The family is judged on the status she sees: refusing because a match was
    // confirmed would tell her of it before the found person consents.
    const seen = principal.role === 'family' ? search.family_status : search.status;
    if (seen === 'WITHDRAWN') throw badUserInput('id', 'the search is already withdrawn');
    if (!(ACTIVE_STATUSES as readonly string[]).includes(seen)) {
      throw badUserInput('id', 'the search has already ended and cannot be withdrawn');
    }
    await tx.query(
      `UPDATE search_requests SET status = 'WITHDRAWN', family_status = 'WITHDRAWN', withdrawn_at = now(),
              updated_at = now() WHERE id = $1`,
      [id],
    );
    const touched = await tx.query<{ search_request_id: string }>(
      `DELETE FROM match_candidates WHERE review_status = 'PENDING'
          AND (search_request_id = $1 OR other_search_request_id = $1)
        RETURNING search_request_id`,
      [id],
    );
    const others = [...new Set(touched.map((c) => c.search_request_id).filter((s) => s !== id))];
    if (others.length > 0) {
      // As when a caseworker rejects the last pending candidate (reviewMatch).
      await tx.query(
        `UPDATE search_requests s SET status = 'OPEN', updated_at = now()
          WHERE s.id = ANY($1::uuid[]) AND s.status = 'POTENTIAL_MATCH'
            AND NOT EXISTS (SELECT 1 FROM match_candidates mc
                             WHERE mc.search_request_id = s.id AND mc.review_status = 'PENDING'
                               AND mc.found_person_record_id IS NOT NULL)`,
        [others],
      );
    }
    await auditWrite(
      tx,
      { principal, requestId },
      { type: 'SearchRequest', ids: [id], fields: ['status'], purpose: 'withdraw search request' },
    );
    return id;
  });
}
