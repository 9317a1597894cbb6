const DAY_MS = 86_400_000;

/**
 * How far back the schedule looks: periods that closed (grace included)
 * within the last year. Older periods are history; publish them by hand with
 * `npm run stats:publish -- --period …` if they were never published.
 * @default 366
 */
export const SCHEDULE_LOOKBACK_DAYS = 366;

interface ClosedPeriod {
  readonly period: string;
  /** First instant after the period, UTC milliseconds. */
  readonly end: number;
  /** 1 month, 2 quarter, 3 year: the month that closes a quarter comes before it. */
  readonly rank: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

// Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as written.
function firstOfMonth(year: number, month0: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month0, 1);
  return date.getTime();
}

/**
 * The months (`2026-10`), quarters (`2026-Q4`) and years (`2026`) that ended
 * at least `graceDays` days before `now` — so that records entered late
 * still make it in — and no more than `lookbackDays` before that. Oldest
 * first; a month before the quarter and the year it closes.
 */
export function closedPeriods(now: Date, graceDays: number, lookbackDays = SCHEDULE_LOOKBACK_DAYS): string[] {
  const latestEnd = now.getTime() - graceDays * DAY_MS;
  const earliestEnd = latestEnd - lookbackDays * DAY_MS;
  const found: ClosedPeriod[] = [];
  const add = (period: string, end: number, rank: number) => {
    if (end > earliestEnd && end <= latestEnd) found.push({ period, end, rank });
  };
  const lastYear = new Date(latestEnd).getUTCFullYear();
  for (let year = new Date(earliestEnd).getUTCFullYear() - 1; year <= lastYear; year += 1) {
    const y = pad(year, 4);
    for (let month = 1; month <= 12; month += 1) add(`${y}-${pad(month, 2)}`, firstOfMonth(year, month), 1);
    for (let quarter = 1; quarter <= 4; quarter += 1) add(`${y}-Q${quarter}`, firstOfMonth(year, quarter * 3), 2);
    add(y, firstOfMonth(year + 1, 0), 3);
  }
  return found.sort((a, b) => a.end - b.end || a.rank - b.rank).map((p) => p.period);
}

/**
 * The scheduled pipeline's decision (issue 8): which periods to publish now —
 * every month, quarter and year closed plus the grace period (within the
 * lookback) that has no release yet. Pure: the clock and what is already
 * published are handed in.
 */
export function duePeriods(options: {
  now: Date;
  graceDays: number;
  /** Periods that already have a release. */
  published: ReadonlySet<string>;
  lookbackDays?: number;
}): string[] {
  return closedPeriods(options.now, options.graceDays, options.lookbackDays).filter(
    (period) => !options.published.has(period),
  );
}
