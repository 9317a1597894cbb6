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
}

export const CASE_COLUMNS = `id, reference_code, organization_id, status, country_of_assistance, phase, given_name,
  family_name, preferred_name, sex, birth_date, estimated_age, nationality, languages, intake_statement, opened_at`;

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
    openedAt: row.opened_at.toISOString(),
  };
}

export type Case = ReturnType<typeof toCase>;
