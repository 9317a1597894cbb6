import type { Queryable } from '@amparo/kit';

/** Counts of referrals by status, and the re-interviews her shared intake statement spared her. */
export interface ReferralOutcomes {
  pending: number;
  accepted: number;
  declined: number;
  completed: number;
  reinterviewsAvoided: number;
}

/**
 * Outcomes of the referrals an organisation sent (`SENT`) or received
 * (`RECEIVED`). A re-interview avoided is a referral accepted (or completed)
 * whose consent carried the intake statement: the receiving service read her
 * account instead of asking her to tell it again (non-revictimization).
 */
export async function referralOutcomes(
  db: Queryable,
  organizationId: string | null,
  direction: 'SENT' | 'RECEIVED',
): Promise<ReferralOutcomes> {
  const zero = { pending: 0, accepted: 0, declined: 0, completed: 0, reinterviewsAvoided: 0 };
  if (organizationId === null) return zero;
  const where =
    direction === 'SENT'
      ? 'r.case_id IN (SELECT id FROM cases WHERE organization_id = $1::uuid)'
      : 'r.receiving_organization_id = $1::uuid';
  const [row] = await db.query<ReferralOutcomes>(
    `SELECT count(*) FILTER (WHERE r.status = 'PENDING') AS pending,
            count(*) FILTER (WHERE r.status = 'ACCEPTED') AS accepted,
            count(*) FILTER (WHERE r.status = 'DECLINED') AS declined,
            count(*) FILTER (WHERE r.status = 'COMPLETED') AS completed,
            count(*) FILTER (WHERE r.status IN ('ACCEPTED', 'COMPLETED') AND 'INTAKE_STATEMENT' = ANY(k.sections))
              AS "reinterviewsAvoided"
     FROM referrals r LEFT JOIN consents k ON k.id = r.consent_id WHERE ${where}`,
    [organizationId],
  );
  return row ?? zero;
}
