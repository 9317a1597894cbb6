import { describe, expect, it } from 'vitest';
import { monthEnd } from './monthEnd.js';

describe('monthEnd', () => {
  it('is the first instant of the next month in UTC, December rolling into January', () => {
    expect(monthEnd('2026-03')).toBe('2026-04-01T00:00:00.000Z');
    expect(monthEnd('2026-12')).toBe('2027-01-01T00:00:00.000Z');
    expect(monthEnd('2028-02')).toBe('2028-03-01T00:00:00.000Z');
  });

  it('refuses anything but YYYY-MM with BAD_USER_INPUT on `period`', () => {
    for (const period of ['2026-00', '2026-13', '26-01', '2026-1', '2026-Q1', '2026', ' 2026-01']) {
      expect(() => monthEnd(period)).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ field: 'period' }) }),
      );
    }
  });
});
