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
 * The organisation has told the family of a confirmed death, in person and
 * with support; only then does the family's search show LOCATED_DECEASED.
 * The forensic record itself never reaches the family.
 */
export async function markDeathCommunicated(
  db: Database,
  principal: Principal,
  requestId: string,
  matchId: string,
): Promise<MatchCandidate> {
  return db.transaction(async (tx) => {
    const candidate = await lockCandidate(tx, principal, matchId);
    if (candidate.review_status !== 'CONFIRMED' || candidate.vital_status !== 'DECEASED') {
      throw badUserInput('matchId', 'is not a confirmed identification of a deceased person');
    }
    const [updated] = await tx.query<MatchCandidateRow>(
      `UPDATE match_candidates mc SET death_communicated_at = coalesce(death_communicated_at, now())
        WHERE mc.id = $1 RETURNING ${MATCH_CANDIDATE_COLUMNS}`,
      [matchId],
    );
    await tx.query(`UPDATE search_requests SET family_status = 'LOCATED_DECEASED' WHERE id = $1`, [
      candidate.search_request_id,
    ]);
    await auditWrite(
      tx,
      { principal, requestId },
      {
        type: 'MatchCandidate',
        ids: [matchId],
        fields: ['deathCommunicated'],
        purpose: 'death communicated to family',
      },
    );
    return toMatchCandidate(updated as MatchCandidateRow);
  });
}
