import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from './caseWriteEvent.js';
import { CASE_COLUMNS, toCase, type Case, type CaseRow } from './caseRow.js';
import { lockOwnedCase } from './lockOwnedCase.js';

/** Closes an OPEN or REFERRED case of the caller's organisation; closing a closed case is an invalid transition. */
export async function closeCase(ctx: SubgraphContext<unknown>, id: string, reason: string): Promise<Case> {
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const current = await lockOwnedCase(tx, id, organizationId);
    if (current.status === 'CLOSED') {
      throw badUserInput('id', 'invalid transition: the case is already closed', { transition: 'CLOSED -> CLOSED' });
    }
    const [row] = await tx.query<CaseRow>(
      `UPDATE cases SET status = 'CLOSED', closed_at = now(), closure_reason = $2, version = version + 1,
         updated_at = now() WHERE id = $1::uuid RETURNING ${CASE_COLUMNS}`,
      [id, reason],
    );
    await appendAuditEvents(tx, 'cases', [caseWriteEvent(ctx, 'Case', [id], ['closeCase', 'closureReason', 'status'])]);
    return toCase(row as CaseRow);
  });
}
