import { badUserInput } from '@amparo/kit';

export type BookingStatus = 'REQUESTED' | 'MATCHED' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';

/** Every allowed move; COMPLETED, CANCELLED and NO_SHOW are final. */
export const ALLOWED_TRANSITIONS: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = Object.freeze({
  REQUESTED: ['MATCHED', 'CANCELLED'],
  MATCHED: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['COMPLETED', 'CANCELLED', 'NO_SHOW'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
});

/** Throws BAD_USER_INPUT (reason INVALID_TRANSITION) unless `from` → `to` is allowed. */
export function assertTransition(field: string, from: string, to: BookingStatus): void {
  const allowed = ALLOWED_TRANSITIONS[from as BookingStatus] ?? [];
  if (!allowed.includes(to)) {
    throw badUserInput(field, `a ${from} request cannot become ${to}`, { reason: 'INVALID_TRANSITION' });
  }
}
