import type { Queryable } from '@amparo/kit';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for every table here. */
const CHUNK = 200;

/** Inserts `rows` into `table` with multi-row INSERTs; seed use only (names are not user input). */
export async function insertRows(tx: Queryable, table: string, columns: readonly string[], rows: readonly unknown[][]) {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const values = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    await tx.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`, chunk.flat());
  }
}
