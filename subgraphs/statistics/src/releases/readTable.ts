import { badUserInput } from '@amparo/kit';
import { isPublishedCode } from '../codes/codeLists.js';
import { TOTAL_CODE, canonicalDimensions, type Dimension } from '../codes/dimensions.js';
import type { Measure } from '../measures/measures.js';
import { isPublishedSet } from '../measures/publishedTables.js';
import type { StatisticsLoaders } from '../loaders.js';
import { cellsKey } from './cellRow.js';
import type { StatisticsRelease } from './releaseRow.js';

export interface DimensionFilter {
  dimension: Dimension;
  codes: string[];
}

export interface TableArgs {
  measure: Measure;
  dimensions: Dimension[];
  filter?: DimensionFilter[] | null;
}

function validateTableArgs(release: StatisticsRelease, args: TableArgs): Dimension[] {
  const dimensions = canonicalDimensions(args.dimensions);
  if (new Set(dimensions).size !== dimensions.length) throw badUserInput('dimensions', 'lists a dimension twice');
  const tables = release.publishedTables[args.measure];
  if (!tables) throw badUserInput('measure', 'is not published in this release');
  if (!isPublishedSet(tables, dimensions)) {
    const published = tables.map((t) => `[${t.join(', ')}]`).join(', ');
    throw badUserInput(
      'dimensions',
      `is not a published table of ${args.measure} or one of its margins; published tables: ${published}`,
    );
  }
  args.filter?.forEach((f, i) => {
    if (!dimensions.includes(f.dimension)) {
      throw badUserInput(`filter[${i}].dimension`, 'must be one of the dimensions of the table');
    }
    f.codes.forEach((code, j) => {
      if (!isPublishedCode(f.dimension, code)) {
        throw badUserInput(
          `filter[${i}].codes[${j}]`,
          `is not a code of ${f.dimension}; see codeList(dimension: ${f.dimension})`,
        );
      }
    });
  });
  return dimensions;
}

/**
 * One table of a release, read back from the stored cells: the cells of the
 * requested dimension set and of all its margins, totals coded `_T`. Nothing
 * is computed from true counts here, so every query is pure post-processing.
 */
export async function readTable(release: StatisticsRelease, args: TableArgs, loaders: StatisticsLoaders) {
  const dimensions = validateTableArgs(release, args);
  const wanted = new Set<Dimension>(dimensions);
  const rows = await loaders.cells.load(cellsKey(release.id, args.measure));
  const cells = rows
    .filter((row) => row.dimensions.every((d) => wanted.has(d)))
    .map((row) => ({
      key: dimensions.map((dimension) => ({ dimension, code: row.codes[dimension] ?? TOTAL_CODE })),
      value: row.value,
      suppressed: row.suppressed,
      lower: row.lower,
      upper: row.upper,
    }))
    .filter((cell) =>
      (args.filter ?? []).every((f) => f.codes.includes(cell.key.find((k) => k.dimension === f.dimension)?.code ?? '')),
    );
  return { measure: args.measure, dimensions, cells };
}
