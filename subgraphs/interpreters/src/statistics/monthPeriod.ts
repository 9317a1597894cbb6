import { badUserInput } from '@amparo/kit';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The UTC instants [from, to) of a calendar month given as 'YYYY-MM'. */
export function monthPeriod(field: string, period: string): { from: string; to: string } {
  const match = MONTH.exec(period);
  if (!match) throw badUserInput(field, "must be a calendar month 'YYYY-MM', e.g. 2026-10");
  const year = Number(match[1]);
  const month = Number(match[2]);
  return {
    from: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
    to: new Date(Date.UTC(year, month, 1)).toISOString(),
  };
}
