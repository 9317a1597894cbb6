import { badUserInput, type Database } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { auditWrite } from '../auditWrite.js';
import { lockCandidate } from './lockCandidate.js';
import {
  MATCH_CANDIDATE_COLUMNS,
  toMatchCandidate,
  type MatchCandidate,
  type MatchCandidateRow,
} from './matchCandidateRow.js';

/**
 * A caseworker of the handling organisation confirms or rejects a pending
 * candidate. Confirming a found record moves only the working status
 * (LOCATED_ALIVE / LOCATED_DECEASED); the family's status waits for the
 * found person's consent or for the organisation to communicate a death.
 * Rejecting the last pending candidate puts the search back to OPEN.
 */
export async function reviewMatch(
  db: Database,
  principal: Principal,
  requestId: string,
  candidateId: string,
  decision: 'CONFIRM' | 'REJECT',
): Promise<MatchCandidate> {
  return db.transaction(async (tx) => {
    const candidate = await lockCandidate(tx, principal, candidateId);
    if (candidate.review_status !== 'PENDING') throw badUserInput('candidateId', 'has already been reviewed');
    const [updated] = await tx.query<MatchCandidateRow>(
      `UPDATE match_candidates mc SET review_status = $2, reviewed_by_sub = $3, reviewed_at = now()
        WHERE mc.id = $1 RETURNING ${MATCH_CANDIDATE_COLUMNS}`,
      [candidateId, decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED', principal.sub],
    );
    if (decision === 'CONFIRM' && candidate.vital_status) {
      await tx.query(`UPDATE search_requests SET status = $2, updated_at = now() WHERE id = $1`, [
        candidate.search_request_id,
        candidate.vital_status === 'DECEASED' ? 'LOCATED_DECEASED' : 'LOCATED_ALIVE',
      ]);
    }
    if (decision === 'REJECT') {
      await tx.query(
        `UPDATE search_requests s SET status = 'OPEN', updated_at = now()
          WHERE s.id = $1 AND s.status = 'POTENTIAL_MATCH'
            AND NOT EXISTS (SELECT 1 FROM match_candidates mc
                             WHERE mc.search_request_id = s.id AND mc.review_status = 'PENDING'
                               AND mc.found_person_record_id IS NOT NULL)`,
        [candidate.search_request_id],
      );
    }
    await auditWrite(
      tx,
      { principal, requestId },
      {
        type: 'MatchCandidate',
        ids: [candidateId],
        fields: ['reviewStatus'],
        purpose: decision === 'CONFIRM' ? 'confirm match' : 'reject match',
      },
    );
    return toMatchCandidate(updated as MatchCandidateRow);
  });
}
