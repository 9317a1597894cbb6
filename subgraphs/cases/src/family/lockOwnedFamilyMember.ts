import { notFound, type Queryable } from '@amparo/kit';
import { isUuid } from '../cases/isUuid.js';

/**
 * Locks the case of one family member recorded by `organizationId`, for the
 * rest of the transaction, and returns that case's id and status. Another
 * organisation's family member, a missing one and a malformed id all answer
 * the same NOT_FOUND (F2).
 */
export async function lockOwnedFamilyMember(
  tx: Queryable,
  id: string,
  organizationId: string | null,
): Promise<{ caseId: string; caseStatus: string }> {
  if (organizationId === null || !isUuid(id)) throw notFound('family member');
  const [row] = await tx.query<{ case_id: string; status: string }>(
    `SELECT c.id AS case_id, c.status FROM family_members f JOIN cases c ON c.id = f.case_id
     WHERE f.id = $1::uuid AND c.organization_id = $2::uuid FOR UPDATE OF c`,
    [id, organizationId],
  );
  if (!row) throw notFound('family member');
  return { caseId: row.case_id, caseStatus: row.status };
}
