import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';

let sg: TestSubgraph;
let base = '';

beforeAll(async () => {
  sg = await startTestSubgraph(servicesSubgraph, { seed: true, seedScale: 0.2 });
  base = sg.url.replace(/\/graphql$/, '');
});
afterAll(() => sg?.close());

type Json = Record<string, unknown>;
const problems: string[] = [];

/** A small HSDS 3.0 shape check: required keys and their JSON types, recursively for the parts we emit. */
function check(value: unknown, path: string, spec: Record<string, string>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path}: not an object`);
    return;
  }
  for (const [key, type] of Object.entries(spec)) {
    const v = (value as Json)[key];
    const optional = type.endsWith('?');
    const t = type.replace('?', '');
    if (v === undefined) {
      if (!optional) problems.push(`${path}.${key}: missing`);
      continue;
    }
    if (v === null && optional) continue;
    const actual = Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
    if (actual !== t) problems.push(`${path}.${key}: ${actual}, want ${t}`);
  }
}

const SERVICE = {
  id: 'string',
  name: 'string',
  status: 'string',
  description: 'string?',
  url: 'string?',
  email: 'string?',
  organization: 'object',
  phones: 'array',
  schedules: 'array',
  service_areas: 'array',
  service_at_locations: 'array',
  languages: 'array',
  attributes: 'array',
};
const STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'];

function checkService(s: Json, path: string): void {
  check(s, path, SERVICE);
  if (!STATUSES.includes(s.status as string)) problems.push(`${path}.status: ${String(s.status)}`);
  check(s.organization, `${path}.organization`, { id: 'string', name: 'string', description: 'string' });
  (s.phones as Json[]).forEach((p, i) => {
    check(p, `${path}.phones[${i}]`, { id: 'string', number: 'string', type: 'string' });
    if (!['voice', 'text', 'cell', 'fax', 'video', 'pager', 'textphone'].includes(p.type as string))
      problems.push(`${path}.phones[${i}].type`);
  });
  (s.schedules as Json[]).forEach((x, i) => {
    check(x, `${path}.schedules[${i}]`, {
      id: 'string',
      freq: 'string',
      opens_at: 'string',
      closes_at: 'string',
      byday: 'string?',
    });
    if (!/^\d{2}:\d{2}$/.test(x.opens_at as string)) problems.push(`${path}.schedules[${i}].opens_at`);
  });
  (s.languages as Json[]).forEach((l, i) => {
    check(l, `${path}.languages[${i}]`, { id: 'string', name: 'string', code: 'string' });
  });
  (s.service_at_locations as Json[]).forEach((sal, i) => {
    check(sal, `${path}.service_at_locations[${i}]`, { id: 'string', service_id: 'string', location: 'object' });
    const location = sal.location as Json;
    check(location, `${path}.service_at_locations[${i}].location`, {
      id: 'string',
      location_type: 'string',
      latitude: 'number?',
      longitude: 'number?',
      addresses: 'array',
    });
    (location.addresses as Json[]).forEach((a, j) => {
      check(a, `${path}.location.addresses[${j}]`, {
        id: 'string',
        address_1: 'string',
        city: 'string',
        state_province: 'string',
        postal_code: 'string',
        country: 'string',
        address_type: 'string',
      });
    });
  });
}

const get = async (query: string) => {
  // No internal token, no authorization header: the export is public.
  const response = await fetch(`${base}/hsds/services${query}`);
  return { status: response.status, body: (await response.json()) as Json };
};

describe('GET /hsds/services', () => {
  it('pages through the whole catalogue in HSDS 3.0 shape, without any token', async () => {
    const [{ n }] = (await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM services')) as [{ n: number }];
    const seen = new Set<string>();
    let page = 1;
    let last = false;
    while (!last) {
      const { status, body } = await get(`?page=${page}&per_page=40`);
      expect(status).toBe(200);
      check(body, 'page', {
        total_items: 'number',
        total_pages: 'number',
        page_number: 'number',
        size: 'number',
        first_page: 'boolean',
        last_page: 'boolean',
        empty: 'boolean',
        contents: 'array',
      });
      expect(body).toMatchObject({
        total_items: n,
        total_pages: Math.ceil(n / 40),
        page_number: page,
        first_page: page === 1,
      });
      for (const [i, s] of (body.contents as Json[]).entries()) {
        checkService(s, `page${page}.contents[${i}]`);
        seen.add(s.id as string);
      }
      last = body.last_page as boolean;
      page++;
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBe(n);
    const beyond = await get(`?page=${page + 5}&per_page=40`);
    expect(beyond.body).toMatchObject({ empty: true, size: 0, contents: [], last_page: true });
  });

  it('never exports a confidential location', async () => {
    const confidential = await sg.db.query<{ id: string; address: string | null; city: string; latitude: number }>(
      'SELECT id, address, city, latitude FROM services WHERE confidential_location',
    );
    expect(confidential.length).toBeGreaterThan(0);
    const { body } = await get('?per_page=100&page=1');
    const all: Json[] = [...(body.contents as Json[])];
    for (let p = 2; p <= (body.total_pages as number); p++)
      all.push(...((await get(`?per_page=100&page=${p}`)).body.contents as Json[]));
    for (const c of confidential) {
      const exported = all.find((s) => s.id === c.id)!;
      expect(exported.service_at_locations).toEqual([]);
      const text = JSON.stringify(exported);
      expect(text).not.toContain(String(c.latitude));
      expect(text).not.toContain(`"${c.city}"`);
      expect((exported.phones as Json[]).length).toBeGreaterThan(0);
    }
  });

  it('refuses bad paging parameters with 400', async () => {
    expect((await get('?page=0')).status).toBe(400);
    expect((await get('?per_page=1000')).status).toBe(400);
    expect((await get('?page=abc')).status).toBe(400);
  });
});
