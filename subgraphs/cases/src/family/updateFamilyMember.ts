import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { FAMILY_MEMBER_COLUMNS, toFamilyMember, type FamilyMember, type FamilyMemberRow } from './familyMemberRow.js';
import { lockOwnedFamilyMember } from './lockOwnedFamilyMember.js';
import { validateFamilyMemberInput, type FamilyMemberInput } from './validateFamilyMemberInput.js';

/**
 * Changes the given fields of a family member on a case of the caller's
 * organisation (an omitted field stays, null clears an optional one), e.g.
 * when a separated child is found and joins her again.
 */
export async function updateFamilyMember(
  ctx: SubgraphContext<unknown>,
  id: string,
  input: FamilyMemberInput,
): Promise<FamilyMember> {
  const valid = validateFamilyMemberInput(input);
  if (valid.fields.length === 0) throw badUserInput('input', 'names no field to change');
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const owner = await lockOwnedFamilyMember(tx, id, organizationId);
    if (owner.caseStatus === 'CLOSED') throw badUserInput('id', 'the case is closed and can no longer be changed');
    const names = Object.keys(valid.columns);
    const [row] = await tx.query<FamilyMemberRow>(
      `UPDATE family_members AS f SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')}, updated_at = now()
       WHERE f.id = $1::uuid RETURNING ${FAMILY_MEMBER_COLUMNS}`,
      [id, ...Object.values(valid.columns)],
    );
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'FamilyMember', [owner.caseId, id], ['updateFamilyMember', ...valid.fields]),
    ]);
    return toFamilyMember(row as FamilyMemberRow);
  });
}
