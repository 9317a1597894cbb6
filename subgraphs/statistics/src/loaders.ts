import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import { CELL_COLUMNS, cellsKey, type CellRow } from './releases/cellRow.js';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow } from './releases/releaseRow.js';

/** One set per request: releases by id, and the cells of a (release, measure), each batched into one query. */
export function createStatisticsLoaders(db: Database) {
  return {
    release: keyedLoader(
      async (ids: readonly string[]) =>
        (await db.query<ReleaseRow>(`SELECT ${RELEASE_COLUMNS} FROM releases WHERE id = ANY($1::uuid[])`, [ids])).map(
          toRelease,
        ),
      (r) => r.id,
    ),
    cells: groupedLoader(
      async (keys: readonly string[]) => {
        const pairs = keys.map((k) => k.split(':') as [string, string]);
        return db.query<CellRow>(
          `SELECT ${CELL_COLUMNS} FROM release_cells
           WHERE (release_id, measure) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
           ORDER BY release_id, measure, ordinal`,
          [pairs.map(([id]) => id), pairs.map(([, measure]) => measure)],
        );
      },
      (row) => cellsKey(row.release_id, row.measure),
    ),
  };
}

export type StatisticsLoaders = ReturnType<typeof createStatisticsLoaders>;
