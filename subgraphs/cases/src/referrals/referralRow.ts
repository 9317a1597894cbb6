/** A row of `referrals` as the resolvers see it. */
export interface ReferralRow {
  id: string;
  case_id: string;
  service_id: string;
  status: string;
  created_at: Date;
  receiving_organization_id: string | null;
  consent_id: string | null;
  responded_at: Date | null;
  completed_at: Date | null;
  intake_shared: boolean;
}

/** Columns of `referrals r`; `intake_shared` says whether its consent carries the intake statement. */
export const REFERRAL_COLUMNS = `r.id, r.case_id, r.service_id, r.status, r.created_at, r.receiving_organization_id,
  r.consent_id, r.responded_at, r.completed_at,
  coalesce((SELECT 'INTAKE_STATEMENT' = ANY(k.sections) FROM consents k WHERE k.id = r.consent_id), false) AS intake_shared`;

/** Maps a row to the GraphQL `Referral` shape; `service` is resolved by the services subgraph. */
export function toReferral(row: ReferralRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    serviceId: row.service_id,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    receivingOrganizationId: row.receiving_organization_id,
    consentId: row.consent_id,
    respondedAt: row.responded_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    intakeStatementShared: row.intake_shared,
  };
}

export type Referral = ReturnType<typeof toReferral>;
