/** What a release counts. Each measure is counted per person (see `ReleasePolicy.contributionCap`). */
export const MEASURES = [
  'CASES_OPENED',
  'CASES_ACTIVE',
  'CASES_CLOSED',
  'NEEDS',
  'REFERRALS_MADE',
  'REFERRALS_COMPLETED',
  'INCIDENTS',
  'INTERPRETATION_FULFILLED',
  'INTERPRETATION_UNMET',
  'SEARCHES_OPENED',
  'SEARCHES_LOCATED_ALIVE',
  'SEARCHES_LOCATED_DECEASED',
  'SERVICES',
] as const;

export type Measure = (typeof MEASURES)[number];

/** Measures that count services, not people: they spend no person-level privacy budget. */
export const NON_PERSON_MEASURES: readonly Measure[] = ['SERVICES'];

/** Stocks (counted at the end of a period) rather than flows: a roll-up takes the last month, not the sum. */
export const STOCK_MEASURES: readonly Measure[] = ['SERVICES'];

/**
 * Need categories one case counts in, at most (the first ones she named).
 * The cases extract enforces the same bound (its NEEDS_CATEGORIES_PER_CASE):
 * without one, a person with every need would move 21 cells of each NEEDS
 * table and the recorded ε would understate her privacy loss.
 */
export const NEEDS_CATEGORIES_PER_CASE = 3;

/**
 * Records one contribution (a case, a search, a request) puts into a measure:
 * 1, except NEEDS, where a case counts once in each of up to
 * {@link NEEDS_CATEGORIES_PER_CASE} categories. A person moves each published
 * cell set of a measure by up to `contributionCap × recordsPerContribution`;
 * the ε accounting and the cap on `personKeyHash` rows both use it.
 */
export function recordsPerContribution(measure: Measure): number {
  return measure === 'NEEDS' ? NEEDS_CATEGORIES_PER_CASE : 1;
}
