import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { lockOwnedFamilyMember } from './lockOwnedFamilyMember.js';

/**
 * Removes a family member recorded by mistake from a case of the caller's
 * organisation; the row is deleted, not hidden. Returns the removed id.
 */
export async function removeFamilyMember(ctx: SubgraphContext<unknown>, id: string): Promise<string> {
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const owner = await lockOwnedFamilyMember(tx, id, organizationId);
    if (owner.caseStatus === 'CLOSED') throw badUserInput('id', 'the case is closed and can no longer be changed');
    await tx.query('DELETE FROM family_members WHERE id = $1::uuid', [id]);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'FamilyMember', [owner.caseId, id], ['removeFamilyMember']),
    ]);
    return id;
  });
}
