import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';
import { distanceKmSql } from './greatCircle.js';

/**
 * The nearest-first page (nearestPage.ts) on hand-placed services far from
 * the demo region: the index walks planar degrees, the API orders by
 * great-circle distance then id, and pages must not notice the difference.
 */
let sg: TestSubgraph;
const anyone = principalFor('public');
// Oslo's latitude: a degree of longitude is half a degree of latitude there.
const center = { latitude: 60, longitude: 10 };
const ids: { north: string; south: string; east: string; tied: string[] } = {
  north: randomUUID(),
  south: randomUUID(),
  east: randomUUID(),
  tied: Array.from({ length: 7 }, () => randomUUID()),
};

async function addService(
  id: string,
  lat: number,
  lon: number,
  extra: { categories?: string[]; languages?: string[] },
) {
  await sg.db.query(
    `INSERT INTO services (id, organization_id, name, categories, phases, country, latitude, longitude, languages)
     VALUES ($1, $2, $3, $4, '{TRANSIT}', 'NO', $5, $6, $7)`,
    [id, orgId, `Service ${id.slice(0, 8)}`, extra.categories ?? ['FOOD'], lat, lon, extra.languages ?? ['spa']],
  );
}
const orgId = randomUUID();

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph);
  await sg.db.query(`INSERT INTO organizations (id, name, kind, country) VALUES ($1, 'Test', 'NGO', 'NO')`, [orgId]);
  // 0.5° north and south are 55.6 km, 0.8° east only 44.5 km: the planar order is the wrong one.
  await addService(ids.north, 60.5, 10, {});
  await addService(ids.south, 59.5, 10, {});
  await addService(ids.east, 60, 10.8, {});
  // Seven at one place (as confidential shelters rounded to 0.1° are): a tie that spans pages.
  for (const id of ids.tied) await addService(id, 60.2, 10.1, {});
  // Filters: nearer services that do not match, farther ones that do.
  for (let i = 0; i < 30; i++) {
    const lat = 60 + ((i % 6) - 3) * 0.07;
    const lon = 10 + (Math.floor(i / 6) - 2) * 0.15;
    await addService(randomUUID(), lat, lon, {
      categories: i % 3 === 0 ? ['LEGAL_AID'] : ['HEALTH'],
      languages: i % 2 === 0 ? ['spa', 'quc'] : ['eng'],
    });
  }
});
afterAll(() => sg?.close());

