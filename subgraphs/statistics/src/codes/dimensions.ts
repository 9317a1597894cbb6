/**
 * The dimensions a statistic can be broken down by, in their canonical order
 * (the order of a cell's key). Migration status is not one of them and must
 * never become one (ARCHITECTURE.md, invariant F4): the GraphQL enum is
 * generated from nothing else, so asking for it fails validation.
 */
export const DIMENSIONS = [
  'COUNTRY',
  'NATIONALITY',
  'SEX',
  'AGE_GROUP',
  'PHASE',
  'DISABILITY',
  'INDIGENOUS_LANGUAGE',
  'CATEGORY',
  'VIOLENCE_TYPE',
  'LANGUAGE',
] as const;

export type Dimension = (typeof DIMENSIONS)[number];

/** SDMX code for "all values of this dimension": the code a margin carries. */
export const TOTAL_CODE = '_T';

/** Sorts dimensions into canonical order, so [SEX, COUNTRY] and [COUNTRY, SEX] are one table. */
export function canonicalDimensions(dimensions: readonly Dimension[]): Dimension[] {
  return [...dimensions].sort((a, b) => DIMENSIONS.indexOf(a) - DIMENSIONS.indexOf(b));
}
