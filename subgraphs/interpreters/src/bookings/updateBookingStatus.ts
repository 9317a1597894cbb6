import { badUserInput, notFound, type Database } from '@amparo/kit';
import type { Caller } from '../requests/Caller.js';
import { loadAccessibleRequest } from '../requests/requestAccess.js';
import { writeAuditEvent } from '../requests/writeAuditEvent.js';
import { assertTransition, type BookingStatus } from './bookingLifecycle.js';

/** MATCHED and CONFIRMED are reached only through matching and confirmInterpreter. */
const SETTABLE: readonly BookingStatus[] = ['COMPLETED', 'CANCELLED', 'NO_SHOW'];

/**
 * Moves a request (and its booking, if any) to COMPLETED, CANCELLED or
 * NO_SHOW when the lifecycle allows it. A woman may only cancel her own
 * request. Cancelling a booking frees the interpreter's slot (the no-overlap
 * constraint only counts CONFIRMED and COMPLETED bookings).
 */
export async function updateBookingStatus(db: Database, caller: Caller, requestId: string, status: BookingStatus) {
  if (!SETTABLE.includes(status)) {
    throw badUserInput('status', `${status} is set by matching and confirmInterpreter, not by hand`, {
      reason: 'INVALID_TRANSITION',
    });
  }
  if (caller.principal.role === 'migrant' && status !== 'CANCELLED') {
    throw badUserInput('status', 'a request made by the woman herself can only be cancelled by her', {
      reason: 'INVALID_TRANSITION',
    });
  }
  return db.transaction(async (tx) => {
    const request = await loadAccessibleRequest(tx, caller.principal, requestId, true);
    if (!request) throw notFound('interpretation request');
    assertTransition('status', request.status, status);
    await tx.query('UPDATE interpretation_requests SET status = $2, updated_at = now() WHERE id = $1', [
      request.id,
      status,
    ]);
    await tx.query(
      `UPDATE interpretation_bookings SET status = $2, updated_at = now(), version = version + 1 WHERE request_id = $1`,
      [request.id, status],
    );
    await writeAuditEvent(tx, caller, 'InterpretationRequest', [request.id], ['status']);
    return { ...request, status };
  });
}
