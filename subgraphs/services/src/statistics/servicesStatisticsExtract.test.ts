import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, RCM_COUNTRIES, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';
import { CODE_LABELS } from '../i18n/codeLabels.js';
import type { StatisticsExtract } from './servicesStatisticsExtract.js';

let sg: TestSubgraph;
const pipeline = principalFor('statistician', null, 'statistics-pipeline');
const shelter = DEMO_ORGANIZATIONS.find((o) => o.kind === 'SHELTER')!;

const EXTRACT = `query ($period: String!) {
  servicesStatisticsExtract(period: $period) { period cells { measure count dims { dimension code } } }
}`;

interface ServiceRow {
  id: string;
  country: string;
  categories: string[];
  status: string;
  created_at: Date | string;
}

async function extract(period: string) {
  const { status, body } = await sg.request<{ servicesStatisticsExtract: StatisticsExtract }>(
    pipeline,
    EXTRACT,
    { period },
    { system: 'statistics-pipeline' },
  );
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data!.servicesStatisticsExtract;
}

const cellKey = (country: string, category: string) => `${country}|${category}`;

function cellsAsMap(result: StatisticsExtract): Map<string, number> {
  const map = new Map<string, number>();
  for (const cell of result.cells) {
    const code = (d: string) => cell.dims.find((x) => x.dimension === d)!.code;
    map.set(cellKey(code('COUNTRY'), code('CATEGORY')), cell.count);
  }
  return map;
}

/** The expected stock computed in JS from the raw rows: independent of the SQL under test. */
async function expectedStock(end: string): Promise<Map<string, number>> {
  const rows = await sg.db.query<ServiceRow>(
    'SELECT id, country::text AS country, categories, status, created_at FROM services',
  );
  const expected = new Map<string, number>();
  for (const row of rows) {
    const inStock =
      (row.status === 'ACTIVE' || row.status === 'TEMPORARILY_CLOSED') &&
      new Date(row.created_at).getTime() < Date.parse(end) &&
      (RCM_COUNTRIES as readonly string[]).includes(row.country);
    if (!inStock) continue;
    for (const category of new Set(row.categories)) {
      const key = cellKey(row.country, category);
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
  }
  return expected;
}

let ids: string[] = [];

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph, { seed: true, seedScale: 0.05 });
  // The seed creates everything "now"; spread creation over the first half of 2026 so months differ.
  await sg.db.query(
    `UPDATE services SET created_at = timestamptz '2026-01-01T00:00:00Z' + (abs(hashtext(id::text)) % 180) * interval '1 day'`,
  );
  ids = (await sg.db.query<{ id: string }>('SELECT id FROM services ORDER BY id LIMIT 5')).map((r) => r.id);
  const [lastSecond, nextMonth, inactive, closed, abroad] = ids;
  await sg.db.query(
    `UPDATE services SET created_at = '2026-03-31T23:59:59.999Z', status = 'ACTIVE', country = 'GT',
            categories = '{SHELTER,LEGAL_AID,SHELTER}' WHERE id = $1`,
    [lastSecond],
  );
  await sg.db.query(`UPDATE services SET created_at = '2026-04-01T00:00:00Z', status = 'ACTIVE' WHERE id = $1`, [
    nextMonth,
  ]);
  await sg.db.query(`UPDATE services SET created_at = '2026-02-01T00:00:00Z', status = 'INACTIVE' WHERE id = $1`, [
    inactive,
  ]);
  await sg.db.query(
    `UPDATE services SET created_at = '2026-02-01T00:00:00Z', status = 'TEMPORARILY_CLOSED', country = 'HN',
            categories = '{FOOD}' WHERE id = $1`,
    [closed],
  );
  await sg.db.query(
    `UPDATE services SET created_at = '2026-02-01T00:00:00Z', status = 'ACTIVE', country = 'CO' WHERE id = $1`,
    [abroad],
  );
});
afterAll(() => sg?.close());

