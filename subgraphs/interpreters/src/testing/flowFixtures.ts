import { demoId, type Queryable } from '@amparo/kit';

/** One hand-made interpreter for the request/booking tests. */
export interface TestInterpreter {
  key: number;
  gender?: string | null;
  communities?: string[];
  timeZone?: string;
  spheres?: string[];
  modalities?: string[];
  countries?: string[];
  pairs?: [from: string, to: string, direction: string, proficiency: string][];
  weekly?: [days: number[], startsAt: string, endsAt: string][];
  certification?: 'valid' | 'expired' | 'none';
  status?: string;
  accountSub?: string | null;
}

export const testInterpreterId = (key: number) => demoId('flow-interpreter', key);

/** Inserts interpreters straight into the tables, with defaults that make each a plain mam↔spa candidate. */
export async function insertTestInterpreters(db: Queryable, interpreters: readonly TestInterpreter[]): Promise<void> {
  for (const t of interpreters) {
    const id = testInterpreterId(t.key);
    await db.query(
      `INSERT INTO interpreters (id, display_name, spheres, countries, time_zone, modalities, gender, communities, status, account_sub)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        `Test ${t.key}`,
        t.spheres ?? ['VIOLENCE', 'LEGAL_CIVIL'],
        t.countries ?? ['GT'],
        t.timeZone ?? 'America/Guatemala',
        t.modalities ?? ['VIDEO', 'PHONE'],
        t.gender === undefined ? 'FEMALE' : t.gender,
        t.communities ?? [],
        t.status ?? 'ACTIVE',
        t.accountSub ?? null,
      ],
    );
    for (const [from, to, direction, proficiency] of t.pairs ?? [['mam', 'spa', 'BOTH', 'NATIVE']]) {
      await db.query(
        'INSERT INTO interpreter_languages (interpreter_id, from_language, to_language, direction, proficiency) VALUES ($1, $2, $3, $4, $5)',
        [id, from, to, direction, proficiency],
      );
    }
    const certification = t.certification ?? 'valid';
    if (certification !== 'none') {
      await db.query(
        'INSERT INTO interpreter_certifications (interpreter_id, issuer, issued_on, expires_on) VALUES ($1, $2, $3, $4)',
        [id, 'Organismo Judicial', '2015-01-01', certification === 'valid' ? null : '2020-01-01'],
      );
    }
    for (const [days, startsAt, endsAt] of t.weekly ?? [[[1, 2, 3, 4, 5], '09:00', '17:00']]) {
      for (const day of days) {
        await db.query(
          'INSERT INTO interpreter_weekly_availability (interpreter_id, day_of_week, starts_at, ends_at) VALUES ($1, $2, $3, $4)',
          [id, day, startsAt, endsAt],
        );
      }
    }
  }
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the first `isoDay` (1 = Monday) at least 7 days after `now`. */
export function upcomingWeekday(now: number, isoDay: number): string {
  for (let t = now + 7 * DAY_MS; ; t += DAY_MS) {
    const day = new Date(t).getUTCDay() || 7;
    if (day === isoDay) return new Date(t).toISOString().slice(0, 10);
  }
}

/** The next second Sunday of March (US/Canada clocks go forward) at least 7 days after `now`. */
export function nextSpringForward(now: number): string {
  for (let year = new Date(now).getUTCFullYear(); ; year++) {
    const march1 = new Date(Date.UTC(year, 2, 1)).getUTCDay();
    const secondSunday = Date.UTC(year, 2, 1 + ((7 - march1) % 7) + 7);
    if (secondSunday > now + 7 * DAY_MS) return new Date(secondSunday).toISOString().slice(0, 10);
  }
}

export const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
