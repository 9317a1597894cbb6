import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ORGANIZATIONS, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { interpretersSubgraph } from '../definition.js';

let sg: TestSubgraph;
const caseworker = principalFor('caseworker', DEMO_PROVIDER_ORGANIZATIONS[0]?.id ?? null);

beforeAll(async () => {
  sg = await startTestSubgraph(interpretersSubgraph, { seed: true, seedScale: 0.5 });
});
afterAll(() => sg?.close());

interface Node {
  id: string;
  displayName: string;
  spheres: string[];
  countries: string[];
  timeZone: string;
  languages: { from: string; to: string; direction: string; proficiency: string }[];
}
interface Page {
  interpreters: {
    totalCount: number;
    edges: { node: Node }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const SEARCH = `query ($language: String, $sphere: InterpretationSphere, $country: String, $first: Int, $after: String) {
  interpreters(language: $language, sphere: $sphere, country: $country, first: $first, after: $after) {
    totalCount
    edges { node { id displayName spheres countries timeZone languages { from to direction proficiency } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Follows `endCursor` to the end, failing on any interpreter seen twice. */
async function collectAll(variables: Record<string, unknown>): Promise<{ nodes: Node[]; totalCount: number }> {
  const nodes: Node[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  let totalCount = 0;
  do {
    const response: { body: { data?: Page | null; errors?: unknown } } = await sg.request<Page>(caseworker, SEARCH, {
      ...variables,
      first: 100,
      after,
    });
    expect(response.body.errors).toBeUndefined();
    const page = response.body.data!.interpreters;
    totalCount = page.totalCount;
    for (const { node } of page.edges) {
      expect(seen.has(node.id)).toBe(false);
      seen.add(node.id);
      nodes.push(node);
    }
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  expect(nodes.length).toBe(totalCount);
  return { nodes, totalCount };
}

const speaks = (node: Node, language: string) => node.languages.some((p) => p.from === language || p.to === language);

describe('interpreters search', () => {
  it('pages through the whole registry exactly once, in name order', async () => {
    const { nodes, totalCount } = await collectAll({});
    expect(totalCount).toBe(160);
    const names = nodes.map((n) => n.displayName);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('seeds at least 20 languages, sign languages included', async () => {
    const { nodes } = await collectAll({});
    const languages = new Set(nodes.flatMap((n) => n.languages.flatMap((p) => [p.from, p.to])));
    expect(languages.size).toBeGreaterThanOrEqual(20);
    expect(languages).toContain('gsm');
    expect(languages).toContain('mfs');
  });

  it('filters by language on either side of a pair', async () => {
    const { nodes } = await collectAll({ language: 'mam' });
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(speaks(node, 'mam')).toBe(true);
    // Spanish is the `to` side of most pairs: matching it proves both sides are searched.
    const spanish = await collectAll({ language: 'spa' });
    expect(spanish.nodes.length).toBeGreaterThan(nodes.length);
  });

  it('filters by sphere and by country alone', async () => {
    const bySphere = await collectAll({ sphere: 'TRAFFICKING' });
    expect(bySphere.nodes.length).toBeGreaterThan(0);
    for (const node of bySphere.nodes) expect(node.spheres).toContain('TRAFFICKING');
    const byCountry = await collectAll({ country: 'GT' });
    expect(byCountry.nodes.length).toBeGreaterThan(0);
    for (const node of byCountry.nodes) expect(node.countries).toContain('GT');
  });

  it('combines language, sphere and country with AND', async () => {
    const byLanguage = await collectAll({ language: 'mam' });
    const inGuatemala = byLanguage.nodes.filter((n) => n.countries.includes('GT'));
    const sphere = inGuatemala[0]?.spheres[0];
    expect(sphere).toBeDefined();
    const combined = await collectAll({ language: 'mam', sphere, country: 'GT' });
    const expected = inGuatemala.filter((n) => n.spheres.includes(sphere!)).map((n) => n.id);
    expect(combined.nodes.map((n) => n.id).sort()).toEqual(expected.sort());
  });

  it('returns an empty connection when nobody matches', async () => {
    const { body } = await sg.request<Page>(caseworker, SEARCH, { language: 'zzz' });
    expect(body.data?.interpreters).toMatchObject({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('refuses a malformed language or country code, naming the field', async () => {
    const language = await sg.request(caseworker, SEARCH, { language: 'Mam' });
    expect(language.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
    const country = await sg.request(caseworker, SEARCH, { country: 'Guatemala' });
    expect(country.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
  });

  it('refuses a page size above the limit and a forged cursor', async () => {
    const big = await sg.request(caseworker, SEARCH, { first: 1000 });
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await sg.request(caseworker, SEARCH, { after: 'not-a-cursor' });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('one interpreter', () => {
  const ONE = `query ($id: ID!) {
    interpreter(id: $id) {
      id displayName timeZone status gender communities modalities
      languages { from to direction proficiency }
      certifications { issuer issuedOn expiresOn }
    }
  }`;

  it('returns her full record with languages and certifications', async () => {
    const { nodes } = await collectAll({});
    const id = nodes[0]!.id;
    const { body } = await sg.request<{
      interpreter: Record<string, unknown> & { certifications: { issuedOn: string }[] };
    }>(caseworker, ONE, { id });
    expect(body.errors).toBeUndefined();
    expect(body.data?.interpreter).toMatchObject({ id, languages: expect.any(Array) });
    for (const c of body.data!.interpreter.certifications) expect(c.issuedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('returns null for an unknown or malformed id', async () => {
    const unknown = await sg.request(caseworker, ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.body).toMatchObject({ data: { interpreter: null } });
    const malformed = await sg.request(caseworker, ONE, { id: 'not-a-uuid' });
    expect(malformed.body).toMatchObject({ data: { interpreter: null } });
  });
});

describe('seeded schedules', () => {
  it('seeds weekly availability for everyone, past bookings and the demo interpreter accounts', async () => {
    const [row] = await sg.db.query<{ without: number; bookings: number; accounts: number; exceptions: number }>(
      `SELECT (SELECT count(*) FROM interpreters i WHERE NOT EXISTS
                 (SELECT 1 FROM interpreter_weekly_availability w WHERE w.interpreter_id = i.id)) AS without,
              (SELECT count(*) FROM interpretation_bookings WHERE starts_at < '2026-01-01') AS bookings,
              (SELECT count(*) FROM interpreters WHERE account_sub LIKE 'demo-interpreter-%') AS accounts,
              (SELECT count(*) FROM interpreter_availability_exceptions) AS exceptions`,
    );
    expect(row).toMatchObject({ without: 0, accounts: 20 });
    expect(row?.bookings).toBeGreaterThan(100);
    expect(row?.exceptions).toBeGreaterThan(0);
  });
});
