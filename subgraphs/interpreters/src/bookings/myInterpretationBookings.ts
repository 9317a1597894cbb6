import { pageSize, type Queryable } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { BOOKING_COLUMNS, toInterpretationBooking, type BookingRow } from './bookingRow.js';

/**
 * The calling interpreter's bookings, soonest first. Her token's `sub` maps
 * to `interpreters.account_sub`; a principal with no interpreter record sees
 * none. What she may read of them is narrowed in schema.graphql (time,
 * modality, language, the person snapshot).
 */
export async function myInterpretationBookings(db: Queryable, principal: Principal, first?: number | null) {
  if (principal.role !== 'interpreter') return [];
  const rows = await db.query<BookingRow>(
    `SELECT ${BOOKING_COLUMNS} FROM interpretation_bookings
      WHERE interpreter_id = (SELECT id FROM interpreters WHERE account_sub = $1)
      ORDER BY starts_at, id LIMIT ${pageSize(first)}`,
    [principal.sub],
  );
  return rows.map(toInterpretationBooking);
}
