/**
 * A statistics period as every owning subgraph and the statistics subgraph
 * read it (the kit's periodBounds; SDMX TIME_PERIOD codes): a month
 * `2026-10`, a quarter `2026-Q4` or a year `2026`.
 */
export const STATISTICS_PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

export function isStatisticsPeriod(period: string): boolean {
  return STATISTICS_PERIOD.test(period);
}

/** The statistics subgraph's PeriodType of a valid period. */
export function periodTypeOf(period: string): 'MONTH' | 'QUARTER' | 'YEAR' {
  if (period.includes('Q')) return 'QUARTER';
  return period.length === 4 ? 'YEAR' : 'MONTH';
}
