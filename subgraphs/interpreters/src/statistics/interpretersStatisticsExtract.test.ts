import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_LANGUAGES,
  DEMO_PROVIDER_ORGANIZATIONS,
  RCM_COUNTRIES,
  demoId,
  principalFor,
  startTestSubgraph,
  type TestSubgraph,
} from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { interpretersSubgraph } from '../definition.js';
import { insertTestInterpreters, testInterpreterId } from '../testing/flowFixtures.js';
import { interpretersStatisticsExtract, type StatisticsExtract } from './interpretersStatisticsExtract.js';

let sg: TestSubgraph;
const org = DEMO_PROVIDER_ORGANIZATIONS[0]?.id ?? null;
const pipeline = principalFor('statistician', null, 'statistics-pipeline');

const EXTRACT = `query ($period: String!) {
  interpretersStatisticsExtract(period: $period) { period cells { measure dims { dimension code } count } }
}`;

interface Row {
  key: number;
  /** A case key, a migrant's own account, or neither (a caseworker's request without a case). */
  person: { case: number } | { migrant: string } | null;
  country: string;
  language: string;
  createdAt: string;
  booking?: 'CONFIRMED' | 'COMPLETED' | 'CANCELLED';
  unmetAt?: string;
}

// October 2026 in UTC. Expected: FULFILLED GT/mam 3 (case 1 once, two unlinked requests), MX/tzo 1, US/_O 1;
// UNMET GT/mam 1 (migrant m2 once), _O/_O 1.
const ROWS: Row[] = [
  {
    key: 1,
    person: { case: 1 },
    country: 'GT',
    language: 'mam',
    createdAt: '2026-10-03T10:00:00Z',
    booking: 'CONFIRMED',
  },
  // The same woman again in the month: she already counts (her earliest request, mam in GT).
  {
    key: 2,
    person: { case: 1 },
    country: 'GT',
    language: 'quc',
    createdAt: '2026-10-20T10:00:00Z',
    booking: 'COMPLETED',
  },
  {
    key: 3,
    person: { migrant: 'm1' },
    country: 'MX',
    language: 'tzo',
    createdAt: '2026-10-31T23:30:00Z',
    booking: 'COMPLETED',
  },
  { key: 4, person: null, country: 'GT', language: 'mam', createdAt: '2026-11-01T00:00:00Z', booking: 'COMPLETED' },
  {
    key: 5,
    person: { case: 2 },
    country: 'US',
    language: 'deu',
    createdAt: '2026-10-05T10:00:00Z',
    booking: 'CONFIRMED',
  },
  {
    key: 6,
    person: { case: 3 },
    country: 'GT',
    language: 'mam',
    createdAt: '2026-10-06T10:00:00Z',
    booking: 'CANCELLED',
  },
  {
    key: 7,
    person: { case: 4 },
    country: 'GT',
    language: 'mam',
    createdAt: '2026-09-30T23:59:00Z',
    booking: 'CONFIRMED',
  },
  { key: 8, person: null, country: 'GT', language: 'mam', createdAt: '2026-10-10T10:00:00Z', booking: 'COMPLETED' },
  { key: 9, person: null, country: 'GT', language: 'mam', createdAt: '2026-10-11T10:00:00Z', booking: 'CONFIRMED' },
  // Matched but never confirmed: neither fulfilled nor unmet.
  { key: 14, person: { case: 6 }, country: 'GT', language: 'mam', createdAt: '2026-10-12T10:00:00Z' },
  {
    key: 10,
    person: { migrant: 'm2' },
    country: 'GT',
    language: 'mam',
    createdAt: '2026-10-02T10:00:00Z',
    unmetAt: '2026-10-02T10:00:01Z',
  },
  {
    key: 11,
    person: { migrant: 'm2' },
    country: 'HN',
    language: 'mam',
    createdAt: '2026-10-15T10:00:00Z',
    unmetAt: '2026-10-15T10:00:01Z',
  },
  {
    key: 12,
    person: { case: 5 },
    country: 'ES',
    language: 'spa',
    createdAt: '2026-10-07T10:00:00Z',
    unmetAt: '2026-10-07T10:00:01Z',
  },
  {
    key: 13,
    person: { case: 7 },
    country: 'GT',
    language: 'mam',
    createdAt: '2026-10-31T23:59:00Z',
    unmetAt: '2026-11-01T00:00:00Z',
  },
  // The same women again later in the quarter: once in 2026-Q4 and in 2026, by their October records.
  {
    key: 15,
    person: { case: 1 },
    country: 'GT',
    language: 'quc',
    createdAt: '2026-11-12T10:00:00Z',
    booking: 'COMPLETED',
  },
  {
    key: 16,
    person: { migrant: 'm2' },
    country: 'MX',
    language: 'tzo',
    createdAt: '2026-12-01T10:00:00Z',
    unmetAt: '2026-12-01T10:00:01Z',
  },
];

