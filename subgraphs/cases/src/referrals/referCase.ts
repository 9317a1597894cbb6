import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { isUuid } from '../cases/isUuid.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { REFERRAL_COLUMNS, toReferral, type Referral, type ReferralRow } from './referralRow.js';

export interface ReferCaseInput {
  caseId: string;
  serviceId: string;
  receivingOrganizationId: string;
  consentId: string;
}

/**
 * Refers one of the caller's organisation's cases to a service of another
 * organisation. The case travels only with her consent: `consentId` must be
 * an active consent of this case to the receiving organisation (F5).
 */
export async function referCase(ctx: SubgraphContext<unknown>, input: ReferCaseInput): Promise<Referral> {
  if (!isUuid(input.serviceId)) throw badUserInput('input.serviceId', 'must be the id of a service');
  if (!isUuid(input.receivingOrganizationId)) {
    throw badUserInput('input.receivingOrganizationId', 'must be the id of an organisation');
  }
  if (!isUuid(input.consentId)) throw badUserInput('input.consentId', 'must be the id of a consent');
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, input.caseId, organizationId);
    if (locked.status === 'CLOSED') throw badUserInput('input.caseId', 'the case is closed');
    const [consent] = await tx.query<{ id: string }>(
      `SELECT id FROM consents WHERE id = $1::uuid AND case_id = $2::uuid AND organization_id = $3::uuid
         AND revoked_at IS NULL AND valid_until > now()`,
      [input.consentId, locked.id, input.receivingOrganizationId],
    );
    if (!consent) {
      throw badUserInput('input.consentId', 'is not an active consent of this case to the receiving organisation');
    }
    const [inserted] = await tx.query<{ id: string }>(
      `INSERT INTO referrals (case_id, service_id, receiving_organization_id, consent_id) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [locked.id, input.serviceId, input.receivingOrganizationId, input.consentId],
    );
    await tx.query(`UPDATE cases SET status = 'REFERRED', updated_at = now() WHERE id = $1 AND status = 'OPEN'`, [
      locked.id,
    ]);
    const [row] = await tx.query<ReferralRow>(`SELECT ${REFERRAL_COLUMNS} FROM referrals r WHERE r.id = $1`, [
      inserted?.id,
    ]);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'Referral', [locked.id, inserted?.id ?? ''], ['referCase', 'service', 'consent']),
    ]);
    return toReferral(row as ReferralRow);
  });
}
