import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { caseworkerSubject } from './caseworkerSubject.js';

/**
 * Assigns a caseworker (by token subject) to a case of the caller's
 * organisation. Idempotent: assigning her again changes nothing, writes no
 * audit event and is not an error. A closed case takes no new assignment.
 * Returns the case id.
 */
export async function assignCaseworker(
  ctx: SubgraphContext<unknown>,
  caseId: string,
  caseworker: string,
): Promise<string> {
  const subject = caseworkerSubject('caseworker', caseworker);
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, caseId, organizationId);
    if (locked.status === 'CLOSED') throw badUserInput('caseId', 'the case is closed');
    const inserted = await tx.query(
      `INSERT INTO case_assignments (case_id, caseworker, assigned_by) VALUES ($1, $2, $3)
       ON CONFLICT (case_id, caseworker) DO NOTHING RETURNING case_id`,
      [locked.id, subject, ctx.principal.sub],
    );
    if (inserted.length > 0) {
      await appendAuditEvents(tx, 'cases', [
        caseWriteEvent(ctx, 'CaseAssignment', [locked.id], ['assignCaseworker', 'assignedCaseworkers']),
      ]);
    }
    return locked.id;
  });
}