async function insertRows(): Promise<void> {
  await insertTestInterpreters(sg.db, [{ key: 1 }]);
  for (const row of ROWS) {
    const id = demoId('extract-request', row.key);
    const migrant = row.person !== null && 'migrant' in row.person;
    const caseId = row.person !== null && 'case' in row.person ? demoId('case', row.person.case) : null;
    const status = row.booking ?? (row.unmetAt ? 'REQUESTED' : 'MATCHED');
    await sg.db.query(
      `INSERT INTO interpretation_requests (id, language, target_language, sphere, modality, urgency,
         window_starts_at, window_ends_at, duration_minutes, country, case_id, requested_by_sub,
         requested_by_role, organization_id, status, created_at)
       VALUES ($1, $2, $3, 'VIOLENCE', 'VIDEO', 'SCHEDULED', $4, $4::timestamptz + interval '1 day', 60, $5, $6, $7,
         $8, $9, $10, $4)`,
      [
        id,
        row.language,
        row.language === 'spa' ? 'eng' : 'spa',
        row.createdAt,
        row.country,
        caseId,
        migrant && row.person !== null && 'migrant' in row.person ? row.person.migrant : 'caseworker-a',
        migrant ? 'migrant' : 'caseworker',
        migrant ? null : org,
        status,
      ],
    );
    if (row.booking) {
      // One hour apart per key: held bookings of one interpreter never overlap.
      await sg.db.query(
        `INSERT INTO interpretation_bookings (interpreter_id, request_id, language, sphere, modality, starts_at, ends_at, status)
         VALUES ($1, $2, $3, 'VIOLENCE', 'VIDEO', $4::timestamptz + make_interval(hours => $5),
           $4::timestamptz + make_interval(hours => $5 + 1), $6)`,
        [testInterpreterId(1), id, row.language, '2027-01-01T00:00:00Z', row.key, row.booking],
      );
    }
    if (row.unmetAt) {
      await sg.db.query(
        `INSERT INTO unmet_interpretation_demand (request_id, language, sphere, country, recorded_at)
         VALUES ($1, $2, 'VIOLENCE', $3, $4)`,
        [id, row.language, row.country, row.unmetAt],
      );
    }
  }
}

beforeAll(async () => {
  sg = await startTestSubgraph(interpretersSubgraph);
  await insertRows();
});
afterAll(async () => {
  await sg?.close();
});

type Cell = { measure: string; dims: { dimension: string; code: string }[]; count: number };
const flat = (cells: readonly Cell[]) =>
  cells.map((c) => `${c.measure} ${c.dims.map((d) => `${d.dimension}=${d.code}`).join(' ')} ${c.count}`);

