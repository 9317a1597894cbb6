/** A period as a half-open interval of instants [start, end), UTC milliseconds. */
export interface PeriodInterval {
  readonly start: number;
  readonly end: number;
}

/**
 * The interval a period code covers: '2026' (year), '2026-Q3' (quarter),
 * '2026-07' (month) or '2026-07-15' (day, for startPeriod/endPeriod and
 * asOf). Null when the text is none of these or not a real date.
 */
export function periodInterval(code: string): PeriodInterval | null {
  let match = /^(\d{4})$/.exec(code);
  if (match) {
    const year = Number(match[1]);
    return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(code);
  if (match) {
    const [year, quarter] = [Number(match[1]), Number(match[2])];
    return { start: Date.UTC(year, (quarter - 1) * 3, 1), end: Date.UTC(year, quarter * 3, 1) };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code);
  if (match) {
    const [year, month0] = [Number(match[1]), Number(match[2]) - 1];
    return { start: Date.UTC(year, month0, 1), end: Date.UTC(year, month0 + 1, 1) };
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(code);
  if (match) {
    const [year, month0, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
    const start = Date.UTC(year, month0, day);
    // Date.UTC rolls 2026-02-30 over into March; a date that does not round-trip is not a date.
    if (new Date(start).toISOString().slice(0, 10) !== code) return null;
    return { start, end: start + 86_400_000 };
  }
  return null;
}

/**
 * The instant an `asOf` stands for: a date means the end of that day (UTC),
 * so releases published that day count; a full ISO 8601 date-time with a
 * zone is taken as is. Null when unreadable.
 */
export function asOfInstant(raw: string): Date | null {
  const day = periodInterval(raw);
  if (day && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return new Date(day.end - 1);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) return null;
  const instant = new Date(raw);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * True when `period` lies inside the window: it starts on or after the start
 * of `from` and ends on or before the end of `to` (SDMX startPeriod and
 * endPeriod are inclusive).
 */
export function withinWindow(period: PeriodInterval, from: PeriodInterval | null, to: PeriodInterval | null): boolean {
  return (from === null || period.start >= from.start) && (to === null || period.end <= to.end);
}
