import { SeededRandom, insertRows, type Database } from '@amparo/kit';

const HOUR_MS = 3_600_000;
/** Before the interpreters seed's own history (the 180 days up to 2026-01-01), so no seeded booking overlaps. */
const FIRST_START = Date.parse('2023-01-02T15:00:00Z');

/**
 * The interpreters seed books no case, so a case page would always show an
 * empty `interpretationBookings`. This gives about a third of the cases 1–2
 * past (COMPLETED) bookings requested by the case's own organisation, each
 * in an hour slot of its own so the no-overlap constraint always holds.
 * Returns the number of bookings per case id.
 */
export async function seedCaseBookings(
  db: Database,
  cases: readonly { readonly id: string; readonly organizationId: string }[],
): Promise<Map<string, number>> {
  const random = new SeededRandom('domain-bench:case-bookings');
  const interpreters = (await db.query<{ id: string }>('SELECT id FROM interpreters ORDER BY id')).map((r) => r.id);
  const perCase = new Map<string, number>();
  if (interpreters.length === 0) return perCase;
  const rows: unknown[][] = [];
  for (const c of cases) {
    if (!random.chance(0.33)) continue;
    const count = random.chance(0.7) ? 1 : 2;
    perCase.set(c.id, count);
    for (let n = 0; n < count; n++) {
      const startsAt = FIRST_START + rows.length * 2 * HOUR_MS;
      rows.push([
        random.pick(interpreters),
        c.id,
        c.organizationId,
        'mam',
        random.pick(['VIOLENCE', 'HEALTH', 'LEGAL_CIVIL', 'ASYLUM']),
        random.pick(['PHONE', 'VIDEO', 'IN_PERSON']),
        new Date(startsAt).toISOString(),
        new Date(startsAt + HOUR_MS).toISOString(),
        'COMPLETED',
        'Ana',
        'mam',
      ]);
    }
  }
  await insertRows(
    db,
    'interpretation_bookings',
    [
      'interpreter_id',
      'case_id',
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
    rows,
  );
  return perCase;
}
