import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';
import { isOpenLocally, toOpeningHours, type OpeningHours, type OpeningHoursRow } from './openingHours.js';

let sg: TestSubgraph;
const anyone = principalFor('public');

interface Row {
  id: string;
  name: string;
  country: string;
  categories: string[];
  phases: string[];
  languages: string[];
  accessibility: string[];
  populations: string[];
  serves_regardless_of_status: boolean;
  status: string;
  time_zone: string;
  open_around_the_clock: boolean;
  public_latitude: number;
  public_longitude: number;
  confidential_location: boolean;
}
let rows: Row[] = [];
const hours = new Map<string, OpeningHours[]>();

/**
 * Expected "open at" per service, from the hours alone: the database only
 * converts the instant to each zone's wall clock (its tz rules are the
 * reference), the rule itself is recomputed here.
 */
async function openAt(instant: string): Promise<Set<string>> {
  const locals = await sg.db.query<{ id: string; weekday: number; time: string }>(
    `SELECT id, extract(isodow FROM $1::timestamptz AT TIME ZONE time_zone)::int AS weekday,
       to_char($1::timestamptz AT TIME ZONE time_zone, 'HH24:MI') AS time FROM services`,
    [instant],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return new Set(
    locals
      .filter((l) => isOpenLocally(l, byId.get(l.id)?.open_around_the_clock ?? false, hours.get(l.id) ?? []))
      .map((l) => l.id),
  );
}
let openWednesdayMorning = new Set<string>();
let openWednesdayNight = new Set<string>();

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph, { seed: true, seedScale: 0.5 });
  rows = await sg.db.query<Row>(
    `SELECT id, name, country, categories, phases, languages, accessibility, populations, serves_regardless_of_status,
       status, time_zone, open_around_the_clock, public_latitude, public_longitude, confidential_location FROM services`,
  );
  for (const h of await sg.db.query<OpeningHoursRow>(
    'SELECT service_id, weekday, opens::text AS opens, closes::text AS closes FROM service_hours',
  )) {
    const list = hours.get(h.service_id) ?? [];
    list.push(toOpeningHours(h));
    hours.set(h.service_id, list);
  }
  openWednesdayMorning = await openAt('2026-11-25T15:30:00Z');
  openWednesdayNight = await openAt('2026-11-25T09:00:00Z');
});
afterAll(() => sg?.close());