describe('servicesStatisticsExtract', () => {
  it('gives the pipeline the stock per COUNTRY x CATEGORY, equal to an independent count of the rows', async () => {
    const result = await extract('2026-03');
    expect(result.period).toBe('2026-03');
    expect(result.cells.length).toBeGreaterThan(0);
    const expected = await expectedStock('2026-04-01T00:00:00Z');
    expect(cellsAsMap(result)).toEqual(expected);
    const sum = result.cells.reduce((total, cell) => total + cell.count, 0);
    const [pairs] = await sg.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM services s, LATERAL (SELECT DISTINCT unnest(s.categories)) c
        WHERE s.status IN ('ACTIVE', 'TEMPORARILY_CLOSED') AND s.created_at < '2026-04-01T00:00:00Z'
          AND s.country <> 'CO'`,
    );
    expect(sum).toBe(pairs!.n);
  });

  it('counts a stock at the month end: boundaries, statuses, one count per category, region only', async () => {
    const [lastSecond, nextMonth, inactive, closed, abroad] = ids;
    const march = cellsAsMap(await extract('2026-03'));
    /** March's cells after changing one row, which is then put back as it was. */
    const marchWith = async (id: string | undefined, change: string) => {
      const [before] = await sg.db.query<ServiceRow>(
        'SELECT created_at, status, country::text AS country FROM services WHERE id = $1',
        [id],
      );
      await sg.db.query(`UPDATE services SET ${change} WHERE id = $1`, [id]);
      const after = cellsAsMap(await extract('2026-03'));
      await sg.db.query('UPDATE services SET created_at = $2, status = $3, country = $4 WHERE id = $1', [
        id,
        before!.created_at,
        before!.status,
        before!.country,
      ]);
      return after;
    };
    const count = (cells: Map<string, number>, country: string, category: string) =>
      cells.get(cellKey(country, category)) ?? 0;

    // Created in the last millisecond of March, SHELTER listed twice: one in SHELTER, one in LEGAL_AID.
    const movedToApril = await marchWith(lastSecond, `created_at = '2026-04-01T00:00:00Z'`);
    expect(count(march, 'GT', 'SHELTER')).toBe(count(movedToApril, 'GT', 'SHELTER') + 1);
    expect(count(march, 'GT', 'LEGAL_AID')).toBe(count(movedToApril, 'GT', 'LEGAL_AID') + 1);
    // TEMPORARILY_CLOSED is in the stock; INACTIVE is not.
    const closedForGood = await marchWith(closed, `status = 'INACTIVE'`);
    expect(count(march, 'HN', 'FOOD')).toBe(count(closedForGood, 'HN', 'FOOD') + 1);
    const [dormant] = await sg.db.query<ServiceRow>(
      'SELECT country::text AS country, categories FROM services WHERE id = $1',
      [inactive],
    );
    const reactivated = await marchWith(inactive, `status = 'ACTIVE'`);
    for (const category of dormant!.categories)
      expect(count(reactivated, dormant!.country, category)).toBe(count(march, dormant!.country, category) + 1);
    // Created on 1 April 00:00 UTC: not in March's stock, in April's.
    const [april1] = await sg.db.query<ServiceRow>(
      'SELECT country::text AS country, categories FROM services WHERE id = $1',
      [nextMonth],
    );
    const createdInMarch = await marchWith(nextMonth, `created_at = '2026-03-31T23:59:59Z'`);
    for (const category of april1!.categories)
      expect(count(createdInMarch, april1!.country, category)).toBe(count(march, april1!.country, category) + 1);
    // Outside the RCM region there is no COUNTRY code statistics would accept; brought into GT it counts.
    expect([...march.keys()].some((k) => k.startsWith('CO|'))).toBe(false);
    const [elsewhere] = await sg.db.query<ServiceRow>('SELECT categories FROM services WHERE id = $1', [abroad]);
    const inGuatemala = await marchWith(abroad, `country = 'GT'`);
    for (const category of new Set(elsewhere!.categories))
      expect(count(inGuatemala, 'GT', category)).toBe(count(march, 'GT', category) + 1);
    // Before anything existed the stock is empty.
    expect((await extract('2025-12')).cells).toEqual([]);
  });

  it('answers codes and counts only: no ids, names, dates, places or migration status', async () => {
    const result = await extract('2026-06');
    const countries = new Set<string>(RCM_COUNTRIES);
    const categories = new Set(Object.keys(CODE_LABELS.CATEGORY!));
    for (const cell of result.cells) {
      expect(cell.measure).toBe('SERVICES');
      expect(cell.dims.map((d) => d.dimension)).toEqual(['COUNTRY', 'CATEGORY']);
      expect(countries.has(cell.dims[0]!.code)).toBe(true);
      expect(categories.has(cell.dims[1]!.code)).toBe(true);
      expect(Number.isInteger(cell.count) && cell.count > 0).toBe(true);
    }
    const text = JSON.stringify(result);
    for (const id of ids) expect(text).not.toContain(id);
    const [named] = await sg.db.query<{ name: string; city: string }>(
      'SELECT name, city FROM services WHERE city IS NOT NULL LIMIT 1',
    );
    expect(text).not.toContain(named!.name);
    expect(text).not.toContain(named!.city);
    expect(text).not.toMatch(/STATUS|REGARDLESS|IRREGULAR|DOCUMENT/i);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("takes a quarter's and a year's stock at their end, never a sum of their months", async () => {
    const march = await extract('2026-03');
    const quarter = await extract('2026-Q1');
    expect(quarter.period).toBe('2026-Q1');
    expect(cellsAsMap(quarter)).toEqual(cellsAsMap(march));
    // Every service in stock in both February and March counts once in the quarter, not twice.
    const sum = (result: StatisticsExtract) => result.cells.reduce((total, cell) => total + cell.count, 0);
    expect(sum(await extract('2026-02'))).toBeGreaterThan(0);
    expect(sum(quarter)).toBeLessThan(sum(await extract('2026-02')) + sum(march));
    expect(cellsAsMap(await extract('2026'))).toEqual(await expectedStock('2027-01-01T00:00:00Z'));
    expect(cellsAsMap(await extract('2026-Q2'))).toEqual(cellsAsMap(await extract('2026-06')));
  });

  it('refuses a period that is not a month, a quarter or a year, naming the field', async () => {
    for (const period of ['2026-13', '2026-3', '26', '2026-Q5', "2026-01' OR 1=1"]) {
      const { body } = await sg.request(pipeline, EXTRACT, { period }, { system: 'statistics-pipeline' });
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
  });

  it('is FORBIDDEN to every ordinary principal, however privileged', async () => {
    const callers = [
      principalFor('statistician', null, 'analyst'),
      principalFor('admin', null, 'operator'),
      principalFor('caseworker', shelter.id, 'caseworker', 'SHELTER'),
      principalFor('enforcement', null, 'officer'),
      principalFor('public', null, 'anonymous'),
    ];
    for (const caller of callers) {
      const { body } = await sg.request(caller, EXTRACT, { period: '2026-03' });
      expect(body.data?.servicesStatisticsExtract ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // Claiming the scope in the principal is not enough: the token's scopes are recomputed from the role.
    const claimed = { ...pipeline, scopes: [...pipeline.scopes, 'statistics:extract' as const] };
    const { body } = await sg.request(claimed, EXTRACT, { period: '2026-03' });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
