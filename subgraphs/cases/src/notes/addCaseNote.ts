import { appendAuditEvents, badUserInput, type SubgraphContext } from '@amparo/kit';
import { writableOrganization } from '../access/writableOrganization.js';
import { caseWriteEvent } from '../cases/caseWriteEvent.js';
import { lockOwnedCase } from '../cases/lockOwnedCase.js';
import { CASE_NOTE_COLUMNS, toCaseNote, type CaseNote, type CaseNoteRow } from './caseNoteRow.js';

export const MAX_NOTE_LENGTH = 10_000;

/**
 * Appends a working note to a case of the caller's organisation, authored by
 * her token subject (never a name). Notes are append-only: a correction is a
 * new note. A closed case takes no more notes.
 */
export async function addCaseNote(ctx: SubgraphContext<unknown>, caseId: string, text: string): Promise<CaseNote> {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NOTE_LENGTH) {
    throw badUserInput('text', `must be 1 to ${MAX_NOTE_LENGTH} characters`);
  }
  const organizationId = writableOrganization(ctx.principal);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockOwnedCase(tx, caseId, organizationId);
    if (locked.status === 'CLOSED') throw badUserInput('caseId', 'the case is closed');
    const [row] = await tx.query<CaseNoteRow>(
      `INSERT INTO case_notes AS n (case_id, author, text) VALUES ($1, $2, $3) RETURNING ${CASE_NOTE_COLUMNS}`,
      [locked.id, ctx.principal.sub, trimmed],
    );
    const note = toCaseNote(row as CaseNoteRow);
    await appendAuditEvents(tx, 'cases', [
      caseWriteEvent(ctx, 'CaseNote', [locked.id, note.id], ['addCaseNote', 'text']),
    ]);
    return note;
  });
}
