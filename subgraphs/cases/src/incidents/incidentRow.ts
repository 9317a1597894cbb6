/** A row of `incidents` as the resolvers see it. */
export interface IncidentRow {
  id: string;
  case_id: string;
  violence_type: string;
  phase: string | null;
  country: string | null;
  occurred_from: string | null;
  occurred_to: string | null;
}

export const INCIDENT_COLUMNS = 'i.id, i.case_id, i.violence_type, i.phase, i.country, i.occurred_from, i.occurred_to';

export function toIncident(row: IncidentRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    violenceType: row.violence_type,
    phase: row.phase,
    country: row.country,
    occurredFrom: row.occurred_from,
    occurredTo: row.occurred_to,
  };
}

export type Incident = ReturnType<typeof toIncident>;
