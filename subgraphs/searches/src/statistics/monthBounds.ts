import { badUserInput } from '@amparo/kit';

/** One calendar month in UTC: `start` inclusive, `end` exclusive, both ISO 8601 instants. */
export interface MonthBounds {
  readonly start: string;
  readonly end: string;
}

/** Parses an extract period 'YYYY-MM' into its UTC month; anything else is BAD_USER_INPUT on `period`. */
export function monthBounds(period: string): MonthBounds {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!match) throw badUserInput('period', 'must be a month, YYYY-MM');
  const year = Number(match[1]);
  const month = Number(match[2]);
  // Date.UTC rolls month 12 over into January of the next year.
  return {
    start: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
    end: new Date(Date.UTC(year, month, 1)).toISOString(),
  };
}
