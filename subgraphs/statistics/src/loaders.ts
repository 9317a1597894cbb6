import { groupedLoader, keyedLoader, type Database } from '@amparo/kit';
import { CELL_COLUMNS, cellsKey, type CellRow } from './releases/cellRow.js';
import { immutableReleaseCache } from './releases/immutableReleaseCache.js';
import { RELEASE_COLUMNS, toRelease, type ReleaseRow } from './releases/releaseRow.js';

/**
 * One set per request: releases by id, and the cells of a (release, measure),
 * each batched into one query; what an earlier request read comes from the
 * immutable-release cache instead.
 */
export function createStatisticsLoaders(db: Database) {
  const cache = immutableReleaseCache(db);
  const cached = cache.cells;
  return {
    release: keyedLoader(
      async (ids: readonly string[]) => {
        const missing = ids.filter((id) => !cache.releases.get(id));
        if (missing.length > 0) {
          const rows = await db.query<ReleaseRow>(
            `SELECT ${RELEASE_COLUMNS} FROM releases WHERE id = ANY($1::uuid[])`,
            [missing],
          );
          for (const row of rows) cache.releases.set(row.id, toRelease(row));
        }
        return ids.flatMap((id) => cache.releases.get(id) ?? []);
      },
      (r) => r.id,
    ),
    cells: groupedLoader(
      async (keys: readonly string[]) => {
        const read = new Map<string, CellRow[]>();
        const missing = keys.filter((key) => !cached.get(key));
        if (missing.length > 0) {
          const pairs = missing.map((k) => k.split(':') as [string, string]);
          const rows = await db.query<CellRow>(
            `SELECT ${CELL_COLUMNS} FROM release_cells
             WHERE (release_id, measure) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
             ORDER BY release_id, measure, ordinal`,
            [pairs.map(([id]) => id), pairs.map(([, measure]) => measure)],
          );
          for (const row of rows) {
            const key = cellsKey(row.release_id, row.measure);
            const cells = read.get(key);
            if (cells) cells.push(row);
            else read.set(key, [row]);
          }
          // An empty answer is not kept: it may name a release that does not exist yet.
          for (const [key, cells] of read) cached.set(key, cells);
        }
        return keys.flatMap((key) => read.get(key) ?? cached.get(key) ?? []);
      },
      (row) => cellsKey(row.release_id, row.measure),
    ),
  };
}

export type StatisticsLoaders = ReturnType<typeof createStatisticsLoaders>;
