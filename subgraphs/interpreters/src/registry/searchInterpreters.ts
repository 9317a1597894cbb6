import { decodeCursor, pageSize, toConnection, type Queryable } from '@amparo/kit';
import { validateInterpreterFilter, type InterpreterFilter } from './interpreterFilter.js';
import { INTERPRETER_COLUMNS, toInterpreter, type InterpreterRow } from './interpreterRow.js';

/**
 * The registry search: filters combine with AND; a language matches either
 * side of any of her pairs. Keyset pagination on (display_name, id), so pages
 * neither skip nor repeat interpreters while the registry changes.
 */
export async function searchInterpreters(
  db: Queryable,
  args: InterpreterFilter & { first?: number | null; after?: string | null },
) {
  const size = pageSize(args.first);
  const filter = validateInterpreterFilter(args);
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.language != null) {
    const language = param(filter.language);
    // Two indexed probes (one per side of the pair) instead of an OR the planner cannot index.
    where.push(`id IN (SELECT interpreter_id FROM interpreter_languages WHERE from_language = ${language}
                       UNION SELECT interpreter_id FROM interpreter_languages WHERE to_language = ${language})`);
  }
  // `@>` rather than `= ANY(...)` so the GIN indexes on the arrays apply.
  if (filter.sphere != null) where.push(`spheres @> ARRAY[${param(filter.sphere)}::text]`);
  if (filter.country != null) where.push(`countries @> ARRAY[${param(filter.country)}::text]`);
  const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];

  const after = decodeCursor(args.after);
  if (after) where.push(`(display_name, id) > (${param(after[0])}, ${param(after[1])}::uuid)`);
  const paged = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [rows, [count]] = await Promise.all([
    db.query<InterpreterRow>(
      `SELECT ${INTERPRETER_COLUMNS} FROM interpreters ${paged} ORDER BY display_name, id LIMIT ${size + 1}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*) AS n FROM interpreters ${filtered}`, countParams),
  ]);
  return toConnection(rows.map(toInterpreter), size, count?.n ?? 0, (i) => [i.displayName, i.id]);
}
