import { canonicalDimensions, type Dimension } from '../codes/dimensions.js';
import type { Measure } from './measures.js';

/**
 * The fixed, documented tables every release publishes (issue 8, "Fixed
 * groupings"). Only these dimension sets and their margins exist; a caller
 * cannot ask for another grouping, so overlapping groupings cannot be
 * differenced. At most two dimensions per table keeps cells large enough to
 * survive the threshold.
 */
export const PUBLISHED_TABLES: Readonly<Record<Measure, readonly (readonly Dimension[])[]>> = Object.freeze({
  CASES_OPENED: [
    ['COUNTRY', 'SEX'],
    ['SEX', 'AGE_GROUP'],
    ['NATIONALITY', 'SEX'],
    ['COUNTRY', 'PHASE'],
    ['SEX', 'DISABILITY'],
    ['SEX', 'INDIGENOUS_LANGUAGE'],
  ],
  // The caseload of the period: fewer tables than CASES_OPENED, since one person counts here month after month.
  CASES_ACTIVE: [
    ['COUNTRY', 'SEX'],
    ['SEX', 'AGE_GROUP'],
    ['COUNTRY', 'PHASE'],
  ],
  // The closure reason is not a dimension: with country, sex and age it would single out the rare reasons.
  CASES_CLOSED: [
    ['COUNTRY', 'SEX'],
    ['SEX', 'AGE_GROUP'],
  ],
  // One case counts in up to three categories, so every NEEDS cell set costs three times the budget: two tables only.
  NEEDS: [
    ['COUNTRY', 'CATEGORY'],
    ['SEX', 'CATEGORY'],
  ],
  REFERRALS_MADE: [
    ['COUNTRY', 'CATEGORY'],
    ['SEX', 'AGE_GROUP'],
  ],
  REFERRALS_COMPLETED: [
    ['COUNTRY', 'CATEGORY'],
    ['SEX', 'AGE_GROUP'],
  ],
  INCIDENTS: [
    ['PHASE', 'VIOLENCE_TYPE'],
    ['COUNTRY', 'VIOLENCE_TYPE'],
    ['AGE_GROUP', 'VIOLENCE_TYPE'],
  ],
  INTERPRETATION_FULFILLED: [['COUNTRY'], ['LANGUAGE']],
  INTERPRETATION_UNMET: [['COUNTRY'], ['LANGUAGE']],
  SEARCHES_OPENED: [['NATIONALITY', 'SEX'], ['SEX', 'AGE_GROUP'], ['COUNTRY']],
  SEARCHES_LOCATED_ALIVE: [['NATIONALITY', 'SEX'], ['SEX', 'AGE_GROUP'], ['COUNTRY']],
  // Deceased identifications are the most sensitive count: fewer dimensions than located alive (no nationality).
  SEARCHES_LOCATED_DECEASED: [['SEX', 'AGE_GROUP'], ['COUNTRY']],
  SERVICES: [['COUNTRY', 'CATEGORY']],
});

const setKey = (dimensions: readonly Dimension[]) => canonicalDimensions(dimensions).join(',');

/**
 * Every dimension set published for `measure`: the tables and all their
 * margins (every subset, down to the grand total), each once, in canonical
 * order. A margin shared by two tables is one cell with one noise draw, so
 * the tables agree on it.
 */
export function publishedDimensionSets(tables: readonly (readonly Dimension[])[]): Dimension[][] {
  const sets = new Map<string, Dimension[]>();
  for (const table of tables) {
    const dims = canonicalDimensions(table);
    for (let mask = 0; mask < 1 << dims.length; mask++) {
      const subset = dims.filter((_, i) => mask & (1 << i));
      sets.set(setKey(subset), subset);
    }
  }
  return [...sets.values()].sort((a, b) => a.length - b.length || setKey(a).localeCompare(setKey(b)));
}

/** True when `dimensions` is one of the published sets (a table or one of its margins). */
export function isPublishedSet(tables: readonly (readonly Dimension[])[], dimensions: readonly Dimension[]): boolean {
  const key = setKey(dimensions);
  return publishedDimensionSets(tables).some((set) => setKey(set) === key);
}
