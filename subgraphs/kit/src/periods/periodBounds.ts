import { badUserInput } from '../errors/AmparoError.js';

/** The three lengths a statistics release covers (issue 8: monthly, with quarterly and yearly releases). */
export type PeriodKind = 'MONTH' | 'QUARTER' | 'YEAR';

/** A statistics period in UTC: `start` inclusive, `end` exclusive (ISO instants). */
export interface PeriodBounds {
  readonly kind: PeriodKind;
  readonly start: string;
  readonly end: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as written.
function firstOfMonth(year: number, month0: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month0, 1);
  return date.toISOString();
}

/**
 * Parses a statistics period — a month `YYYY-MM`, a quarter `YYYY-Qn` or a
 * year `YYYY` — into its UTC bounds. Every owning subgraph's extract takes
 * one; anything else is BAD_USER_INPUT on `field`.
 */
export function periodBounds(period: string, field = 'period'): PeriodBounds {
  let match = MONTH.exec(period);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    return { kind: 'MONTH', start: firstOfMonth(year, month - 1), end: firstOfMonth(year, month) };
  }
  match = QUARTER.exec(period);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    return { kind: 'QUARTER', start: firstOfMonth(year, (quarter - 1) * 3), end: firstOfMonth(year, quarter * 3) };
  }
  match = YEAR.exec(period);
  if (match) {
    const year = Number(match[1]);
    return { kind: 'YEAR', start: firstOfMonth(year, 0), end: firstOfMonth(year + 1, 0) };
  }
  throw badUserInput(field, 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY, e.g. "2026-10" or "2026-Q4"');
}
