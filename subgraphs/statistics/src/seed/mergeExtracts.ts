import { STOCK_MEASURES, type Measure } from '../measures/measures.js';
import type { FineCell, PeriodExtract } from '../releases/extract.js';

/**
 * Measures that count whoever was present at any time in the period: most of
 * a month's caseload was already there the month before, so months must not
 * simply be added.
 */
const SPANNING_MEASURES: readonly Measure[] = ['CASES_ACTIVE', 'NEEDS'];
/** Share of a month's caseload that is new that month: cases stay open about three months (syntheticExtract.ts). */
const NEWCOMER_SHARE = 1 / 3;

/**
 * Rolls synthetic monthly extracts up into a longer period by adding fine
 * cells (stocks take the last month's cells; spanning measures the first
 * month's cells plus the newcomers of each later month), for the demo seed
 * only. Real quarters and years never do this: the owning
 * subgraphs count them over the whole period, each person once, and the
 * pipeline publishes them.
 */
export function mergeExtracts(
  period: string,
  periodType: PeriodExtract['periodType'],
  months: readonly PeriodExtract[],
): PeriodExtract {
  const measures: Partial<Record<Measure, FineCell[]>> = {};
  months.forEach((month, index) => {
    for (const [measure, cells] of Object.entries(month.measures) as [Measure, readonly FineCell[]][]) {
      if (STOCK_MEASURES.includes(measure)) {
        measures[measure] = [...cells];
        continue;
      }
      const merged = new Map((measures[measure] ?? []).map((c) => [JSON.stringify(c.codes), c]));
      for (const cell of cells) {
        const key = JSON.stringify(cell.codes);
        const previous = merged.get(key);
        // Late records of one month (a correction) are all more people: those add up in full.
        const spanning = SPANNING_MEASURES.includes(measure) && periodType !== 'MONTH' && index > 0;
        const count = (previous?.count ?? 0) + (spanning ? Math.round(cell.count * NEWCOMER_SHARE) : cell.count);
        merged.set(key, { codes: cell.codes, count });
      }
      measures[measure] = [...merged.values()];
    }
  });
  return { period, periodType, measures };
}
