import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { casesKeyring } from '../crypto/casesKeyring.js';
import { sealMigrationStatus } from '../crypto/sealMigrationStatus.js';
import { caseWriteEvent } from './caseWriteEvent.js';
import { CASE_COLUMNS, toCase, type Case, type CaseRow } from './caseRow.js';
import { lockOwnedCase } from './lockOwnedCase.js';
import { validateCaseInput, type CaseInput } from './validateCaseInput.js';

/**
 * Changes the given fields of one of the caller's organisation's cases. A
 * case of another organisation is NOT_FOUND, exactly like a missing one. A
 * closed case is not edited (close is final; erasure has its own path).
 */
export async function updateCase(ctx: SubgraphContext<unknown>, id: string, input: CaseInput): Promise<Case> {
  const valid = validateCaseInput(input);
  if (valid.fields.length === 0) throw badUserInput('input', 'names no field to change');
  const organizationId = writableOrganization(ctx.principal);
  const columns: Record<string, unknown> = { ...valid.columns };
  // Writing the status seals it with the current key: lazy re-encryption after a rotation.
  if (valid.migrationStatus !== undefined) {
    columns.migration_status_sealed =
      valid.migrationStatus === null ? null : sealMigrationStatus(casesKeyring(), id, valid.migrationStatus);
  }
  return ctx.db.transaction(async (tx) => {
    const current = await lockOwnedCase(tx, id, organizationId);
    if (current.status === 'CLOSED') throw badUserInput('id', 'the case is closed and can no longer be changed');
    const names = Object.keys(columns);
    const [row] = await tx.query<CaseRow>(
      `UPDATE cases SET ${names.map((n, i) => `${n} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now()
       WHERE id = $1::uuid RETURNING ${CASE_COLUMNS}`,
      [id, ...Object.values(columns)],
    );
    await appendAuditEvents(tx, 'cases', [caseWriteEvent(ctx, 'Case', [id], ['updateCase', ...valid.fields])]);
    return toCase(row as CaseRow);
  });
}
