import { describe, expect, it } from 'vitest';
import { loadReleasePolicy } from '../config/statisticsConfig.js';
import { DEFAULT_RELEASE_POLICY } from '../disclosure/releasePolicy.js';
import type { UniformInt } from '../disclosure/uniformInt.js';
import { computeReleaseFromExtracts, fineDimensionsOf } from './computeReleaseFromExtracts.js';
import type { StatisticsExtract } from './statisticsExtract.js';

const dims = (country: string, language: string) => ({ COUNTRY: country, LANGUAGE: language });

describe('computeReleaseFromExtracts (the extract contract)', () => {
  it('names the fine dimensions an owning subgraph must deliver per measure', () => {
    expect(fineDimensionsOf('INTERPRETATION_UNMET')).toEqual(['COUNTRY', 'LANGUAGE']);
    expect(fineDimensionsOf('CASES_OPENED')).toEqual([
      'COUNTRY',
      'NATIONALITY',
      'SEX',
      'AGE_GROUP',
      'PHASE',
      'DISABILITY',
      'INDIGENOUS_LANGUAGE',
    ]);
  });

  it('names the fine dimensions of the case, needs and deceased measures', () => {
    expect(fineDimensionsOf('CASES_ACTIVE')).toEqual(['COUNTRY', 'SEX', 'AGE_GROUP', 'PHASE']);
    expect(fineDimensionsOf('CASES_CLOSED')).toEqual(['COUNTRY', 'SEX', 'AGE_GROUP']);
    expect(fineDimensionsOf('NEEDS')).toEqual(['COUNTRY', 'SEX', 'CATEGORY']);
    // Deceased identifications: never more breakdowns than located alive, and no nationality.
    const alive = fineDimensionsOf('SEARCHES_LOCATED_ALIVE');
    const deceased = fineDimensionsOf('SEARCHES_LOCATED_DECEASED');
    expect(deceased).toEqual(['COUNTRY', 'SEX', 'AGE_GROUP']);
    expect(deceased.every((d) => alive.includes(d))).toBe(true);
  });

  it('caps a person’s NEEDS rows at three categories per contribution, and refuses a nationality on deaths', () => {
    const need = (category: string, count: number, personKeyHash?: string) => ({
      measure: 'NEEDS' as const,
      dims: { COUNTRY: 'GT', SEX: 'F', CATEGORY: category },
      count,
      ...(personKeyHash ? { personKeyHash } : {}),
    });
    // 200 women with four needs each, one row per need (her first three come first): three count, never the fourth.
    const women = Array.from({ length: 200 }, (_, i) => `h${i}`);
    const rows = women.flatMap((h) => ['SHELTER', 'FOOD', 'HEALTH', 'LEGAL_AID'].map((c) => need(c, 1, h)));
    // One woman whose extract row claims 300 records in one category: her three at most.
    const release = computeReleaseFromExtracts(
      [{ period: '2026-10', cells: [...rows, need('EDUCATION', 300, 'hx'), need('EDUCATION', 400)] }],
      DEFAULT_RELEASE_POLICY,
      'test',
    );
    const value = (key: string) => release.cells.find((c) => c.measure === 'NEEDS' && c.key === key)?.value ?? 0;
    for (const category of ['SHELTER', 'FOOD', 'HEALTH']) {
      expect(Math.abs(value(`CATEGORY=${category}`) - 200), category).toBeLessThan(60);
    }
    expect(value('CATEGORY=LEGAL_AID')).toBeLessThan(60);
    expect(Math.abs(value('CATEGORY=EDUCATION') - 403)).toBeLessThan(60);
    expect(Math.abs(value('') - 1003)).toBeLessThan(60);
    expect(() =>
      computeReleaseFromExtracts(
        [
          {
            period: '2026-10',
            cells: [
              {
                measure: 'SEARCHES_LOCATED_DECEASED',
                dims: { COUNTRY: 'MX', NATIONALITY: 'HN', SEX: 'F', AGE_GROUP: 'Y18T24' },
                count: 1,
              },
            ],
          },
        ],
        DEFAULT_RELEASE_POLICY,
        'test',
      ),
    ).toThrow(/exactly COUNTRY, SEX, AGE_GROUP/);
  });

  it('merges the extracts of several subgraphs and caps each person at the contribution cap', () => {
    // A large noise scale would hide the cap; with a huge count the effect of the cap is unmistakable.
    const extracts: StatisticsExtract[] = [
      {
        period: '2026-10',
        cells: [
          { measure: 'INTERPRETATION_UNMET', dims: dims('MX', 'tzo'), count: 400 },
          // One person with 300 records: counts once with the default cap of 1.
          { measure: 'INTERPRETATION_UNMET', dims: dims('GT', 'mam'), count: 300, personKeyHash: 'h1' },
          { measure: 'INTERPRETATION_UNMET', dims: dims('GT', 'mam'), count: 5, personKeyHash: 'h1' },
        ],
      },
      {
        period: '2026-10',
        periodType: 'MONTH',
        cells: [{ measure: 'INTERPRETATION_UNMET', dims: dims('MX', 'tzo'), count: 100 }],
      },
    ];
    const release = computeReleaseFromExtracts(extracts, DEFAULT_RELEASE_POLICY, 'test');
    expect(release.period).toBe('2026-10');
    expect(release.periodType).toBe('MONTH');
    const value = (key: string) => release.cells.find((c) => c.key === key)?.value ?? null;
    expect(Math.abs((value('COUNTRY=MX') as number) - 500)).toBeLessThan(60);
    // GT holds one capped person: suppressed unless noise pushes 1 past 11 (p ≈ 0.02); never near 305.
    expect(value('COUNTRY=GT') ?? 0).toBeLessThan(60);
  });

  it('records the configured policy in the release method', () => {
    const policy = loadReleasePolicy({
      STATISTICS_THRESHOLD: '25',
      STATISTICS_NOISE_SCALE: '5/2',
      STATISTICS_CONTRIBUTION_CAP: '2',
    });
    const release = computeReleaseFromExtracts(
      [{ period: '2026-Q3', cells: [{ measure: 'INTERPRETATION_UNMET', dims: dims('MX', 'tzo'), count: 3 }] }],
      policy,
      'test',
    );
    expect(release.periodType).toBe('QUARTER');
    expect(release.method).toMatchObject({
      threshold: 25,
      noiseScale: { numerator: 5, denominator: 2 },
      contributionCap: 2,
      epsilonPerCell: 0.4,
    });
    expect(release.method.description).toMatch(/below 25/);
    for (const cell of release.cells) if (!cell.suppressed) expect(cell.value).toBeGreaterThanOrEqual(25);
  });

  it('refuses a dimension outside the fixed list — migration status above all — and a wrong shape', () => {
    const bad =
      (cell: Record<string, unknown>, period = '2026-10') =>
      () =>
        computeReleaseFromExtracts([{ period, cells: [cell as never] }], DEFAULT_RELEASE_POLICY, 'test');
    expect(
      bad({ measure: 'INTERPRETATION_UNMET', dims: { ...dims('MX', 'tzo'), MIGRATION_STATUS: 'IRREGULAR' }, count: 1 }),
    ).toThrow(/outside the fixed list/);
    expect(bad({ measure: 'INTERPRETATION_UNMET', dims: { COUNTRY: 'MX' }, count: 1 })).toThrow(
      /exactly COUNTRY, LANGUAGE/,
    );
    expect(bad({ measure: 'DEPORTATIONS', dims: {}, count: 1 })).toThrow(/published measure/);
    expect(bad({ measure: 'INTERPRETATION_UNMET', dims: dims('MX', 'tzo'), count: -1 })).toThrow(/whole numbers/);
    expect(bad({ measure: 'INTERPRETATION_UNMET', dims: dims('MX', 'tzo'), count: 1 }, '2026-13')).toThrow(/period/);
    expect(() =>
      computeReleaseFromExtracts(
        [
          { period: '2026-10', cells: [] },
          { period: '2026-11', cells: [] },
        ],
        DEFAULT_RELEASE_POLICY,
        'test',
      ),
    ).toThrow(/same period/);
  });

  it('draws the noise through the given source of randomness only', () => {
    let draws = 0;
    const counting: UniformInt = (bound) => {
      draws++;
      return Math.floor(Math.random() * bound);
    };
    computeReleaseFromExtracts(
      [{ period: '2026', cells: [{ measure: 'INTERPRETATION_UNMET', dims: dims('MX', 'tzo'), count: 30 }] }],
      DEFAULT_RELEASE_POLICY,
      'test',
      counting,
    );
    expect(draws).toBeGreaterThan(0);
  });
});
