/** What a release counts. Each measure is counted per person (see `ReleasePolicy.contributionCap`). */
export const MEASURES = [
  'CASES_OPENED',
  'REFERRALS_MADE',
  'REFERRALS_COMPLETED',
  'INCIDENTS',
  'INTERPRETATION_FULFILLED',
  'INTERPRETATION_UNMET',
  'SEARCHES_OPENED',
  'SEARCHES_LOCATED_ALIVE',
  'SERVICES',
] as const;

export type Measure = (typeof MEASURES)[number];

/** Measures that count services, not people: they spend no person-level privacy budget. */
export const NON_PERSON_MEASURES: readonly Measure[] = ['SERVICES'];

/** Stocks (counted at the end of a period) rather than flows: a roll-up takes the last month, not the sum. */
export const STOCK_MEASURES: readonly Measure[] = ['SERVICES'];
