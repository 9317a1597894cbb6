import { invariant } from '@amparo/kit';
import { DIMENSIONS, type Dimension } from '../codes/dimensions.js';
import type { ReleasePolicy } from '../disclosure/releasePolicy.js';
import type { UniformInt } from '../disclosure/uniformInt.js';
import { MEASURES, recordsPerContribution, type Measure } from '../measures/measures.js';
import { PUBLISHED_TABLES } from '../measures/publishedTables.js';
import { computeRelease, type ComputedRelease } from './computeRelease.js';
import type { FineCell, PeriodExtract } from './extract.js';
import { periodTypeOf, type StatisticsExtract } from './statisticsExtract.js';

const isDimension = (name: string): name is Dimension => (DIMENSIONS as readonly string[]).includes(name);
const isMeasure = (name: string): name is Measure => (MEASURES as readonly string[]).includes(name);

const FINE_DIMENSIONS = new Map(
  MEASURES.map((m) => [m, DIMENSIONS.filter((d) => PUBLISHED_TABLES[m].some((table) => table.includes(d)))]),
);

/** The dimensions a measure's fine cells carry, in canonical order: every dimension of its published tables. */
export function fineDimensionsOf(measure: Measure): Dimension[] {
  return [...(FINE_DIMENSIONS.get(measure) ?? [])];
}

/**
 * Computes one release from the extracts of the owning subgraphs for one
 * period (README, "Extract contract"). Checks the shape strictly — a
 * dimension that is not in the fixed list (migration status above all) is
 * refused, never ignored — applies the person-level contribution cap to rows
 * that carry `personKeyHash`, sums rows into fine cells and hands them to
 * {@link computeRelease}, which draws the noise once.
 */
export function computeReleaseFromExtracts(
  extracts: readonly StatisticsExtract[],
  policy: ReleasePolicy,
  source: string,
  uniform?: UniformInt,
): ComputedRelease {
  invariant(extracts.length > 0, 'at least one extract');
  const period = (extracts[0] as StatisticsExtract).period;
  const periodType = periodTypeOf(period);
  invariant(periodType !== null, 'extract period is YYYY-MM, YYYY-Qn or YYYY');
  const fine = new Map<Measure, Map<string, { codes: Partial<Record<Dimension, string>>; count: number }>>();
  // Records already counted per (measure, person): the cap holds across every extract of the period.
  const used = new Map<string, number>();
  for (const extract of extracts) {
    invariant(extract.period === period, 'every extract of a release is for the same period');
    invariant(extract.periodType === undefined || extract.periodType === periodType, 'period type matches period');
    for (const cell of extract.cells) {
      invariant(isMeasure(cell.measure), 'extract measure is a published measure');
      invariant(Number.isSafeInteger(cell.count) && cell.count >= 0, `${cell.measure}: counts are whole numbers`);
      const dimensions = FINE_DIMENSIONS.get(cell.measure) as Dimension[];
      const names = Object.keys(cell.dims);
      // The names are checked, the values are not echoed: a bad extract must not put data into logs.
      invariant(names.every(isDimension), `${cell.measure}: extract dimension outside the fixed list`);
      invariant(
        names.length === dimensions.length && dimensions.every((d) => d in cell.dims),
        `${cell.measure}: extract cell carries exactly ${dimensions.join(', ')}`,
      );
      let count = cell.count;
      if (cell.personKeyHash !== undefined) {
        const person = `${cell.measure}\u0000${cell.personKeyHash}`;
        const already = used.get(person) ?? 0;
        // NEEDS: a case counts in up to three categories, so a person's limit is three records per contribution.
        const limit = policy.contributionCap * recordsPerContribution(cell.measure);
        count = Math.min(count, Math.max(0, limit - already));
        used.set(person, already + count);
      }
      const codes = Object.fromEntries(dimensions.map((d) => [d, cell.dims[d] as string])) as Partial<
        Record<Dimension, string>
      >;
      const key = dimensions.map((d) => codes[d]).join('|');
      const cells = fine.get(cell.measure) ?? new Map();
      fine.set(cell.measure, cells);
      const previous = cells.get(key);
      if (previous) previous.count += count;
      else cells.set(key, { codes, count });
    }
  }
  const measures: Partial<Record<Measure, FineCell[]>> = {};
  for (const [measure, cells] of fine) measures[measure] = [...cells.values()];
  const periodExtract: PeriodExtract = { period, periodType, measures };
  return computeRelease(periodExtract, policy, source, uniform);
}
