import { badUserInput, notFound, type Database } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { auditWrite } from '../auditWrite.js';
import { isUuid } from '../isUuid.js';
import { reviewerOrganization } from '../review/reviewerOrganization.js';

/**
 * Hands responsibility for a search to another organisation (cross-border:
 * the family moved, or the person was last seen in another country). Only
 * the handling organisation's caseworkers and consular officials may; the
 * transfer is recorded in `search_transfers` and audited. A search the caller
 * does not handle is NOT_FOUND, like one that does not exist.
 */
export async function transferSearch(
  db: Database,
  principal: Principal,
  requestId: string,
  id: string,
  toOrganizationId: string,
): Promise<string> {
  const org = reviewerOrganization(principal);
  if (!org || !isUuid(id)) throw notFound('search request');
  if (!isUuid(toOrganizationId)) throw badUserInput('toOrganizationId', 'is not an organisation id');
  if (toOrganizationId === org) throw badUserInput('toOrganizationId', 'is already handling this search');
  return db.transaction(async (tx) => {
    const moved = await tx.query<{ id: string }>(
      `UPDATE search_requests SET handling_organization_id = $3, updated_at = now()
        WHERE id = $1 AND handling_organization_id = $2 RETURNING id`,
      [id, org, toOrganizationId],
    );
    if (moved.length === 0) throw notFound('search request');
    await tx.query(
      `INSERT INTO search_transfers (search_request_id, from_organization_id, to_organization_id, transferred_by_sub)
       VALUES ($1, $2, $3, $4)`,
      [id, org, toOrganizationId, principal.sub],
    );
    await auditWrite(
      tx,
      { principal, requestId },
      {
        type: 'SearchRequest',
        ids: [id],
        fields: ['handlingOrganization'],
        purpose: 'transfer search',
      },
    );
    return id;
  });
}
