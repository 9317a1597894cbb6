import { badUserInput } from '@amparo/kit';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The calendar month `period` ('YYYY-MM') as a half-open UTC range of ISO 8601 instants. */
export function extractMonth(period: string): { start: string; end: string } {
  const match = MONTH.exec(period);
  if (!match) throw badUserInput('period', 'must be a calendar month written YYYY-MM, e.g. "2026-10"');
  const year = Number(match[1]);
  const month = Number(match[2]);
  // Date.UTC rolls month 12 over into January of the next year.
  return {
    start: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
    end: new Date(Date.UTC(year, month, 1)).toISOString(),
  };
}
