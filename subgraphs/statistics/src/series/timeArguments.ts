import { badUserInput } from '@amparo/kit';
import { asOfInstant, periodInterval, type PeriodInterval } from './timePeriod.js';

/** `asOf` of a GraphQL query: an ISO date or date-time, or BAD_USER_INPUT naming the field. */
export function asOfArgument(raw: string | null | undefined, field = 'asOf'): Date | null {
  if (raw === null || raw === undefined) return null;
  const instant = asOfInstant(raw);
  if (!instant) throw badUserInput(field, 'must be an ISO 8601 date (YYYY-MM-DD) or date-time with a zone');
  return instant;
}

/** `from`/`to` of a series: a period code (YYYY, YYYY-Qn, YYYY-MM) or a date. */
export function periodArgument(raw: string | null | undefined, field: string): PeriodInterval | null {
  if (raw === null || raw === undefined) return null;
  const interval = periodInterval(raw);
  if (!interval) throw badUserInput(field, 'must be YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD');
  return interval;
}
