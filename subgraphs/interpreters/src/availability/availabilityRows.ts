/** A row of `interpreter_weekly_availability`; times arrive as 'HH:MM:SS'. */
export interface WeeklySlotRow {
  interpreter_id: string;
  day_of_week: number;
  starts_at: string;
  ends_at: string;
}

/** A row of `interpreter_availability_exceptions`. */
export interface AvailabilityExceptionRow {
  id: string;
  interpreter_id: string;
  on_date: string;
  kind: 'UNAVAILABLE' | 'EXTRA';
  starts_at: string | null;
  ends_at: string | null;
}

export const WEEKLY_SLOT_COLUMNS = 'interpreter_id, day_of_week, starts_at, ends_at';
export const AVAILABILITY_EXCEPTION_COLUMNS = 'id, interpreter_id, on_date, kind, starts_at, ends_at';

const hhmm = (time: string) => time.slice(0, 5);

/** Maps a row to the GraphQL `WeeklySlot` shape ('HH:MM' local times). */
export function toWeeklySlot(row: WeeklySlotRow) {
  return {
    interpreterId: row.interpreter_id,
    dayOfWeek: row.day_of_week,
    startsAt: hhmm(row.starts_at),
    endsAt: hhmm(row.ends_at),
  };
}

/** Maps a row to the GraphQL `AvailabilityException` shape. */
export function toAvailabilityException(row: AvailabilityExceptionRow) {
  return {
    id: row.id,
    interpreterId: row.interpreter_id,
    date: row.on_date,
    kind: row.kind,
    startsAt: row.starts_at === null ? null : hhmm(row.starts_at),
    endsAt: row.ends_at === null ? null : hhmm(row.ends_at),
  };
}

export type WeeklySlot = ReturnType<typeof toWeeklySlot>;
export type AvailabilityException = ReturnType<typeof toAvailabilityException>;
