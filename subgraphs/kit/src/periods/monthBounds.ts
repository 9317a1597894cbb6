import { badUserInput } from '../errors/AmparoError.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A calendar month in UTC: `start` inclusive, `end` exclusive (ISO instants). */
export interface MonthBounds {
  readonly start: string;
  readonly end: string;
}

/**
 * Parses a statistics period `YYYY-MM` (every owning subgraph's extract takes
 * one); anything else is BAD_USER_INPUT on `field`.
 */
export function monthBounds(period: string, field = 'period'): MonthBounds {
  const match = MONTH.exec(period);
  if (!match) throw badUserInput(field, 'must be a calendar month written YYYY-MM, e.g. "2026-10"');
  const year = Number(match[1]);
  const month = Number(match[2]);
  return {
    start: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
    end: new Date(Date.UTC(year, month, 1)).toISOString(),
  };
}
