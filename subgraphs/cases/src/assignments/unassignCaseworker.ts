import { appendAuditEvents, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { caseworkerSubject } from './caseworkerSubject.js';

/**
 * Removes a caseworker from a case of the caller's organisation. Idempotent
 * like {@link assignCaseworker}; removing the last one is allowed (the case
 * stays with the organisation), and so is removing one from a closed case,
 * which tidies her "my cases" list. Returns the case id.
 */
export async function unassignCaseworker(
  ctx: SubgraphContext<unknown>,
  caseId: string,
  caseworker: string,
): Promise<string> {
  const subject = caseworkerSubject('caseworker', caseworker);
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, caseId, organizationId);
    const deleted = await tx.query(
      'DELETE FROM case_assignments WHERE case_id = $1 AND caseworker = $2 RETURNING case_id',
      [locked.id, subject],
    );
    if (deleted.length > 0) {
      await appendAuditEvents(tx, 'cases', [
        caseWriteEvent(ctx, 'CaseAssignment', [locked.id], ['unassignCaseworker', 'assignedCaseworkers']),
      ]);
    }
    return locked.id;
  });
}
