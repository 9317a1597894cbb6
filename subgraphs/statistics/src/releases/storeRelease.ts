import type { Queryable } from '@amparo/kit';
import type { ComputedRelease } from './computeRelease.js';

const CELL_COLUMNS = 10;
const CELLS_PER_INSERT = 500;

/**
 * Publishes a computed release: the release row and all its cells. Call it
 * inside a transaction (`db.transaction`): the database refuses cells that
 * are not inserted in the release's own transaction, and any later change.
 */
export async function storeRelease(
  tx: Queryable,
  release: ComputedRelease,
  options: { id?: string; publishedAt?: Date; replaces?: string | null } = {},
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO releases (id, period, period_type, published_at, replaces, method, tables)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, $3, coalesce($4::timestamptz, date_trunc('milliseconds', now())),
             $5, $6::jsonb, $7::jsonb)
     RETURNING id`,
    [
      options.id ?? null,
      release.period,
      release.periodType,
      options.publishedAt?.toISOString() ?? null,
      options.replaces ?? null,
      JSON.stringify(release.method),
      JSON.stringify(release.tables),
    ],
  );
  const id = (row as { id: string }).id;
  for (let start = 0; start < release.cells.length; start += CELLS_PER_INSERT) {
    const chunk = release.cells.slice(start, start + CELLS_PER_INSERT);
    const values = chunk.map(
      (_, r) => `(${Array.from({ length: CELL_COLUMNS }, (_, c) => `$${r * CELL_COLUMNS + c + 1}`).join(', ')})`,
    );
    await tx.query(
      `INSERT INTO release_cells (release_id, measure, cell_key, ordinal, dimensions, codes, value, suppressed, lower, upper)
       VALUES ${values.join(', ')}`,
      chunk.flatMap((cell) => [
        id,
        cell.measure,
        cell.key,
        cell.ordinal,
        cell.dimensions,
        JSON.stringify(cell.codes),
        cell.value,
        cell.suppressed,
        cell.lower,
        cell.upper,
      ]),
    );
  }
  return id;
}
