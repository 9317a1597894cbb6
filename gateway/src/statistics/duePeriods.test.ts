import { describe, expect, it } from 'vitest';
import { closedPeriods, duePeriods } from './duePeriods.js';

const at = (iso: string) => new Date(iso);

describe('closedPeriods', () => {
  it('waits for the grace period after a month, a quarter and a year close', () => {
    // 2026-09 and 2026-Q3 ended on 1 October; with 5 days of grace they are due from 6 October 00:00 UTC.
    const early = closedPeriods(at('2026-10-05T23:59:59.999Z'), 5);
    expect(early.at(-1)).toBe('2026-08');
    expect(early).not.toContain('2026-09');
    expect(early).not.toContain('2026-Q3');
    expect(closedPeriods(at('2026-10-06T00:00:00Z'), 5).slice(-3)).toEqual(['2026-08', '2026-09', '2026-Q3']);
    expect(closedPeriods(at('2027-01-05T12:00:00Z'), 5)).not.toContain('2026');
    expect(closedPeriods(at('2027-01-06T00:00:00Z'), 5).slice(-4)).toEqual(['2026-11', '2026-12', '2026-Q4', '2026']);
  });

  it('never offers a period that has not ended, even with no grace', () => {
    const periods = closedPeriods(at('2026-10-15T00:00:00Z'), 0);
    expect(periods.slice(-2)).toEqual(['2026-09', '2026-Q3']);
    expect(periods).not.toContain('2026-10');
    expect(periods).not.toContain('2026-Q4');
    expect(periods).not.toContain('2026');
    expect(closedPeriods(at('2026-10-01T00:00:00Z'), 0).slice(-2)).toEqual(['2026-09', '2026-Q3']);
  });

  it('looks back one year: twelve-odd months, four quarters, the last year, oldest first', () => {
    const periods = closedPeriods(at('2026-11-23T08:00:00Z'), 5);
    expect(periods).toEqual([
      '2025-11',
      '2025-12',
      '2025-Q4',
      '2025',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-Q1',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-Q2',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-Q3',
      '2026-10',
    ]);
    expect(closedPeriods(at('2026-11-23T08:00:00Z'), 5, 31)).toEqual(['2026-10']);
  });
});

describe('duePeriods', () => {
  it('leaves out every period that already has a release', () => {
    const now = at('2026-11-23T08:00:00Z');
    const all = closedPeriods(now, 5);
    const published = new Set(all.filter((p) => p !== '2026-Q3' && p !== '2026-10'));
    expect(duePeriods({ now, graceDays: 5, published })).toEqual(['2026-Q3', '2026-10']);
    expect(duePeriods({ now, graceDays: 5, published: new Set(all) })).toEqual([]);
    expect(duePeriods({ now, graceDays: 5, published: new Set() })).toEqual(all);
  });

  it('depends on the clock it is given only', () => {
    const published = new Set(['2026-09']);
    const early = duePeriods({ now: at('2026-10-03T00:00:00Z'), graceDays: 5, published, lookbackDays: 40 });
    const later = duePeriods({ now: at('2026-10-07T00:00:00Z'), graceDays: 5, published, lookbackDays: 40 });
    expect(early).toEqual(['2026-08']);
    expect(later).toEqual(['2026-08', '2026-Q3']);
  });
});
