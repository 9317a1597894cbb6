import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import { foldName } from '../names/nameKey.js';
import { searchRequestId } from './demoSearchRequest.js';
import { NAME_VARIANTS } from './nameVariant.js';

let sg: TestSubgraph;

beforeAll(async () => {
  sg = await startTestSubgraph(searchesSubgraph, { seed: true, seedScale: 0.1 });
});
afterAll(() => sg?.close());

interface TruthRow {
  variant: string;
  search_key: string;
  found_key: string;
  s_first: string | null;
  s_second: string | null;
  f_first: string | null;
  f_second: string | null;
  s_sex: string;
  f_sex: string;
  last_contact_date: string | null;
  found_date: string;
}

describe('searches demo seed', () => {
  it('creates the documented volumes, scaled', async () => {
    const [counts] = await sg.db.query<{ found: number; searches: number; truth: number; families: number }>(
      `SELECT (SELECT count(*) FROM found_person_records) AS found,
              (SELECT count(*) FROM search_requests) AS searches,
              (SELECT count(*) FROM seed_true_matches) AS truth,
              (SELECT count(DISTINCT requester_sub) FROM search_requests) AS families`,
    );
    expect(counts).toEqual({ found: 1000, searches: 200, truth: 50, families: 25 });
  });

  it('is deterministic: the same ids and names on every run', async () => {
    const [first] = await sg.db.query<{ requester_sub: string | null; name_key: string }>(
      'SELECT requester_sub, name_key FROM search_requests WHERE id = $1',
      [searchRequestId(0)],
    );
    expect(first?.requester_sub).toBe('demo-family-1');
    expect(first?.name_key).toMatch(/^[a-z ]+$/);
  });

  it('records true matches whose names differ the way relatives’ descriptions do', async () => {
    const rows = await sg.db.query<TruthRow>(
      `SELECT t.variant, s.name_key AS search_key, f.name_key AS found_key,
              s.first_surname AS s_first, s.second_surname AS s_second,
              f.first_surname AS f_first, f.second_surname AS f_second,
              s.sex AS s_sex, f.sex AS f_sex, s.last_contact_date, f.found_date
         FROM seed_true_matches t
         JOIN search_requests s ON s.id = t.search_request_id
         JOIN found_person_records f ON f.id = t.found_person_record_id`,
    );
    expect(rows.length).toBe(50);
    expect(new Set(rows.map((r) => r.variant)).size).toBeGreaterThanOrEqual(5);
    for (const row of rows) {
      expect(NAME_VARIANTS).toContain(row.variant);
      expect(row.found_key.length).toBeGreaterThan(0);
      if (row.s_sex !== 'UNKNOWN' && row.f_sex !== 'UNKNOWN') expect(row.s_sex).toBe(row.f_sex);
      if (row.last_contact_date) expect(row.last_contact_date < row.found_date).toBe(true);
      if (row.variant === 'swapped_surnames') {
        expect(row.s_first).toBe(row.f_second ?? row.s_first);
        expect(row.s_second).toBe(row.f_first);
      }
      if (['typo', 'phonetic_spelling', 'nickname'].includes(row.variant)) {
        expect(row.search_key).not.toBe(row.found_key);
      }
    }
  });

  it('makes every demo consulate a partner for the country it works in, and nothing else', async () => {
    const rows = await sg.db.query<{ organization_id: string; country: string }>(
      'SELECT organization_id, country FROM partner_organizations ORDER BY organization_id, country',
    );
    const consulates = DEMO_ORGANIZATIONS.filter((o) => o.kind === 'CONSULATE');
    expect(consulates.length).toBeGreaterThan(0);
    expect(rows).toEqual(
      consulates
        .map((o) => ({ organization_id: o.id, country: o.place.country }))
        .sort((a, b) => (a.organization_id < b.organization_id ? -1 : 1)),
    );
  });

  it('stores name keys folded for trigram matching', async () => {
    const rows = await sg.db.query<{ name_key: string; given_names: string; first_surname: string | null }>(
      'SELECT name_key, given_names, first_surname FROM search_requests LIMIT 50',
    );
    for (const row of rows) expect(row.name_key.startsWith(foldName(row.given_names))).toBe(true);
    const [similar] = await sg.db.query<{ s: number }>(
      `SELECT similarity('juana tzoc xiquin', 'juana tzok xiquin') AS s`,
    );
    expect(similar!.s).toBeGreaterThan(0.5);
  });
});
