import { badUserInput, notFound, type Database, type Queryable } from '@amparo/kit';
import { criteriaOf } from '../matching/criteriaOf.js';
import { matchCandidates } from '../matching/matchCandidates.js';
import { isUuid, loadAccessibleRequest } from '../requests/requestAccess.js';
import type { Caller } from '../requests/Caller.js';
import { writeAuditEvent } from '../requests/writeAuditEvent.js';
import { assertTransition } from './bookingLifecycle.js';

/** PostgreSQL's exclusion_violation: the no-overlap constraint refused a second booking. */
const EXCLUSION_VIOLATION = '23P01';

const unavailable = () =>
  badUserInput('interpreterId', 'the interpreter is no longer free in this window', {
    reason: 'INTERPRETER_UNAVAILABLE',
  });

/**
 * Books `interpreterId` for a MATCHED request at her earliest free start in
 * the window, copying the person's preferred name and language onto the
 * booking (all an interpreter will ever see). The request row is locked for
 * the transaction, then the interpreter's (one confirmation of her at a
 * time); the exclusion constraint stays the last line of defence, and its
 * refusal becomes the same INTERPRETER_UNAVAILABLE error the pre-check gives.
 */
export async function confirmInterpreter(
  db: Database,
  caller: Caller,
  requestId: string,
  interpreterId: string,
  now = Date.now(),
) {
  try {
    return await db.transaction(async (tx) => {
      const request = await loadAccessibleRequest(tx, caller.principal, requestId, true);
      if (!request) throw notFound('interpretation request');
      assertTransition('requestId', request.status, 'CONFIRMED');
      if (!isUuid(interpreterId)) throw notACandidate();
      await takeTurnFor(tx, interpreterId);
      const match = await matchCandidates(tx, criteriaOf(request, now, interpreterId));
      if (match.unavailable.includes(interpreterId)) throw unavailable();
      const candidate = match.candidates[0];
      if (!candidate) throw notACandidate();
      const endsAt = candidate.earliestStartAt + request.durationMinutes * 60_000;
      const [booking] = await tx.query<{ id: string }>(
        `INSERT INTO interpretation_bookings (request_id, interpreter_id, case_id, organization_id, language, sphere,
           modality, starts_at, ends_at, status, person_preferred_name, person_language)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'CONFIRMED', $10, $11) RETURNING id`,
        [
          request.id,
          interpreterId,
          request.caseId,
          request.organizationId,
          request.language,
          request.sphere,
          request.modality,
          new Date(candidate.earliestStartAt).toISOString(),
          new Date(endsAt).toISOString(),
          request.personPreferredName,
          request.language,
        ],
      );
      await tx.query(`UPDATE interpretation_requests SET status = 'CONFIRMED', updated_at = now() WHERE id = $1`, [
        request.id,
      ]);
      await writeAuditEvent(tx, caller, 'InterpretationBooking', [booking?.id ?? request.id], ['confirmInterpreter']);
      return { ...request, status: 'CONFIRMED' };
    });
  } catch (error) {
    if (isExclusionViolation(error)) throw unavailable();
    throw error;
  }
}

/**
 * Confirmations of one interpreter take turns: each waits here until the one
 * before it has committed or rolled back, so its availability check below
 * already sees the booking that took the slot. Without it, concurrent
 * INSERTs met only at the exclusion constraint, whose checks wait on one
 * another's transactions and can deadlock: in a domain-bench race of 50
 * there were eight deadlocks one second apart (PostgreSQL's deadlock_timeout),
 * and all 49 losers got an internal error instead of INTERPRETER_UNAVAILABLE.
 * `FOR NO KEY UPDATE` does not block the foreign-key checks of other
 * interpreters' bookings or reads.
 */
export async function takeTurnFor(tx: Queryable, interpreterId: string): Promise<void> {
  await tx.query('SELECT 1 FROM interpreters WHERE id = $1 FOR NO KEY UPDATE', [interpreterId], { prepare: true });
}

function notACandidate() {
  return badUserInput('interpreterId', 'is not a candidate for this request', { reason: 'NOT_A_CANDIDATE' });
}

function isExclusionViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === EXCLUSION_VIOLATION;
}
