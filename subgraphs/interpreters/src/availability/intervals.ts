/** A half-open span of time [start, end) in UTC milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Sorts and joins overlapping or touching intervals (a shift ending at 24:00 meets the next day's 00:00). */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    } else {
      merged.push(interval);
    }
  }
  return merged;
}

/** `from` minus every interval of `remove`. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  let result = mergeIntervals(from);
  for (const cut of mergeIntervals(remove)) {
    result = result.flatMap((i) => {
      if (cut.end <= i.start || cut.start >= i.end) return [i];
      const pieces: Interval[] = [];
      if (cut.start > i.start) pieces.push({ start: i.start, end: cut.start });
      if (cut.end < i.end) pieces.push({ start: cut.end, end: i.end });
      return pieces;
    });
  }
  return result;
}

/** The earliest start of a `durationMs` stretch inside `free`, or null. */
export function firstFit(free: readonly Interval[], durationMs: number): number | null {
  for (const interval of mergeIntervals(free)) {
    if (interval.end - interval.start >= durationMs) return interval.start;
  }
  return null;
}
