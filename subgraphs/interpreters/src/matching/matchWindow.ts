import type { Interval } from '../availability/intervals.js';

/** How soon a NOW session must start. @default 30 minutes */
export const NOW_START_WITHIN_MS = 30 * 60_000;

/**
 * The span a session may occupy, as of `now`: for NOW, starting within 30
 * minutes; for SCHEDULED, the requested window without its past part.
 */
export function matchWindow(
  request: { urgency: 'NOW' | 'SCHEDULED'; windowStartsAt: string; windowEndsAt: string; durationMinutes: number },
  now: number,
): Interval {
  if (request.urgency === 'NOW')
    return { start: now, end: now + NOW_START_WITHIN_MS + request.durationMinutes * 60_000 };
  return { start: Math.max(Date.parse(request.windowStartsAt), now), end: Date.parse(request.windowEndsAt) };
}
