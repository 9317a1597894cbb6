import type { Queryable } from './Database.js';

/**
 * Multi-row INSERTs in chunks: one statement per `chunkSize` rows keeps bulk
 * loads (seeds, imports) fast on PGlite and under PostgreSQL's 65,535-parameter
 * limit. `table` and `columns` are constants of the caller, never user input.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  chunkSize = 500,
): Promise<void> {
  const width = columns.length;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
    );
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, chunk.flat());
  }
}
