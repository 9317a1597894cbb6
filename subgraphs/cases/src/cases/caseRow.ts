import { presumedMinor } from './presumedMinor.js';

/** A row of `cases` as the resolvers see it. */
export interface CaseRow {
  id: string;
  reference_code: string;
  organization_id: string;
  status: string;
  country_of_assistance: string;
  phase: string;
  given_name: string | null;
  family_name: string | null;
  preferred_name: string | null;
  sex: string;
  birth_date: string | null;
  estimated_age: number | null;
  nationality: string | null;
  languages: string[];
  intake_statement: string | null;
  opened_at: Date;
  migration_status_sealed: string | null;
  closed_at: Date | null;
  closure_reason: string | null;
  erased_at: Date | null;
  age_group: string | null;
  gender_identity: string | null;
  vulnerabilities: string[];
  needs: string[];
}

export const CASE_COLUMNS = `id, reference_code, organization_id, status, country_of_assistance, phase, given_name,
  family_name, preferred_name, sex, birth_date, estimated_age, nationality, languages, intake_statement, opened_at,
  migration_status_sealed, closed_at, closure_reason, erased_at, age_group,
  gender_identity, vulnerabilities, needs`;

/** Maps a row to the GraphQL `Case` shape (timestamps as ISO 8601 strings). */
export function toCase(row: CaseRow) {
  return {
    id: row.id,
    referenceCode: row.reference_code,
    organizationId: row.organization_id,
    status: row.status,
    countryOfAssistance: row.country_of_assistance,
    phase: row.phase,
    givenName: row.given_name,
    familyName: row.family_name,
    preferredName: row.preferred_name,
    sex: row.sex,
    birthDate: row.birth_date,
    estimatedAge: row.estimated_age,
    nationality: row.nationality,
    languages: row.languages,
    intakeStatement: row.intake_statement,
    // Decided from the full record, before any redaction for a receiving organisation.
    presumedMinor: presumedMinor({ birthDate: row.birth_date, estimatedAge: row.estimated_age }, new Date()),
    openedAt: row.opened_at.toISOString(),
    // Still sealed: opened only by the migrationStatus resolver, for a caller holding its scope.
    migrationStatusSealed: row.migration_status_sealed,
    closedAt: row.closed_at?.toISOString() ?? null,
    closureReason: row.closure_reason,
    erasedAt: row.erased_at?.toISOString() ?? null,
    ageGroup: row.age_group,
    genderIdentity: row.gender_identity,
    vulnerabilities: row.vulnerabilities,
    needs: row.needs,
    /** Null when the reader's organisation owns the case; else the consented sections (see redactCase). */
    sharedSections: null as readonly string[] | null,
  };
}

export type Case = ReturnType<typeof toCase>;
