/** A row of `consents` as the resolvers see it. */
export interface ConsentRow {
  id: string;
  case_id: string;
  organization_id: string;
  sections: string[];
  purpose: string;
  given_how: string;
  valid_until: Date;
  recorded_at: Date;
  revoked_at: Date | null;
}

export const CONSENT_COLUMNS =
  'k.id, k.case_id, k.organization_id, k.sections, k.purpose, k.given_how, k.valid_until, k.recorded_at, k.revoked_at';

/** Maps a row to the GraphQL `Consent` shape; `active` is decided against `now`. */
export function toConsent(row: ConsentRow, now = new Date()) {
  return {
    id: row.id,
    caseId: row.case_id,
    organizationId: row.organization_id,
    sections: row.sections,
    purpose: row.purpose,
    givenHow: row.given_how,
    validUntil: row.valid_until.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    active: row.revoked_at === null && row.valid_until.getTime() > now.getTime(),
  };
}

export type Consent = ReturnType<typeof toConsent>;
