import { STOCK_MEASURES, type Measure } from '../measures/measures.js';
import type { FineCell, PeriodExtract } from '../releases/extract.js';

/**
 * Rolls monthly extracts up into a longer period by adding fine cells
 * (stocks take the last month's cells).
 * Person measures would need the owning subgraph to de-duplicate people
 * across months; that is the real pipeline's job (a later phase).
 */
export function mergeExtracts(
  period: string,
  periodType: PeriodExtract['periodType'],
  months: readonly PeriodExtract[],
): PeriodExtract {
  const measures: Partial<Record<Measure, FineCell[]>> = {};
  for (const month of months) {
    for (const [measure, cells] of Object.entries(month.measures) as [Measure, readonly FineCell[]][]) {
      if (STOCK_MEASURES.includes(measure)) {
        measures[measure] = [...cells];
        continue;
      }
      const merged = new Map((measures[measure] ?? []).map((c) => [JSON.stringify(c.codes), c]));
      for (const cell of cells) {
        const key = JSON.stringify(cell.codes);
        const previous = merged.get(key);
        merged.set(key, { codes: cell.codes, count: (previous?.count ?? 0) + cell.count });
      }
      measures[measure] = [...merged.values()];
    }
  }
  return { period, periodType, measures };
}
