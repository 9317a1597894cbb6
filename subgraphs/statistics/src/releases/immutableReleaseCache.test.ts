import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { statisticsSubgraph } from '../definition.js';

let sg: TestSubgraph;
const anyone = principalFor('public');

const TABLE = `query ($id: ID!) {
  statisticsRelease(id: $id) {
    id period
    table(measure: CASES_OPENED, dimensions: [COUNTRY, SEX]) { cells { key { dimension code } value suppressed } }
  }
}`;

beforeAll(async () => {
  sg = await startTestSubgraph(statisticsSubgraph, { seed: true });
});
afterAll(() => sg?.close());

describe('the cache of published releases', () => {
  it('answers a table read before without reading the release or its cells again, with the same answer', async () => {
    const { body: list } = await sg.request<{ statisticsReleases: { edges: { node: { id: string } }[] } }>(
      anyone,
      '{ statisticsReleases(first: 1) { edges { node { id } } } }',
    );
    const id = list.data!.statisticsReleases.edges[0]!.node.id;
    const query = vi.spyOn(sg.db, 'query');
    try {
      const first = await sg.request(anyone, TABLE, { id });
      const readsFirst = query.mock.calls.filter(([sql]) => /FROM (releases|release_cells)\b/.test(String(sql)));
      expect(readsFirst.length).toBe(2);
      query.mockClear();
      const second = await sg.request(anyone, TABLE, { id });
      const readsSecond = query.mock.calls.filter(([sql]) => /FROM (releases|release_cells)\b/.test(String(sql)));
      expect(readsSecond).toEqual([]);
      expect(second.body).toEqual(first.body);
      expect(first.body.errors).toBeUndefined();
    } finally {
      query.mockRestore();
    }
  });

  it('keeps nothing for an id that names no release, so a release published later is found', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const { body } = await sg.request<{ statisticsRelease: unknown }>(anyone, TABLE, { id: unknown });
    expect(body.data?.statisticsRelease).toBeNull();
    const query = vi.spyOn(sg.db, 'query');
    try {
      await sg.request(anyone, TABLE, { id: unknown });
      expect(query.mock.calls.some(([sql]) => /FROM releases\b/.test(String(sql)))).toBe(true);
    } finally {
      query.mockRestore();
    }
  });
});
