import { badUserInput, type Database } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { auditWrite } from '../auditWrite.js';
import { text } from '../input/inputRules.js';
import { lockCandidate } from './lockCandidate.js';
import {
  MATCH_CANDIDATE_COLUMNS,
  toMatchCandidate,
  type MatchCandidate,
  type MatchCandidateRow,
} from './matchCandidateRow.js';

export type ConsentChoice = 'SHARE_CONTACT' | 'SHARE_LOCATED_ONLY' | 'SHARE_NOTHING';

/**
 * Records what a located living person lets her family know (seed 004: she
 * may have fled the person searching for her). Only now does the family's
 * status move — to LOCATED_ALIVE for SHARE_CONTACT and SHARE_LOCATED_ONLY;
 * SHARE_NOTHING leaves it OPEN (and puts it back if she withdraws an earlier
 * choice), so nothing the family can query differs from a search with no
 * result. Her location is never part of what is shared.
 */
export async function recordFoundPersonConsent(
  db: Database,
  principal: Principal,
  requestId: string,
  matchId: string,
  choice: ConsentChoice,
  contact: string | null | undefined,
): Promise<MatchCandidate> {
  return db.transaction(async (tx) => {
    const candidate = await lockCandidate(tx, principal, matchId);
    if (candidate.review_status !== 'CONFIRMED' || candidate.vital_status !== 'ALIVE') {
      throw badUserInput('matchId', 'is not a confirmed match of a living person');
    }
    const shared = text('contact', contact, 300);
    if (choice === 'SHARE_CONTACT' && !shared) throw badUserInput('contact', 'is required when she shares a contact');
    if (choice !== 'SHARE_CONTACT' && shared) throw badUserInput('contact', 'is only recorded with SHARE_CONTACT');
    const [updated] = await tx.query<MatchCandidateRow>(
      `UPDATE match_candidates mc SET consent_choice = $2, shared_contact = $3, consent_recorded_at = now()
        WHERE mc.id = $1 RETURNING ${MATCH_CANDIDATE_COLUMNS}`,
      [matchId, choice, shared],
    );
    await tx.query(
      `UPDATE search_requests SET family_status = $2 WHERE id = $1 AND family_status IN ('OPEN', 'LOCATED_ALIVE')`,
      [candidate.search_request_id, choice === 'SHARE_NOTHING' ? 'OPEN' : 'LOCATED_ALIVE'],
    );
    await auditWrite(
      tx,
      { principal, requestId },
      {
        type: 'MatchCandidate',
        ids: [matchId],
        fields: ['consentChoice'],
        purpose: 'record found person consent',
      },
    );
    return toMatchCandidate(updated as MatchCandidateRow);
  });
}
