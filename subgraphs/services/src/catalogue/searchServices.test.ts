import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';

let sg: TestSubgraph;
const anyone = principalFor('public');

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph, { seed: true, seedScale: 0.5 });
});
afterAll(() => sg?.close());

interface Page {
  services: {
    totalCount: number;
    edges: { node: { id: string; country: string; categories: string[] } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const SEARCH = `query ($filter: ServiceFilter, $first: Int, $after: String) {
  services(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id name country categories languages } } pageInfo { hasNextPage endCursor }
  }
}`;

describe('services search', () => {
  it('filters by country and category together', async () => {
    const { body } = await sg.request<Page>(anyone, SEARCH, {
      filter: { countries: ['GT'], categories: ['SHELTER'] },
      first: 50,
    });
    const { services } = body.data!;
    expect(services.totalCount).toBeGreaterThan(0);
    for (const { node } of services.edges) {
      expect(node.country).toBe('GT');
      expect(node.categories).toContain('SHELTER');
    }
  });

  it('pages through every service exactly once', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const response: { body: { data?: Page | null } } = await sg.request<Page>(anyone, SEARCH, { first: 100, after });
      const services = response.body.data!.services;
      total = services.totalCount;
      for (const { node } of services.edges) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
      }
      after = services.pageInfo.hasNextPage ? services.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(total);
  });

  it('refuses a malformed country code, naming the field', async () => {
    const { body } = await sg.request(anyone, SEARCH, { filter: { countries: ['Guatemala'] } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.countries[0]' });
  });

  it('refuses a page size above the limit and a forged cursor', async () => {
    const big = await sg.request(anyone, SEARCH, { first: 1000 });
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await sg.request(anyone, SEARCH, { after: 'not-a-cursor' });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
