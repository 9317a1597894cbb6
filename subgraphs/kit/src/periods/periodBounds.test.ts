import { describe, expect, it } from 'vitest';
import { AmparoError } from '../errors/AmparoError.js';
import { periodBounds } from './periodBounds.js';

describe('periodBounds', () => {
  it('gives the UTC month, rolling December into January and leap Februaries alike', () => {
    expect(periodBounds('2026-03')).toEqual({
      kind: 'MONTH',
      start: '2026-03-01T00:00:00.000Z',
      end: '2026-04-01T00:00:00.000Z',
    });
    expect(periodBounds('2026-12').end).toBe('2027-01-01T00:00:00.000Z');
    expect(periodBounds('2028-02').end).toBe('2028-03-01T00:00:00.000Z');
  });

  it('gives quarters of three months and the calendar year', () => {
    expect(periodBounds('2026-Q1')).toEqual({
      kind: 'QUARTER',
      start: '2026-01-01T00:00:00.000Z',
      end: '2026-04-01T00:00:00.000Z',
    });
    expect(periodBounds('2026-Q3')).toMatchObject({
      start: '2026-07-01T00:00:00.000Z',
      end: '2026-10-01T00:00:00.000Z',
    });
    expect(periodBounds('2026-Q4').end).toBe('2027-01-01T00:00:00.000Z');
    expect(periodBounds('2026')).toEqual({
      kind: 'YEAR',
      start: '2026-01-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
  });

  it('takes a year as written, not as 19xx', () => {
    expect(periodBounds('0026').start).toBe('0026-01-01T00:00:00.000Z');
  });

  it.each([
    '2026-Q5',
    '2026-Q0',
    '2026-13',
    '2026-00',
    '26',
    '2026-3',
    '2026-q1',
    '2026-10-01',
    '',
    "2026'; DROP TABLE x",
  ])('refuses %j on the named field', (period) => {
    try {
      periodBounds(period, 'input.period');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AmparoError);
      expect((error as AmparoError).code).toBe('BAD_USER_INPUT');
      expect((error as AmparoError).extensions).toMatchObject({ field: 'input.period' });
    }
  });
});
