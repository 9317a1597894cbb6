import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import { CERTIFICATION_COLUMNS, toCertification, type CertificationRow } from './registry/certificationRow.js';
import { INTERPRETER_COLUMNS, toInterpreter, type InterpreterRow } from './registry/interpreterRow.js';
import { LANGUAGE_PAIR_COLUMNS, toLanguagePair, type LanguagePairRow } from './registry/languagePairRow.js';

/** One set per request: every lookup by id is batched into one query. */
export function createInterpretersLoaders(db: Database) {
  return {
    interpreter: keyedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<InterpreterRow>(`SELECT ${INTERPRETER_COLUMNS} FROM interpreters WHERE id = ANY($1::uuid[])`, [
            ids,
          ])
        ).map(toInterpreter),
      (i) => i.id,
    ),
    languagesOfInterpreter: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<LanguagePairRow>(
            `SELECT ${LANGUAGE_PAIR_COLUMNS} FROM interpreter_languages WHERE interpreter_id = ANY($1::uuid[])
             ORDER BY from_language, to_language`,
            [ids],
          )
        ).map(toLanguagePair),
      (p) => p.interpreterId,
    ),
    certificationsOfInterpreter: groupedLoader(
      async (ids: readonly string[]) =>
        (
          await db.query<CertificationRow>(
            `SELECT ${CERTIFICATION_COLUMNS} FROM interpreter_certifications WHERE interpreter_id = ANY($1::uuid[])
             ORDER BY issued_on DESC, id`,
            [ids],
          )
        ).map(toCertification),
      (c) => c.interpreterId,
    ),
  };
}

export type InterpretersLoaders = ReturnType<typeof createInterpretersLoaders>;
