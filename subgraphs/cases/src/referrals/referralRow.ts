/** A row of `referrals` as the resolvers see it. */
export interface ReferralRow {
  id: string;
  case_id: string;
  service_id: string;
  status: string;
  created_at: Date;
}

export const REFERRAL_COLUMNS = 'r.id, r.case_id, r.service_id, r.status, r.created_at';

/** Maps a row to the GraphQL `Referral` shape; `service` is resolved by the services subgraph. */
export function toReferral(row: ReferralRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    serviceId: row.service_id,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

export type Referral = ReturnType<typeof toReferral>;
