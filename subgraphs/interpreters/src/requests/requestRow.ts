/** A row of `interpretation_requests`. */
export interface InterpretationRequestRow {
  id: string;
  language: string;
  target_language: string;
  sphere: string;
  modality: string;
  urgency: 'NOW' | 'SCHEDULED';
  window_starts_at: Date;
  window_ends_at: Date;
  duration_minutes: number;
  country: string;
  preferred_gender: string | null;
  avoid_communities: string[];
  case_id: string | null;
  requested_by_sub: string;
  requested_by_role: 'caseworker' | 'migrant';
  organization_id: string | null;
  person_preferred_name: string | null;
  status: string;
  created_at: Date;
}

export const REQUEST_COLUMNS = `id, language, target_language, sphere, modality, urgency, window_starts_at, window_ends_at,
  duration_minutes, country, preferred_gender, avoid_communities, case_id, requested_by_sub, requested_by_role,
  organization_id, person_preferred_name, status, created_at`;

/** Maps a row to the GraphQL `InterpretationRequest` shape plus the fields access checks need. */
export function toInterpretationRequest(row: InterpretationRequestRow) {
  return {
    id: row.id,
    status: row.status,
    language: row.language,
    targetLanguage: row.target_language,
    sphere: row.sphere,
    modality: row.modality,
    urgency: row.urgency,
    windowStartsAt: row.window_starts_at.toISOString(),
    windowEndsAt: row.window_ends_at.toISOString(),
    durationMinutes: row.duration_minutes,
    country: row.country,
    preferredGender: row.preferred_gender,
    avoidCommunities: row.avoid_communities,
    caseId: row.case_id,
    requestedBySub: row.requested_by_sub,
    requestedByRole: row.requested_by_role,
    organizationId: row.organization_id,
    personPreferredName: row.person_preferred_name,
    createdAt: row.created_at.toISOString(),
  };
}

export type InterpretationRequest = ReturnType<typeof toInterpretationRequest>;
