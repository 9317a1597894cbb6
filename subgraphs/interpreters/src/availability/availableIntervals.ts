import type { AvailabilityException, WeeklySlot } from './availabilityRows.js';
import { mergeIntervals, subtractIntervals, type Interval } from './intervals.js';
import { addDays, isoDayOfWeek, localDateOf, zonedWallTimeToUtc } from './zonedTime.js';

/**
 * When an interpreter works within `window`, as UTC intervals: her weekly
 * pattern and exceptions are local wall times in `timeZone`, converted date
 * by date (so each date gets the offset in force on it). A whole-day
 * UNAVAILABLE exception drops that date's weekly hours; EXTRA hours add to
 * them; a timed UNAVAILABLE exception cuts them.
 */
export function availableIntervals(
  window: Interval,
  timeZone: string,
  weekly: readonly WeeklySlot[],
  exceptions: readonly AvailabilityException[],
): Interval[] {
  const open: Interval[] = [];
  const closed: Interval[] = [];
  const span = (date: string, startsAt: string, endsAt: string): Interval => ({
    start: zonedWallTimeToUtc(date, startsAt, timeZone),
    end: zonedWallTimeToUtc(date, endsAt, timeZone),
  });
  // One local day either side: the window's UTC ends can fall on neighbouring local dates.
  const last = addDays(localDateOf(window.end, timeZone), 1);
  for (let date = addDays(localDateOf(window.start, timeZone), -1); date <= last; date = addDays(date, 1)) {
    const todays = exceptions.filter((e) => e.date === date);
    if (!todays.some((e) => e.kind === 'UNAVAILABLE' && e.startsAt === null)) {
      const day = isoDayOfWeek(date);
      for (const slot of weekly) if (slot.dayOfWeek === day) open.push(span(date, slot.startsAt, slot.endsAt));
    }
    for (const e of todays) {
      if (e.startsAt === null || e.endsAt === null) continue;
      (e.kind === 'EXTRA' ? open : closed).push(span(date, e.startsAt, e.endsAt));
    }
  }
  return mergeIntervals(
    subtractIntervals(open, closed).map((i) => ({
      start: Math.max(i.start, window.start),
      end: Math.min(i.end, window.end),
    })),
  );
}
