import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { CASE_COLUMNS, toCase, type Case, type CaseRow } from '../cases/caseRow.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { eraseCaseRows } from './eraseCaseRows.js';

/** Her right to erasure, on her request through her caseworker: see {@link eraseCaseRows}. */
export async function eraseCase(ctx: SubgraphContext<unknown>, id: string): Promise<Case> {
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, id, organizationId);
    const erased = await eraseCaseRows(tx, [locked.id]);
    if (erased.length === 0) throw badUserInput('id', 'invalid transition: the case is already erased');
    await appendAuditEvents(tx, 'cases', [caseWriteEvent(ctx, 'Case', [locked.id], ['eraseCase'])]);
    const [row] = await tx.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1`, [locked.id]);
    return toCase(row as CaseRow);
  });
}
