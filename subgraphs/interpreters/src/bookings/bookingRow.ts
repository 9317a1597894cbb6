/** A row of `interpretation_bookings`. */
export interface BookingRow {
  id: string;
  request_id: string | null;
  interpreter_id: string;
  case_id: string | null;
  organization_id: string | null;
  language: string;
  sphere: string;
  modality: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  person_preferred_name: string | null;
  person_language: string | null;
}

export const BOOKING_COLUMNS = `id, request_id, interpreter_id, case_id, organization_id, language, sphere, modality,
  starts_at, ends_at, status, person_preferred_name, person_language`;

/** Maps a row to the GraphQL `InterpretationBooking` shape; `person` is the snapshot taken at confirmation. */
export function toInterpretationBooking(row: BookingRow) {
  return {
    id: row.id,
    requestId: row.request_id,
    interpreterId: row.interpreter_id,
    caseId: row.case_id,
    status: row.status,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    modality: row.modality,
    language: row.language,
    sphere: row.sphere,
    person: { preferredName: row.person_preferred_name, language: row.person_language ?? row.language },
  };
}

export type InterpretationBooking = ReturnType<typeof toInterpretationBooking>;
