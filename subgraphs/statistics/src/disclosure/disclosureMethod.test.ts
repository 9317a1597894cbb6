import { describe, expect, it } from 'vitest';
import { PUBLISHED_TABLES, publishedDimensionSets } from '../measures/publishedTables.js';
import { describeMethod } from './disclosureMethod.js';
import { DEFAULT_RELEASE_POLICY } from './releasePolicy.js';

describe('describeMethod (privacy-budget accounting)', () => {
  it('counts every published set of every person measure, NEEDS three times, SERVICES not at all', () => {
    const method = describeMethod(DEFAULT_RELEASE_POLICY, PUBLISHED_TABLES, 'a unit test');
    // Published sets (tables and margins) per measure, written out so a new table cannot change ε unnoticed:
    // CASES_OPENED 14, CASES_ACTIVE 8, CASES_CLOSED 6, NEEDS 6 × 3 categories, REFERRALS_MADE 7,
    // REFERRALS_COMPLETED 7, INCIDENTS 8, INTERPRETATION_* 3 + 3, SEARCHES_OPENED 7,
    // SEARCHES_LOCATED_ALIVE 7, SEARCHES_LOCATED_DECEASED 5: 93 set contributions at ε 1/3 each.
    expect(publishedDimensionSets(PUBLISHED_TABLES.NEEDS)).toHaveLength(6);
    expect(publishedDimensionSets(PUBLISHED_TABLES.SEARCHES_LOCATED_DECEASED)).toHaveLength(5);
    expect(method.epsilonPerCell).toBeCloseTo(1 / 3);
    expect(method.epsilon).toBe(31);
    expect(method.description).toContain('ε = 31');
    expect(method.description).toMatch(/up to 3 need categories/);
  });

  it('charges a NEEDS set three times an ordinary set, and scales with the contribution cap', () => {
    const one = describeMethod(DEFAULT_RELEASE_POLICY, { CASES_CLOSED: [['COUNTRY']] }, 'test');
    const needs = describeMethod(DEFAULT_RELEASE_POLICY, { NEEDS: [['CATEGORY']] }, 'test');
    const services = describeMethod(DEFAULT_RELEASE_POLICY, { SERVICES: [['COUNTRY', 'CATEGORY']] }, 'test');
    // Two sets each: the grand total and the one dimension.
    expect(one.epsilon).toBeCloseTo(2 / 3, 6);
    expect(needs.epsilon).toBeCloseTo(2, 6);
    expect(services.epsilon).toBe(0);
    expect(one.description).not.toMatch(/need categories/);
    const capped = describeMethod({ ...DEFAULT_RELEASE_POLICY, contributionCap: 2 }, { NEEDS: [['CATEGORY']] }, 't');
    expect(capped.epsilon).toBeCloseTo(4, 6);
  });
});
