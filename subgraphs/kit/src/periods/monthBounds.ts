import { badUserInput } from '../errors/AmparoError.js';
import { periodBounds } from './periodBounds.js';

/** A calendar month in UTC: `start` inclusive, `end` exclusive (ISO instants). */
export interface MonthBounds {
  readonly start: string;
  readonly end: string;
}

const NOT_A_MONTH = 'must be a calendar month written YYYY-MM, e.g. "2026-10"';

/**
 * Parses a calendar month `YYYY-MM` only; anything else — quarters and years
 * included — is BAD_USER_INPUT on `field`. Statistics extracts take any
 * period: they use {@link periodBounds}.
 */
export function monthBounds(period: string, field = 'period'): MonthBounds {
  let bounds: ReturnType<typeof periodBounds>;
  try {
    bounds = periodBounds(period, field);
  } catch {
    throw badUserInput(field, NOT_A_MONTH);
  }
  if (bounds.kind !== 'MONTH') throw badUserInput(field, NOT_A_MONTH);
  return { start: bounds.start, end: bounds.end };
}
