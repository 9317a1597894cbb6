import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { FAMILY_MEMBER_COLUMNS, toFamilyMember, type FamilyMember, type FamilyMemberRow } from './familyMemberRow.js';
import { validateFamilyMemberInput, type FamilyMemberInput } from './validateFamilyMemberInput.js';

/**
 * Records a child or relative of hers (family unity, seed 000 §III) on a case
 * of the caller's organisation: the row and its WRITE audit event in one
 * transaction. A case the caller may not write is NOT_FOUND like a missing one.
 */
export async function addFamilyMember(
  ctx: SubgraphContext<unknown>,
  caseId: string,
  input: FamilyMemberInput,
): Promise<FamilyMember> {
  const valid = validateFamilyMemberInput(input);
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, caseId, organizationId);
    if (locked.status === 'CLOSED') throw badUserInput('caseId', 'the case is closed');
    const columns = { ...valid.columns, case_id: locked.id };
    const names = Object.keys(columns);
    const [row] = await tx.query<FamilyMemberRow>(
      `INSERT INTO family_members AS f (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
       RETURNING ${FAMILY_MEMBER_COLUMNS}`,
      Object.values(columns),
    );
    const member = toFamilyMember(row as FamilyMemberRow);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'FamilyMember', [locked.id, member.id], ['addFamilyMember', ...valid.fields]),
    ]);
    return member;
  });
}
