import { describe, expect, it } from 'vitest';
import { AmparoError } from '../errors/AmparoError.js';
import { monthBounds } from './monthBounds.js';

describe('monthBounds', () => {
  it('gives the UTC month, rolling December into January and leap Februaries alike', () => {
    expect(monthBounds('2026-03')).toEqual({ start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' });
    expect(monthBounds('2026-12').end).toBe('2027-01-01T00:00:00.000Z');
    expect(monthBounds('2028-02').end).toBe('2028-03-01T00:00:00.000Z');
  });

  it.each(['2026-13', '2026-3', '2026', '2026-Q1', '2026-10-01', "2026-10'; DROP TABLE x"])(
    'refuses %s on the named field',
    (period) => {
      try {
        monthBounds(period, 'input.period');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AmparoError);
        expect((error as AmparoError).extensions).toMatchObject({ field: 'input.period' });
      }
    },
  );
});
