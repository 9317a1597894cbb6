import { describe, expect, it } from 'vitest';
import { codesOf } from '../codes/codeLists.js';
import { DEFAULT_RELEASE_POLICY } from '../disclosure/releasePolicy.js';
import { publishedDimensionSets } from '../measures/publishedTables.js';
import { computeRelease } from './computeRelease.js';
import type { PeriodExtract } from './extract.js';

const extract: PeriodExtract = {
  period: '2026-10',
  periodType: 'MONTH',
  measures: {
    INTERPRETATION_UNMET: [
      { codes: { COUNTRY: 'GT', LANGUAGE: 'mam' }, count: 500 },
      { codes: { COUNTRY: 'MX', LANGUAGE: 'tzo' }, count: 3 },
    ],
  },
};

describe('computeRelease', () => {
  const release = computeRelease(extract, DEFAULT_RELEASE_POLICY, 'a unit test');

  it('publishes every code of every published set once, margins included', () => {
    // Grand total, then each country, then each language.
    expect(release.cells).toHaveLength(1 + codesOf('COUNTRY').length + codesOf('LANGUAGE').length);
    expect(new Set(release.cells.map((c) => c.key)).size).toBe(release.cells.length);
    expect(release.tables).toEqual({ INTERPRETATION_UNMET: [['COUNTRY'], ['LANGUAGE']] });
  });

  it('keeps no true count: only protected values leave the computation', () => {
    for (const cell of release.cells) {
      expect(Object.keys(cell).sort()).toEqual([
        'codes',
        'dimensions',
        'key',
        'lower',
        'measure',
        'ordinal',
        'suppressed',
        'upper',
        'value',
      ]);
    }
    const small = release.cells.find((c) => c.key === 'COUNTRY=MX');
    const large = release.cells.find((c) => c.key === 'COUNTRY=GT');
    expect(large?.suppressed).toBe(false);
    expect(Math.abs((large?.value as number) - 500)).toBeLessThan(60);
    // 3 + noise ≥ 11 happens with probability ≈ 0.05; accept either but never a value below the threshold.
    if (!small?.suppressed) expect(small?.value).toBeGreaterThanOrEqual(11);
  });

  it('accounts ε over every cell a person can move', () => {
    const sets = publishedDimensionSets([['COUNTRY'], ['LANGUAGE']]).length;
    expect(sets).toBe(3);
    expect(release.method.epsilonPerCell).toBeCloseTo(1 / 3);
    expect(release.method.epsilon).toBeCloseTo(sets / 3);
    expect(release.method.description).toMatch(/a unit test/);
  });

  it('refuses an extract with a code outside the code lists', () => {
    const bad: PeriodExtract = {
      ...extract,
      measures: { INTERPRETATION_UNMET: [{ codes: { COUNTRY: 'XX', LANGUAGE: 'mam' }, count: 1 }] },
    };
    expect(() => computeRelease(bad, DEFAULT_RELEASE_POLICY, 'test')).toThrow(/fine cell code/);
  });
});
