import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoId, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { interpretersSubgraph } from '../definition.js';

// The constraint in migrations/0001 is the last line of defence for issue 6's
// "two confirmed bookings of one interpreter can never overlap"; this pins it
// on both stores before any booking code exists.
let sg: TestSubgraph;
const rosa = demoId('test-interpreter', 1);
const juana = demoId('test-interpreter', 2);

beforeAll(async () => {
  sg = await startTestSubgraph(interpretersSubgraph);
  await sg.db.query(
    `INSERT INTO interpreters (id, display_name, time_zone) VALUES ($1, 'Rosa', 'America/Guatemala'), ($2, 'Juana', 'America/Guatemala')`,
    [rosa, juana],
  );
});
afterAll(() => sg?.close());

const book = (interpreter: string, startsAt: string, endsAt: string, status = 'CONFIRMED') =>
  sg.db.query(
    `INSERT INTO interpretation_bookings (interpreter_id, language, sphere, modality, starts_at, ends_at, status)
     VALUES ($1, 'mam', 'VIOLENCE', 'VIDEO', $2, $3, $4)`,
    [interpreter, startsAt, endsAt, status],
  );

describe('interpretation_bookings no-overlap constraint', () => {
  it('refuses a second confirmed booking of one interpreter that overlaps the first', async () => {
    await book(rosa, '2026-03-08T15:00:00Z', '2026-03-08T16:00:00Z');
    await expect(book(rosa, '2026-03-08T15:30:00Z', '2026-03-08T16:30:00Z')).rejects.toMatchObject({ code: '23P01' });
  });

  it('allows back-to-back bookings, other interpreters and bookings that do not hold the slot', async () => {
    await book(rosa, '2026-03-08T16:00:00Z', '2026-03-08T17:00:00Z');
    await book(juana, '2026-03-08T15:00:00Z', '2026-03-08T16:00:00Z');
    await book(rosa, '2026-03-08T15:00:00Z', '2026-03-08T16:00:00Z', 'CANCELLED');
    await book(rosa, '2026-03-08T15:00:00Z', '2026-03-08T16:00:00Z', 'REQUESTED');
    const [row] = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM interpretation_bookings');
    expect(row?.n).toBe(5);
  });
});
