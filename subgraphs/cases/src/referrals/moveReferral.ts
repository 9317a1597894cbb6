import { appendAuditEvents, badUserInput, notFound, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { isUuid } from '../cases/isUuid.js';
import { REFERRAL_COLUMNS, toReferral, type Referral, type ReferralRow } from './referralRow.js';

/** The moves the receiving organisation makes: PENDING → ACCEPTED or DECLINED, ACCEPTED → COMPLETED. */
const ALLOWED: Readonly<Record<string, string>> = { ACCEPTED: 'PENDING', DECLINED: 'PENDING', COMPLETED: 'ACCEPTED' };

/**
 * Moves a referral sent to the caller's organisation to `to`. A referral sent
 * elsewhere is NOT_FOUND, like a missing one; any other move is an invalid
 * transition. Accepting needs the consent to be still active.
 */
export async function moveReferral(ctx: SubgraphContext<unknown>, id: string, to: string): Promise<Referral> {
  const organizationId = writableOrganization(ctx.principal);
  if (organizationId === null || !isUuid(id)) throw notFound('referral');
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.query<{ case_id: string; status: string; consent_active: boolean }>(
      `SELECT r.case_id, r.status, EXISTS (SELECT 1 FROM consents k WHERE k.id = r.consent_id
         AND k.revoked_at IS NULL AND k.valid_until > now()) AS consent_active
       FROM referrals r WHERE r.id = $1::uuid AND r.receiving_organization_id = $2::uuid FOR UPDATE OF r`,
      [id, organizationId],
    );
    if (!current) throw notFound('referral');
    if (current.status !== ALLOWED[to]) {
      throw badUserInput('id', `invalid transition: a ${current.status} referral cannot become ${to}`);
    }
    if (to === 'ACCEPTED' && !current.consent_active) {
      throw badUserInput('id', 'the consent this referral travelled with is no longer active');
    }
    const stamp = to === 'COMPLETED' ? 'completed_at' : 'responded_at';
    await tx.query(`UPDATE referrals SET status = $2, ${stamp} = now(), updated_at = now() WHERE id = $1::uuid`, [
      id,
      to,
    ]);
    const [row] = await tx.query<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals r WHERE r.id = $1`, [id]);
    await appendAuditEvents(tx, 'cases', [caseWriteEvent(ctx, 'Referral', [current.case_id, id], ['status', to])]);
    return toReferral(row as ReferralRow);
  });
}
