/** A row of `interpreter_languages`. */
export interface LanguagePairRow {
  interpreter_id: string;
  from_language: string;
  to_language: string;
  direction: string;
  proficiency: string;
}

export const LANGUAGE_PAIR_COLUMNS = 'interpreter_id, from_language, to_language, direction, proficiency';

/** Maps a row to the GraphQL `LanguagePair` shape. */
export function toLanguagePair(row: LanguagePairRow) {
  return {
    interpreterId: row.interpreter_id,
    from: row.from_language,
    to: row.to_language,
    direction: row.direction,
    proficiency: row.proficiency,
  };
}

export type LanguagePair = ReturnType<typeof toLanguagePair>;
