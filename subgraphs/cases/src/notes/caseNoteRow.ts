/** A row of `case_notes` as the resolvers see it. */
export interface CaseNoteRow {
  id: string;
  case_id: string;
  author: string;
  text: string;
  created_at: Date;
}

export const CASE_NOTE_COLUMNS = 'n.id, n.case_id, n.author, n.text, n.created_at';

/** Maps a row to the GraphQL `CaseNote` shape; the author stays the opaque token subject. */
export function toCaseNote(row: CaseNoteRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    author: row.author,
    text: row.text,
    createdAt: row.created_at.toISOString(),
  };
}

export type CaseNote = ReturnType<typeof toCaseNote>;
