import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import type { VerifiedInternalClaims } from '@amparo/schema';
import {
  AVAILABILITY_EXCEPTION_COLUMNS,
  WEEKLY_SLOT_COLUMNS,
  toAvailabilityException,
  toWeeklySlot,
  type AvailabilityExceptionRow,
  type WeeklySlotRow,
} from './availability/availabilityRows.js';
import { BOOKING_COLUMNS, toInterpretationBooking, type BookingRow } from './bookings/bookingRow.js';
import { criteriaOf } from './matching/criteriaOf.js';
import { matchCandidates } from './matching/matchCandidates.js';
import { CERTIFICATION_COLUMNS, toCertification, type CertificationRow } from './registry/certificationRow.js';
import { INTERPRETER_COLUMNS, toInterpreter, type InterpreterRow } from './registry/interpreterRow.js';
import { LANGUAGE_PAIR_COLUMNS, toLanguagePair, type LanguagePairRow } from './registry/languagePairRow.js';
import type { InterpretationRequest } from './requests/requestRow.js';

/** One set per request: every lookup by id is batched into one query, kept prepared on each connection. */
export function createInterpretersLoaders(db: Database, claims?: VerifiedInternalClaims) {
  const org = claims?.principal.org ?? null;
  const matches = new Map<string, ReturnType<typeof matchCandidates>>();
  return {
    interpreter: keyedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<InterpreterRow>(
            `SELECT ${INTERPRETER_COLUMNS} FROM interpreters WHERE id = ANY($1::uuid[])`,
            [ids],
            { prepare: true },
          )
        ).map(toInterpreter),
      (i) => i.id,
    ),
    languagesOfInterpreter: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<LanguagePairRow>(
            `SELECT ${LANGUAGE_PAIR_COLUMNS} FROM interpreter_languages WHERE interpreter_id = ANY($1::uuid[])
             ORDER BY from_language, to_language`,
            [ids],
            { prepare: true },
          )
        ).map(toLanguagePair),
      (p) => p.interpreterId,
    ),
    certificationsOfInterpreter: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<CertificationRow>(
            `SELECT ${CERTIFICATION_COLUMNS} FROM interpreter_certifications WHERE interpreter_id = ANY($1::uuid[])
             ORDER BY issued_on DESC, id`,
            [ids],
            { prepare: true },
          )
        ).map(toCertification),
      (c) => c.interpreterId,
    ),
    weeklyAvailabilityOfInterpreter: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<WeeklySlotRow>(
            `SELECT ${WEEKLY_SLOT_COLUMNS} FROM interpreter_weekly_availability WHERE interpreter_id = ANY($1::uuid[])
             ORDER BY day_of_week, starts_at`,
            [ids],
            { prepare: true },
          )
        ).map(toWeeklySlot),
      (s) => s.interpreterId,
    ),
    availabilityExceptionsOfInterpreter: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<AvailabilityExceptionRow>(
            `SELECT ${AVAILABILITY_EXCEPTION_COLUMNS} FROM interpreter_availability_exceptions
              WHERE interpreter_id = ANY($1::uuid[]) AND on_date >= current_date - 1
              ORDER BY on_date, starts_at NULLS FIRST, id`,
            [ids],
            { prepare: true },
          )
        ).map(toAvailabilityException),
      (e) => e.interpreterId,
    ),
    bookingOfRequest: keyedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<BookingRow>(
            `SELECT ${BOOKING_COLUMNS} FROM interpretation_bookings WHERE request_id = ANY($1::uuid[])`,
            [ids],
            { prepare: true },
          )
        ).map(toInterpretationBooking),
      (b) => b.requestId ?? '',
    ),
    /** Bookings of a case requested by the caller's own organisation; none without one. */
    bookingsOfCase: groupedLoader(
      async (caseIds: readonly string[]) =>
        org === null
          ? []
          : (
              await db.query<BookingRow>(
                `SELECT ${BOOKING_COLUMNS} FROM interpretation_bookings
                  WHERE case_id = ANY($1::uuid[]) AND organization_id = $2::uuid ORDER BY starts_at, id`,
                [caseIds, org],
                { prepare: true },
              )
            ).map(toInterpretationBooking),
      (b) => b.caseId ?? '',
    ),
    /** Matching for one request, computed once per GraphQL request (candidates and exclusions share it). */
    matchOf(request: InterpretationRequest) {
      let match = matches.get(request.id);
      if (!match) {
        match = matchCandidates(db, criteriaOf(request, Date.now()));
        matches.set(request.id, match);
      }
      return match;
    },
  };
}

export type InterpretersLoaders = ReturnType<typeof createInterpretersLoaders>;
