export interface OpeningHoursRow {
  service_id: string;
  weekday: number;
  opens: string;
  closes: string;
}

export interface OpeningHours {
  serviceId: string;
  weekday: number;
  opens: string;
  closes: string;
}

export function toOpeningHours(row: OpeningHoursRow): OpeningHours {
  return {
    serviceId: row.service_id,
    weekday: row.weekday,
    opens: row.opens.slice(0, 5),
    closes: row.closes.slice(0, 5),
  };
}

/**
 * SQL that is true when service row `alias` is open at the timestamptz
 * parameter `at`, on the wall clock of its own IANA zone. The database's time
 * zone rules decide (the search filter and the `openNow` field share them).
 */
export function openAtSql(at: string, alias: string): string {
  const local = `(${at}::timestamptz AT TIME ZONE ${alias}.time_zone)`;
  return `(${alias}.open_around_the_clock OR EXISTS (
    SELECT 1 FROM service_hours h WHERE h.service_id = ${alias}.id
      AND h.weekday = extract(isodow FROM ${local}) AND ${local}::time >= h.opens AND ${local}::time < h.closes))`;
}

/** The rule of {@link openAtSql} for a known local weekday (1–7) and HH:MM. */
export function isOpenLocally(
  local: { weekday: number; time: string },
  aroundTheClock: boolean,
  hours: readonly OpeningHours[],
): boolean {
  if (aroundTheClock) return true;
  return hours.some((h) => h.weekday === local.weekday && h.opens <= local.time && local.time < h.closes);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  } catch {
    return false;
  }
}
