import { randomUUID } from 'node:crypto';
import { appendAuditEvents, forbidden, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { casesKeyring } from '../crypto/casesKeyring.js';
import { sealMigrationStatus } from '../crypto/sealMigrationStatus.js';
import { caseWriteEvent } from './caseWriteEvent.js';
import { CASE_COLUMNS, toCase, type Case, type CaseRow } from './caseRow.js';
import { newReferenceCode } from './referenceCode.js';
import { validateCaseInput, type CaseInput } from './validateCaseInput.js';

/**
 * Opens a case owned by the caller's organisation and assigns her to it: the
 * rows and their WRITE audit event in one transaction, so none exists without
 * the others.
 */
export async function openCase(ctx: SubgraphContext<unknown>, input: CaseInput): Promise<Case> {
  const valid = validateCaseInput(input);
  const organizationId = writableOrganization(ctx.principal);
  if (organizationId === null) throw forbidden('only a caseworker of an organisation opens cases');
  const id = randomUUID();
  const columns: Record<string, unknown> = {
    ...valid.columns,
    id,
    reference_code: newReferenceCode(),
    organization_id: organizationId,
  };
  if (valid.migrationStatus)
    columns.migration_status_sealed = sealMigrationStatus(casesKeyring(), id, valid.migrationStatus);
  const names = Object.keys(columns);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<CaseRow>(
      `INSERT INTO cases (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})
       RETURNING ${CASE_COLUMNS}`,
      Object.values(columns),
    );
    // The caseworker who opens the case is its first assigned caseworker.
    await tx.query('INSERT INTO case_assignments (case_id, caseworker, assigned_by) VALUES ($1, $2, $2)', [
      id,
      ctx.principal.sub,
    ]);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'Case', [id], ['openCase', 'assignedCaseworkers', ...valid.fields]),
    ]);
    return toCase(row as CaseRow);
  });
}
