import { pageSize, type Queryable } from '@amparo/kit';
import { REFERRAL_COLUMNS, toReferral, type Referral, type ReferralRow } from './referralRow.js';

/** Referrals sent to `organizationId`, newest first; none when the caller may read none. */
export async function receivedReferrals(
  db: Queryable,
  organizationId: string | null,
  args: { status?: string | null; first?: number | null },
): Promise<Referral[]> {
  const size = pageSize(args.first);
  if (organizationId === null) return [];
  const rows = await db.query<ReferralRow>(
    `SELECT ${REFERRAL_COLUMNS} FROM referrals r WHERE r.receiving_organization_id = $1::uuid
       AND ($2::text IS NULL OR r.status = $2) ORDER BY r.created_at DESC, r.id DESC LIMIT ${size}`,
    [organizationId, args.status ?? null],
  );
  return rows.map(toReferral);
}
