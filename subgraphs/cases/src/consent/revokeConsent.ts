import { appendAuditEvents, badUserInput, notFound, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { isUuid } from '../cases/isUuid.js';
import { CONSENT_COLUMNS, toConsent, type Consent, type ConsentRow } from './consentRow.js';

/**
 * Revokes a consent of one of the caller's organisation's cases. Access
 * through it ends with the next request: reads check consents in SQL every
 * time and nothing caches them across requests.
 */
export async function revokeConsent(ctx: SubgraphContext<unknown>, id: string): Promise<Consent> {
  const organizationId = writableOrganization(ctx.principal);
  if (organizationId === null || !isUuid(id)) throw notFound('consent');
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.query<{ case_id: string; revoked: boolean }>(
      `SELECT k.case_id, k.revoked_at IS NOT NULL AS revoked FROM consents k JOIN cases c ON c.id = k.case_id
       WHERE k.id = $1::uuid AND c.organization_id = $2::uuid FOR UPDATE OF k`,
      [id, organizationId],
    );
    if (!current) throw notFound('consent');
    if (current.revoked) throw badUserInput('id', 'invalid transition: the consent is already revoked');
    const [row] = await tx.query<ConsentRow>(
      `UPDATE consents AS k SET revoked_at = now() WHERE k.id = $1::uuid RETURNING ${CONSENT_COLUMNS}`,
      [id],
    );
    await appendAuditEvents(tx, 'cases', [caseWriteEvent(ctx, 'Consent', [current.case_id, id], ['revokeConsent'])]);
    return toConsent(row as ConsentRow);
  });
}
