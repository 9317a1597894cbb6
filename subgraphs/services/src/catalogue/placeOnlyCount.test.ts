import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type Queryable, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';
import { searchServices, type SearchArgs } from './searchServices.js';

/**
 * A search by place alone counts its matches through the position-only
 * index (migration 0006), keyed on an expression only that count uses, so
 * that filtered searches keep 0004's and 0005's indexes (see the migration).
 */
let sg: TestSubgraph;
beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph, { seed: true, seedScale: 0.5 });
});
afterAll(() => sg?.close());

const INDEX = 'services_public_position_only_idx';
const tapachula = { latitude: 14.9039, longitude: -92.2575 };

/** The statements a search sends, read through a recording Queryable. */
async function statementsOf(args: SearchArgs): Promise<{ sql: string; params: readonly unknown[] }[]> {
  const sent: { sql: string; params: readonly unknown[] }[] = [];
  const recording: Queryable = {
    query: (sql, params = [], options) => {
      sent.push({ sql, params });
      return sg.db.query(sql, params, options);
    },
    exec: (sql) => sg.db.exec(sql),
  };
  await searchServices(recording, args, { countTotal: true, prefetch: { openNow: true, organization: true } });
  return sent;
}

/**
 * The plan of each statement the search sends, with sequential scans priced
 * out: the seed is too small for the planner to prefer any index by itself.
 */
async function plansOf(args: SearchArgs): Promise<string> {
  const plans: string[] = [];
  for (const { sql, params } of await statementsOf(args)) {
    const rows = await sg.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    });
    plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
  }
  return plans.join('\n');
}

async function totalCount(args: SearchArgs): Promise<number> {
  const { body } = await sg.request<{ services: { totalCount: number } }>(
    principalFor('public'),
    `query ($near: NearInput, $filter: ServiceFilter) { services(near: $near, filter: $filter, first: 1) { totalCount } }`,
    { near: args.near, filter: args.filter ?? null },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.services.totalCount;
}

describe('the count of a search by place alone', () => {
  it('reads the position-only index', async () => {
    expect(await plansOf({ near: { ...tapachula, radiusKm: 300 }, first: 20 })).toContain(INDEX);
  });

  it('is not taken for a filtered search, whose filters that index cannot check', async () => {
    for (const filter of [
      { categories: ['SHELTER'], languages: ['spa'] },
      { text: 'mujeres' },
      { phases: ['TRANSIT'] },
    ])
      expect(
        await plansOf({ near: { ...tapachula, radiusKm: 300 }, filter, first: 20 }),
        JSON.stringify(filter),
      ).not.toContain(INDEX);
  });

  it('counts the services within the radius, as the filtered statement does with an always-true filter', async () => {
    for (const radiusKm of [25, 150, 300, 1000]) {
      const near = { ...tapachula, radiusKm };
      const placeOnly = await totalCount({ near });
      // Every status is every service, counted from the table rows: the filtered path.
      const everyStatus = await totalCount({
        near,
        filter: { statuses: ['ACTIVE', 'INACTIVE', 'DEFUNCT', 'TEMPORARILY_CLOSED'] },
      });
      expect(placeOnly, `${radiusKm} km`).toBe(everyStatus);
    }
    expect(await totalCount({ near: { ...tapachula, radiusKm: 1000 } })).toBeGreaterThan(0);
  });
});
