import { invariant } from '@amparo/kit';
import { codesOf, isPublishedCode } from '../codes/codeLists.js';
import type { Dimension } from '../codes/dimensions.js';
import { describeMethod, type DisclosureMethod } from '../disclosure/disclosureMethod.js';
import { laplaceIntervalHalfWidth } from '../disclosure/laplaceInterval.js';
import { protectCount, type ProtectedCount } from '../disclosure/protectCount.js';
import type { ReleasePolicy } from '../disclosure/releasePolicy.js';
import { cryptoUniformInt, type UniformInt } from '../disclosure/uniformInt.js';
import { MEASURES, type Measure } from '../measures/measures.js';
import { PUBLISHED_TABLES, publishedDimensionSets } from '../measures/publishedTables.js';
import { cellKey } from './cellKey.js';
import type { FineCell, PeriodExtract } from './extract.js';

/** One cell as stored: the published (noisy or suppressed) value, never the true count. */
export interface ComputedCell extends ProtectedCount {
  readonly measure: Measure;
  /** The dimensions this cell is broken down by, canonical order; the others are totals. */
  readonly dimensions: readonly Dimension[];
  readonly codes: Readonly<Partial<Record<Dimension, string>>>;
  readonly key: string;
  /** Position in the published order (code-list order), so tables read back in a stable order. */
  readonly ordinal: number;
}

export interface ComputedRelease {
  readonly period: string;
  readonly periodType: PeriodExtract['periodType'];
  readonly method: DisclosureMethod;
  readonly tables: Readonly<Partial<Record<Measure, readonly (readonly Dimension[])[]>>>;
  readonly cells: readonly ComputedCell[];
}

/** Every combination of member codes of `dimensions` (the empty set gives one empty combination). */
function crossProduct(dimensions: readonly Dimension[]): Partial<Record<Dimension, string>>[] {
  let combos: Partial<Record<Dimension, string>>[] = [{}];
  for (const d of dimensions) combos = combos.flatMap((c) => codesOf(d).map((code) => ({ ...c, [d]: code })));
  return combos;
}

function checkFineCell(measure: Measure, cell: FineCell, dimensions: readonly Dimension[]): void {
  invariant(Number.isSafeInteger(cell.count) && cell.count >= 0, `${measure}: counts are non-negative integers`);
  for (const d of dimensions) {
    const code = cell.codes[d];
    invariant(code !== undefined && code !== '_T' && isPublishedCode(d, code), `${measure}: fine cell code for ${d}`);
  }
}

/**
 * Computes a release from an extract: sums fine cells into every published
 * cell — the full cross product of codes, zeros included, since a missing
 * cell would itself reveal a zero — and protects each with fresh noise. The
 * noise is drawn here, once; the caller stores the result and queries only
 * ever read it back, so asking twice gives the same answer.
 */
export function computeRelease(
  extract: PeriodExtract,
  policy: ReleasePolicy,
  source: string,
  uniform: UniformInt = cryptoUniformInt,
): ComputedRelease {
  const halfWidth = laplaceIntervalHalfWidth(policy.scale, policy.confidenceLevel);
  const tables: Partial<Record<Measure, readonly (readonly Dimension[])[]>> = {};
  const cells: ComputedCell[] = [];
  for (const measure of MEASURES) {
    const fineCells = extract.measures[measure];
    if (!fineCells) continue;
    tables[measure] = PUBLISHED_TABLES[measure];
    const sets = publishedDimensionSets(PUBLISHED_TABLES[measure]);
    const allDimensions = [...new Set(sets.flat())];
    for (const fine of fineCells) checkFineCell(measure, fine, allDimensions);
    for (const dimensions of sets) {
      const trueCounts = new Map<string, number>();
      // Sets come in canonical order already, so this is cellKey without the sort (the hot loop of a release).
      for (const fine of fineCells) {
        const key = dimensions.map((d) => `${d}=${fine.codes[d]}`).join('|');
        trueCounts.set(key, (trueCounts.get(key) ?? 0) + fine.count);
      }
      for (const codes of crossProduct(dimensions)) {
        const key = cellKey(codes, dimensions);
        const published = protectCount(trueCounts.get(key) ?? 0, policy, halfWidth, uniform);
        cells.push({ measure, dimensions, codes, key, ordinal: cells.length, ...published });
      }
    }
  }
  return {
    period: extract.period,
    periodType: extract.periodType,
    method: describeMethod(policy, tables, source),
    tables,
    cells,
  };
}