const SEARCH = `query ($filter: ServiceFilter, $near: NearInput, $first: Int, $after: String) {
  services(filter: $filter, near: $near, first: $first, after: $after) {
    totalCount
    edges { distanceKm node { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;
interface Page {
  services: {
    totalCount: number;
    edges: { distanceKm: number; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function allPages(variables: Record<string, unknown>, first: number) {
  const seen: { id: string; distanceKm: number }[] = [];
  let after: string | null = null;
  let total = -1;
  do {
    const { body }: { body: { data?: Page | null; errors?: unknown[] } } = await sg.request<Page>(anyone, SEARCH, {
      ...variables,
      first,
      after,
    });
    expect(body.errors).toBeUndefined();
    const page: Page['services'] = body.data!.services;
    total = page.totalCount;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    seen.push(...page.edges.map((e) => ({ id: e.node.id, distanceKm: e.distanceKm })));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { seen, total };
}

/** The order the API promises, straight from the table: (rounded distance, id) within the radius. */
async function expectedOrder(radiusKm: number, where = 'true', params: unknown[] = []) {
  const distance = distanceKmSql('$1', '$2');
  return sg.db.query<{ id: string; distanceKm: number }>(
    `SELECT id::text, ${distance} AS "distanceKm" FROM services
     WHERE ${distance} <= $3 AND ${where} ORDER BY 2, services.id`,
    [center.latitude, center.longitude, radiusKm, ...params],
  );
}

describe('distance search pages, nearest first from the index', () => {
  it('puts the nearest by great-circle distance first, not the nearest in degrees', async () => {
    // Pages of one: after the tied services, the index offers north and south (0.5°) before east (0.8°).
    const { seen } = await allPages({ near: { ...center, radiusKm: 60 }, filter: { categories: ['FOOD'] } }, 1);
    const [first] = seen.filter((s) => [ids.north, ids.south, ids.east].includes(s.id));
    expect(first?.id).toBe(ids.east);
    expect(first?.distanceKm).toBeCloseTo(44.5, 0);
  });

  for (const first of [1, 2, 3, 5, 20]) {
    it(`pages of ${first} follow (distance, id) exactly, ties across page boundaries included`, async () => {
      const want = await expectedOrder(100);
      const tiedDistances = new Set(want.filter((w) => ids.tied.includes(w.id)).map((w) => w.distanceKm));
      expect(tiedDistances.size).toBe(1);
      const { seen, total } = await allPages({ near: { ...center, radiusKm: 100 } }, first);
      expect(seen).toEqual(want);
      expect(total).toBe(want.length);
    });
  }

  it('with the filters the index holds (categories, languages) and with one it does not (phases)', async () => {
    const near = { ...center, radiusKm: 30 };
    const indexed = await allPages({ near, filter: { categories: ['LEGAL_AID'], languages: ['quc'] } }, 2);
    const wantIndexed = await expectedOrder(30, `categories && '{LEGAL_AID}' AND languages && '{quc}'`);
    expect(wantIndexed.length).toBeGreaterThan(2);
    expect(indexed.seen).toEqual(wantIndexed);
    expect(indexed.total).toBe(wantIndexed.length);
    const other = await allPages({ near, filter: { categories: ['HEALTH'], phases: ['TRANSIT'] } }, 3);
    expect(other.seen).toEqual(await expectedOrder(30, `categories && '{HEALTH}'`));
  });

  it('with text: services whose search text is too long for the text position index are found and counted too', async () => {
    // Every third service mentions the word; two of them (the east one and a tied one) with a text
    // longer than 0005's index holds, so the page interleaves both of 0005's indexes.
    await sg.db.query(
      `UPDATE services SET search_text = CASE WHEN id = ANY($1::uuid[]) THEN repeat('texto largo ', 200) || 'refugio'
         WHEN ('x' || substr(id::text, 1, 8))::bit(32)::int % 3 = 0 THEN 'albergue y refugio' ELSE 'salud' END`,
      [[ids.east, ids.tied[3]]],
    );
    const long = await sg.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM services WHERE octet_length(search_text) > 2000`,
    );
    expect(long[0]?.n).toBe(2);
    const want = await expectedOrder(100, `search_text LIKE '%refugio%'`);
    expect(want.map((w) => w.id)).toEqual(expect.arrayContaining([ids.east, ids.tied[3]]));
    for (const first of [1, 3, 20]) {
      const { seen, total } = await allPages(
        { near: { ...center, radiusKm: 100 }, filter: { text: 'RÉFUGIO' } },
        first,
      );
      expect(seen).toEqual(want);
      expect(total).toBe(want.length);
    }
    const both = await allPages(
      { near: { ...center, radiusKm: 100 }, filter: { text: 'refugio', categories: ['FOOD'] } },
      2,
    );
    expect(both.seen).toEqual(await expectedOrder(100, `search_text LIKE '%refugio%' AND categories && '{FOOD}'`));
  });

  it('answers an empty page (no match within the radius) and a page without totalCount', async () => {
    const none = await allPages({ near: { ...center, radiusKm: 5 }, filter: { categories: ['SHELTER'] } }, 20);
    expect(none).toEqual({ seen: [], total: 0 });
    const { body } = await sg.request<{ services: { edges: { node: { id: string } }[] } }>(
      anyone,
      `{ services(near: { latitude: 60, longitude: 10, radiusKm: 60 }, first: 2) { edges { node { id } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.services.edges.map((e) => e.node.id)).toEqual(
      (await expectedOrder(60)).slice(0, 2).map((w) => w.id),
    );
  });
});
