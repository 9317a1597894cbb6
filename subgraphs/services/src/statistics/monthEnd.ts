import { badUserInput } from '@amparo/kit';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The first instant after the calendar month `period` ('YYYY-MM', UTC), as an
 * ISO 8601 timestamp: the stock is counted at this boundary.
 */
export function monthEnd(period: string): string {
  const match = MONTH.exec(period);
  if (!match) throw badUserInput('period', 'must be a calendar month written YYYY-MM, e.g. "2026-10"');
  const [, year, month] = match;
  // Date.UTC rolls month 12 over into January of the next year.
  return new Date(Date.UTC(Number(year), Number(month), 1)).toISOString();
}
