import { DEMO_PROVIDER_ORGANIZATIONS, SeededRandom, demoId, type Queryable } from '@amparo/kit';
import { DEMO_GIVEN_NAMES } from './demoInterpreterNames.js';
import { insertRows } from '@amparo/kit';

/** What the schedule seed needs of one seeded interpreter. */
export interface SeededInterpreter {
  readonly id: string;
  readonly language: string;
  readonly spheres: readonly string[];
  readonly modalities: readonly string[];
}

type Slot = readonly [days: readonly number[], startsAt: string, endsAt: string];

/** Working patterns seen among community interpreters; local times in each one's own zone. */
const PATTERNS: readonly (readonly [readonly Slot[], number])[] = [
  [[[[1, 2, 3, 4, 5], '09:00', '17:00']], 40],
  [[[[1, 2, 3, 4, 5, 6], '07:00', '13:00']], 15],
  [
    [
      [[1, 2, 3, 4, 5], '08:00', '12:00'],
      [[1, 2, 3, 4, 5], '14:00', '18:00'],
    ],
    20,
  ],
  [
    [
      [[1, 2, 3, 4, 5], '17:00', '21:00'],
      [[6], '09:00', '13:00'],
    ],
    15,
  ],
  // On call around the clock, for NOW requests (hotline interpreters).
  [[[[1, 2, 3, 4, 5, 6, 7], '00:00', '24:00']], 10],
];
const HOLIDAYS = ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01'];
const DEMO_ACCOUNTS = 20;
/** Past bookings fall in the 180 days before this fixed date, so the seed never depends on the clock. */
const HISTORY_END = Date.parse('2026-01-01T00:00:00Z');
const DAY_MS = 86_400_000;

/**
 * Weekly availability, exceptions (holidays, extra Saturdays), past bookings
 * and the demo interpreter accounts (`demo-interpreter-<n>` for the first 20,
 * the `sub` a dev token needs for `myInterpretationBookings`).
 */
export async function seedSchedules(tx: Queryable, interpreters: readonly SeededInterpreter[]): Promise<number> {
  const random = new SeededRandom('interpreter-schedules');
  const weekly: unknown[][] = [];
  const exceptions: unknown[][] = [];
  const bookings: unknown[][] = [];
  for (const interpreter of interpreters) {
    const pattern = random.weighted(PATTERNS);
    for (const [days, startsAt, endsAt] of pattern) {
      for (const day of days) weekly.push([interpreter.id, day, startsAt, endsAt]);
    }
    if (random.chance(0.3)) {
      for (const date of random.sample(HOLIDAYS, random.int(1, 2))) {
        exceptions.push([
          demoId('interpreter-exception', exceptions.length),
          interpreter.id,
          date,
          'UNAVAILABLE',
          null,
          null,
        ]);
      }
    }
    if (random.chance(0.1)) {
      exceptions.push([
        demoId('interpreter-exception', exceptions.length),
        interpreter.id,
        '2026-12-12',
        'EXTRA',
        '09:00',
        '13:00',
      ]);
    }
    // Distinct days, so the no-overlap constraint always holds for seeded history.
    for (const daysAgo of random.sample(
      Array.from({ length: 180 }, (_, d) => d + 1),
      random.int(0, 6),
    )) {
      const startsAt = HISTORY_END - daysAgo * DAY_MS + random.int(13, 21) * 3_600_000;
      bookings.push([
        demoId('interpretation-booking', bookings.length),
        interpreter.id,
        random.pick(DEMO_PROVIDER_ORGANIZATIONS).id,
        interpreter.language,
        random.pick(interpreter.spheres),
        random.pick(interpreter.modalities),
        new Date(startsAt).toISOString(),
        new Date(startsAt + random.pick([45, 60, 90]) * 60_000).toISOString(),
        random.weighted([
          ['COMPLETED', 80],
          ['CANCELLED', 12],
          ['NO_SHOW', 8],
        ] as const),
        random.pick(DEMO_GIVEN_NAMES.FEMALE),
        interpreter.language,
      ]);
    }
  }
  await insertRows(
    tx,
    'interpreter_weekly_availability',
    ['interpreter_id', 'day_of_week', 'starts_at', 'ends_at'],
    weekly,
  );
  await insertRows(
    tx,
    'interpreter_availability_exceptions',
    ['id', 'interpreter_id', 'on_date', 'kind', 'starts_at', 'ends_at'],
    exceptions,
  );
  await insertRows(
    tx,
    'interpretation_bookings',
    [
      'id',
      'interpreter_id',
      'organization_id',
      'language',
      'sphere',
      'modality',
      'starts_at',
      'ends_at',
      'status',
      'person_preferred_name',
      'person_language',
    ],
    bookings,
  );
  const accounts = interpreters.slice(0, DEMO_ACCOUNTS);
  await tx.query(
    `UPDATE interpreters SET account_sub = a.sub
       FROM unnest($1::uuid[], $2::text[]) AS a (id, sub) WHERE interpreters.id = a.id`,
    [accounts.map((a) => a.id), accounts.map((_, n) => `demo-interpreter-${n}`)],
  );
  return bookings.length;
}