describe('interpretersStatisticsExtract', () => {
  it('gives the statistics pipeline one count per fine cell, each person once per measure', async () => {
    const { body } = await sg.request<{ interpretersStatisticsExtract: { period: string; cells: Cell[] } }>(
      pipeline,
      EXTRACT,
      { period: '2026-10' },
      { system: 'statistics-pipeline' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.interpretersStatisticsExtract.period).toBe('2026-10');
    expect(flat(body.data?.interpretersStatisticsExtract.cells ?? [])).toEqual([
      'INTERPRETATION_FULFILLED COUNTRY=GT LANGUAGE=mam 3',
      'INTERPRETATION_FULFILLED COUNTRY=MX LANGUAGE=tzo 1',
      'INTERPRETATION_FULFILLED COUNTRY=US LANGUAGE=_O 1',
      'INTERPRETATION_UNMET COUNTRY=GT LANGUAGE=mam 1',
      'INTERPRETATION_UNMET COUNTRY=_O LANGUAGE=_O 1',
    ]);
  });

  it('sums to an independent count of the distinct people of the month', async () => {
    const extract = await interpretersStatisticsExtract(sg.db, '2026-10');
    const person = `CASE WHEN r.case_id IS NOT NULL THEN r.case_id::text
      WHEN r.requested_by_role = 'migrant' THEN r.requested_by_sub ELSE r.id::text END`;
    const [fulfilled] = await sg.db.query<{ n: number }>(
      `SELECT count(DISTINCT ${person})::int AS n FROM interpretation_requests r
        WHERE r.created_at >= '2026-10-01T00:00:00Z' AND r.created_at < '2026-11-01T00:00:00Z'
          AND EXISTS (SELECT 1 FROM interpretation_bookings b
                       WHERE b.request_id = r.id AND b.status IN ('CONFIRMED', 'COMPLETED'))`,
    );
    const [unmet] = await sg.db.query<{ n: number }>(
      `SELECT count(DISTINCT ${person})::int AS n FROM interpretation_requests r
        WHERE r.id IN (SELECT request_id FROM unmet_interpretation_demand
                        WHERE recorded_at >= '2026-10-01T00:00:00Z' AND recorded_at < '2026-11-01T00:00:00Z')`,
    );
    const sum = (measure: string) =>
      extract.cells.filter((c) => c.measure === measure).reduce((total, c) => total + c.count, 0);
    expect(sum('INTERPRETATION_FULFILLED')).toBe(Number(fulfilled?.n));
    expect(sum('INTERPRETATION_UNMET')).toBe(Number(unmet?.n));
    expect(Number(fulfilled?.n)).toBe(5);
    expect(Number(unmet?.n)).toBe(2);
  });

  it('answers an empty month with no cells', async () => {
    expect(await interpretersStatisticsExtract(sg.db, '2025-01')).toEqual({ period: '2025-01', cells: [] });
  });

  it('carries codes and counts only: no ids, names, dates or migration status', async () => {
    const extract = await interpretersStatisticsExtract(sg.db, '2026-10');
    const countries = new Set<string>([...RCM_COUNTRIES, '_O', '_U']);
    const languages = new Set([...DEMO_LANGUAGES.filter((l) => l.code !== 'spa').map((l) => l.code), '_O', '_U']);
    expect(extract.cells.length).toBeGreaterThan(0);
    for (const cell of extract.cells) {
      expect(Object.keys(cell).sort()).toEqual(['count', 'dims', 'measure']);
      expect(cell.dims.map((d) => d.dimension)).toEqual(['COUNTRY', 'LANGUAGE']);
      expect(countries.has(cell.dims[0]?.code ?? '')).toBe(true);
      expect(languages.has(cell.dims[1]?.code ?? '')).toBe(true);
      expect(Number.isInteger(cell.count) && cell.count > 0).toBe(true);
    }
    const text = JSON.stringify(extract);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no uuid
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/); // no date
    expect(text).not.toMatch(/caseworker|m1|m2|spa"|ES"/); // no sub, no raw out-of-list codes
    expect(text).not.toMatch(/migra|status|REGULAR|IRREGULAR/i);
  });

  it('counts each person once in a quarter and a year, not once per month she appears in', async () => {
    const months: StatisticsExtract[] = [];
    for (const month of ['2026-10', '2026-11', '2026-12'])
      months.push(await interpretersStatisticsExtract(sg.db, month));
    const sum = (cells: readonly Cell[], measure: string) =>
      cells.filter((c) => c.measure === measure).reduce((total, c) => total + c.count, 0);
    // Summing the months counts case 1 (October and November) and m2 (October and December) twice.
    expect(months.reduce((n, m) => n + sum(m.cells, 'INTERPRETATION_FULFILLED'), 0)).toBe(7);
    expect(months.reduce((n, m) => n + sum(m.cells, 'INTERPRETATION_UNMET'), 0)).toBe(4);
    const { body } = await sg.request<{ interpretersStatisticsExtract: { period: string; cells: Cell[] } }>(
      pipeline,
      EXTRACT,
      { period: '2026-Q4' },
      { system: 'statistics-pipeline' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.interpretersStatisticsExtract.period).toBe('2026-Q4');
    expect(flat(body.data?.interpretersStatisticsExtract.cells ?? [])).toEqual([
      'INTERPRETATION_FULFILLED COUNTRY=GT LANGUAGE=mam 4',
      'INTERPRETATION_FULFILLED COUNTRY=MX LANGUAGE=tzo 1',
      'INTERPRETATION_FULFILLED COUNTRY=US LANGUAGE=_O 1',
      'INTERPRETATION_UNMET COUNTRY=GT LANGUAGE=mam 2',
      'INTERPRETATION_UNMET COUNTRY=_O LANGUAGE=_O 1',
    ]);
    // The year adds case 4, whose only request was on 30 September.
    expect(flat((await interpretersStatisticsExtract(sg.db, '2026')).cells)).toEqual([
      'INTERPRETATION_FULFILLED COUNTRY=GT LANGUAGE=mam 5',
      'INTERPRETATION_FULFILLED COUNTRY=MX LANGUAGE=tzo 1',
      'INTERPRETATION_FULFILLED COUNTRY=US LANGUAGE=_O 1',
      'INTERPRETATION_UNMET COUNTRY=GT LANGUAGE=mam 2',
      'INTERPRETATION_UNMET COUNTRY=_O LANGUAGE=_O 1',
    ]);
  });

  it('refuses a period that is not a month, a quarter or a year, naming period', async () => {
    for (const period of ['2026-13', '2026-1', '2026-Q5', '26', '2026-10-01']) {
      const { body } = await sg.request(pipeline, EXTRACT, { period }, { system: 'statistics-pipeline' });
      expect(body.data?.interpretersStatisticsExtract ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions, period).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
  });

  it('is closed to every client role, even one claiming the scope', async () => {
    const caseworker = principalFor('caseworker', org);
    const clients: Principal[] = [
      caseworker,
      principalFor('admin', org),
      principalFor('statistician'),
      { ...caseworker, scopes: [...caseworker.scopes, 'statistics:extract'] },
    ];
    for (const principal of clients) {
      const { body } = await sg.request(principal, EXTRACT, { period: '2026-10' });
      expect(body.data?.interpretersStatisticsExtract ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