interface Edge {
  cursor: string;
  distanceKm: number | null;
  node: { id: string; name: string; country: string; categories: string[]; latitude: number | null; openNow: boolean };
}
interface Page {
  services: { totalCount: number; edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const SEARCH = `query ($filter: ServiceFilter, $near: NearInput, $orderBy: ServiceOrder, $first: Int, $after: String) {
  services(filter: $filter, near: $near, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor distanceKm node { id name country categories latitude openNow } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function page(variables: Record<string, unknown>) {
  const { body } = await sg.request<Page>(anyone, SEARCH, variables);
  expect(body.errors).toBeUndefined();
  return body.data!.services;
}

/** Every edge of a search, page after page (asserting totalCount on the way). */
async function everything(variables: Record<string, unknown>, between?: () => Promise<void>) {
  const edges: Edge[] = [];
  let after: string | null = null;
  let total = -1;
  do {
    const p = await page({ ...variables, first: 40, after });
    if (total < 0) total = p.totalCount;
    edges.push(...p.edges);
    after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : null;
    if (between) await between();
  } while (after);
  return { edges, total, ids: edges.map((e) => e.node.id) };
}

const expected = (predicate: (r: Row) => boolean) =>
  rows
    .filter(predicate)
    .map((r) => r.id)
    .sort();

function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 6371.0088 * 2 * Math.asin(Math.sqrt(Math.min(1, a)));
}

describe('services search: each filter alone', () => {
  const cases: [string, Record<string, unknown>, (r: Row) => boolean][] = [
    [
      'categories',
      { categories: ['SHELTER', 'FOOD'] },
      (r) => r.categories.some((c) => ['SHELTER', 'FOOD'].includes(c)),
    ],
    ['phases', { phases: ['RETURN'] }, (r) => r.phases.includes('RETURN')],
    ['countries', { countries: ['GT', 'MX'] }, (r) => ['GT', 'MX'].includes(r.country.trim())],
    ['languages', { languages: ['quc'] }, (r) => r.languages.includes('quc')],
    [
      'accessibility (all of them)',
      { accessibility: ['WHEELCHAIR_ACCESS', 'SIGN_LANGUAGE'] },
      (r) => r.accessibility.includes('WHEELCHAIR_ACCESS') && r.accessibility.includes('SIGN_LANGUAGE'),
    ],
    ['populations', { populations: ['LGBTI_AFFIRMING'] }, (r) => r.populations.includes('LGBTI_AFFIRMING')],
    ['regardlessOfStatus', { regardlessOfStatus: true }, (r) => r.serves_regardless_of_status],
    ['statuses', { statuses: ['TEMPORARILY_CLOSED'] }, (r) => r.status === 'TEMPORARILY_CLOSED'],
    [
      'openAt (each service in its own time zone)',
      { openAt: '2026-11-25T15:30:00Z' },
      (r) => openWednesdayMorning.has(r.id),
    ],
  ];
  for (const [name, filter, predicate] of cases) {
    it(`filters by ${name}`, async () => {
      const want = expected(predicate);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(rows.length);
      const { ids, total } = await everything({ filter });
      expect([...ids].sort()).toEqual(want);
      expect(total).toBe(want.length);
    });
  }

  it('openAt depends on the local time: 03:00 in Central America finds only round-the-clock services', async () => {
    const { ids } = await everything({ filter: { openAt: '2026-11-25T09:00:00Z' } });
    expect(ids.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected((r) => openWednesdayNight.has(r.id)));
    expect([...ids].sort()).toEqual(expected((r) => r.open_around_the_clock));
  });

  it('openNow returns only services open now (checked on both sides of the request), openNow field agrees', async () => {
    const before = await openAt(new Date().toISOString());
    const { edges } = await everything({ filter: { openNow: true } });
    const after = await openAt(new Date().toISOString());
    for (const { node } of edges) {
      expect(before.has(node.id) || after.has(node.id)).toBe(true);
      expect(node.openNow).toBe(true);
    }
    const roundTheClock = rows.filter((r) => r.open_around_the_clock).map((r) => r.id);
    expect(roundTheClock.length).toBeGreaterThan(0);
    for (const id of roundTheClock) expect(edges.some((e) => e.node.id === id)).toBe(true);
  });

  it('text ignores accents and case, and matches every language of the entry', async () => {
    const legal = expected((r) => r.name.startsWith('Asesoría jurídica'));
    expect(legal.length).toBeGreaterThan(0);
    const spanish = await everything({ filter: { text: 'ASESORIA juridica' } });
    expect([...spanish.ids].sort()).toEqual(legal);
    const english = await everything({ filter: { text: 'legal aid' } });
    expect([...english.ids].sort()).toEqual(legal);
    const none = await everything({ filter: { text: '100%_' } });
    expect(none.total).toBe(0);
  });
});

describe('services search: combinations, distance, pagination', () => {
  it('combines filters with AND', async () => {
    const filter = { countries: ['GT'], categories: ['SHELTER', 'HEALTH'], phases: ['TRANSIT', 'DESTINATION'] };
    const want = expected(
      (r) =>
        r.country.trim() === 'GT' &&
        r.categories.some((c) => ['SHELTER', 'HEALTH'].includes(c)) &&
        r.phases.some((p) => ['TRANSIT', 'DESTINATION'].includes(p)),
    );
    expect(want.length).toBeGreaterThan(0);
    const { ids } = await everything({ filter });
    expect([...ids].sort()).toEqual(want);
  });

  const tapachula = { latitude: 14.9039, longitude: -92.2575, radiusKm: 300 };

  it('with near: only services within the radius, nearest first, distance on every edge', async () => {
    const { edges, total } = await everything({ near: tapachula, filter: { text: 'mujeres' } });
    expect(edges.length).toBe(total);
    expect(total).toBeGreaterThan(0);
    const distances = edges.map((e) => e.distanceKm as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const d of distances) expect(d).toBeLessThanOrEqual(tapachula.radiusKm);
    // Rounded to 0.1 km: the value a person reads, and exactly the one the cursor carries.
    for (const d of distances) expect(Number(d.toFixed(1))).toBe(d);
    const computed = (r: Row) =>
      haversineKm(tapachula.latitude, tapachula.longitude, r.public_latitude, r.public_longitude);
    const surely = expected((r) => computed(r) < tapachula.radiusKm - 0.1);
    const maybe = new Set(expected((r) => computed(r) <= tapachula.radiusKm + 0.1));
    const got = new Set(edges.map((e) => e.node.id));
    for (const id of surely) expect(got.has(id)).toBe(true);
    for (const id of got) expect(maybe.has(id)).toBe(true);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const e of edges)
      expect(Math.abs((e.distanceKm as number) - computed(byId.get(e.node.id)!))).toBeLessThan(0.06);
  });

  it('hides the coordinates of confidential locations, and measures them only from a rounded position', async () => {
    const confidential = rows.find((r) => r.confidential_location)!;
    expect(confidential).toBeDefined();
    const { edges } = await everything({
      near: { latitude: confidential.public_latitude, longitude: confidential.public_longitude, radiusKm: 1 },
    });
    const edge = edges.find((e) => e.node.id === confidential.id)!;
    expect(edge.node.latitude).toBeNull();
    expect(edge.distanceKm).toBe(0);
    const [exact] = await sg.db.query<{ latitude: number }>('SELECT latitude FROM services WHERE id = $1', [
      confidential.id,
    ]);
    expect(exact!.latitude).not.toBe(confidential.public_latitude);
    expect(Math.abs(exact!.latitude - confidential.public_latitude)).toBeLessThanOrEqual(0.05 + 1e-9);
  });

  it('orders by name when asked even with near, and refuses DISTANCE without near', async () => {
    const p = await page({ near: tapachula, orderBy: 'NAME', first: 30 });
    const names = p.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(p.edges.every((e) => e.distanceKm !== null)).toBe(true);
    const { body } = await sg.request(anyone, SEARCH, { orderBy: 'DISTANCE' });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
  });

  it.each([
    ['by name', {}],
    ['by distance', { near: tapachula }],
    ['by distance with text', { near: tapachula, filter: { text: 'mujeres' } }],
    ['by name near a place', { near: tapachula, orderBy: 'NAME' }],
  ])('counts every match on an empty page past the last one (%s)', async (_mode, variables) => {
    // The count and the page are one statement: the count must not depend on the page having rows.
    const { edges, total } = await everything(variables);
    expect(total).toBeGreaterThan(0);
    expect(edges.length).toBe(total);
    const last = await page({ ...variables, first: 1, after: edges.at(-1)!.cursor });
    expect(last.edges).toEqual([]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.totalCount).toBe(total);
  });

  for (const mode of ['name', 'distance'] as const) {
    it(`pages by ${mode} with no duplicates and no gaps while services are inserted`, async () => {
      const near = mode === 'distance' ? { latitude: 14.6349, longitude: -90.5069, radiusKm: 2000 } : null;
      const before = new Set(
        (await sg.db.query<{ id: string }>('SELECT id FROM services WHERE public_latitude IS NOT NULL')).map(
          (r) => r.id,
        ),
      );
      const org = (await sg.db.query<{ id: string }>('SELECT id FROM organizations LIMIT 1'))[0]!.id;
      let n = 0;
      const insert = async () => {
        // New rows land everywhere in the order: both before and after the cursor.
        for (const [name, lat] of [
          [`AAA ${mode} ${n}`, 14.6349],
          [`zzz ${mode} ${n}`, 16.5],
          [`Mmm ${mode} ${n}`, 15.1],
        ] as const) {
          await sg.db.query(
            `INSERT INTO services (id, organization_id, name, categories, phases, country, latitude, longitude)
             VALUES ($1, $2, $3, '{FOOD}', '{TRANSIT}', 'GT', $4, -90.5069)`,
            [randomUUID(), org, name, lat],
          );
        }
        n++;
      };
      const { ids } = await everything(
        { near, filter: { countries: ['GT', 'MX', 'HN', 'SV', 'BZ', 'NI', 'CR', 'PA', 'DO', 'US', 'CA'] } },
        insert,
      );
      expect(new Set(ids).size).toBe(ids.length);
      const seen = new Set(ids);
      const inRadius = near
        ? [...before].filter((id) => {
            const r = rows.find((x) => x.id === id);
            return !r || haversineKm(near.latitude, near.longitude, r.public_latitude, r.public_longitude) <= 1999;
          })
        : [...before];
      for (const id of inRadius) expect(seen.has(id)).toBe(true);
      expect(n).toBeGreaterThan(2);
    });
  }

  it('refuses a malformed country code, naming the field', async () => {
    const { body } = await sg.request(anyone, SEARCH, { filter: { countries: ['Guatemala'] } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.countries[0]' });
  });

  it('refuses bad near, openAt, page size and a forged cursor, naming the field', async () => {
    const checks: [Record<string, unknown>, string][] = [
      [{ near: { latitude: 91, longitude: 0, radiusKm: 5 } }, 'near.latitude'],
      [{ near: { latitude: 14, longitude: -90, radiusKm: 0 } }, 'near.radiusKm'],
      [{ filter: { openAt: 'tomorrow' } }, 'filter.openAt'],
      [{ first: 1000 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
    ];
    for (const [variables, field] of checks) {
      const { body } = await sg.request(anyone, SEARCH, variables);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('anonymous use leaves no trace', () => {
  it('a public search (text, filters, near) writes no audit row and stores its terms nowhere', async () => {
    const term = 'zqxjvunicotermino';
    const [before] = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events');
    const { body } = await sg.request<Page>(anyone, SEARCH, {
      filter: { text: term, countries: ['GT'], openNow: true },
      near: { latitude: 14.6349, longitude: -90.5069, radiusKm: 25 },
    });
    expect(body.data!.services.totalCount).toBe(0);
    const [after] = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events');
    expect(after).toEqual(before);
    // Every table of the subgraph's schema, every column, as text.
    const tables = await sg.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.table_name)).toContain('audit_events');
    for (const { table_name } of tables) {
      const [hit] = await sg.db.query<{ n: number }>(
        `SELECT count(*) AS n FROM "${table_name}" t WHERE t::text LIKE $1`,
        [`%${term}%`],
      );
      expect(hit!.n, table_name).toBe(0);
    }
  });
});

describe("a page's openNow and organisation, read with the page", () => {
  const PAGE = `query P($filter: ServiceFilter, $near: NearInput, $first: Int) {
    services(filter: $filter, near: $near, first: $first) {
      edges { node { id openNow organization { id name kind country city } } }
    }
  }`;
  const ONE = `query S($id: ID!) { service(id: $id) { id openNow organization { id name kind country city } } }`;
  type Node = { id: string; openNow: boolean; organization: Record<string, unknown> | null };

  it.each([
    [
      'near a place, index-held filters (nearest-first walk)',
      { near: { latitude: 15, longitude: -90.5, radiusKm: 300 } },
    ],
    [
      'near a place with a filter only the rows hold',
      { near: { latitude: 15, longitude: -90.5, radiusKm: 300 }, filter: { phases: ['TRANSIT'] } },
    ],
    ['by name, no place', { filter: { text: 'mujeres' } }],
  ])('%s: the same as each service read on its own', async (_label, variables) => {
    const { body } = await sg.request<{ services: { edges: { node: Node }[] } }>(anyone, PAGE, {
      ...variables,
      first: 20,
    });
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.services.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      const alone = await sg.request<{ service: Node }>(anyone, ONE, { id: node.id });
      expect(node).toEqual(alone.body.data!.service);
    }
  });
});
