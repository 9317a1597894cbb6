/**
 * Wall-clock ↔ UTC conversion for IANA time zones with nothing but
 * `Intl.DateTimeFormat` (Node 20 has no Temporal). Availability is stored as
 * local wall times; matching turns them into UTC instants date by date, so a
 * daylight-saving change moves a 09:00 shift by an hour in UTC, as it should.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA name this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock at `instant` in `timeZone`, read as if it were UTC (ms). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** UTC offset of `timeZone` at `instant`, in ms (negative west of Greenwich). */
export function offsetAt(instant: number, timeZone: string): number {
  return wallClockAsUtc(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/** Interpreters share a handful of zones and shift times, so conversions repeat a lot; bounded memo. */
const conversions = new Map<string, number>();
const localDates = new Map<string, string>();
const MAX_MEMO = 50_000;

/**
 * The UTC instant (ms) of local `date` ('YYYY-MM-DD') at `time` ('HH:MM',
 * '24:00' allowed) in `timeZone`. Like Temporal's 'compatible'
 * disambiguation: a wall time repeated when clocks go back resolves to the
 * earlier instant; one skipped when clocks go forward moves forward by the gap.
 */
export function zonedWallTimeToUtc(date: string, time: string, timeZone: string): number {
  const key = `${timeZone} ${date} ${time}`;
  const known = conversions.get(key);
  if (known !== undefined) return known;
  if (conversions.size >= MAX_MEMO) conversions.clear();
  const instant = convert(date, time, timeZone);
  conversions.set(key, instant);
  return instant;
}

function convert(date: string, time: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  // Every real zone changes offset at most once within two days, so the offsets a
  // day before and a day after are the only two that can apply.
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => wallClockAsUtc(t, timeZone) === wall);
  if (valid.length > 0) return Math.min(...valid);
  return wall - before;
}

/** The local calendar date ('YYYY-MM-DD') at `instant` in `timeZone`. */
export function localDateOf(instant: number, timeZone: string): string {
  const key = `${timeZone} @${instant}`;
  const known = localDates.get(key);
  if (known !== undefined) return known;
  if (localDates.size >= MAX_MEMO) localDates.clear();
  const date = new Date(wallClockAsUtc(instant, timeZone)).toISOString().slice(0, 10);
  localDates.set(key, date);
  return date;
}

/** `date` plus `days` calendar days ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO day of week of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
