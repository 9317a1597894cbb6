import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiSchema, buildPolicyIndex } from '@amparo/gateway';
import { readSupergraph } from '@amparo/schema';
import { randomOperation, startFederation, type Federation } from '../src/index.js';

/**
 * F1 — no path. Random operations over the FULL supergraph (aliases,
 * fragments, inline fragments, nested entities, variables), sent as
 * `enforcement`, never yield a value of a firewalled field; and the answers
 * are the same whether or not the people-data subgraphs hold any rows.
 */
const apiSchema = buildApiSchema(readSupergraph());
const PEOPLE_SUBGRAPHS = ['cases', 'interpreters', 'searches'];

let seeded: Federation;
let empty: Federation;
let canaries: string[];

async function collectCanaries(federation: Federation): Promise<string[]> {
  const db = (name: string) => {
    const subgraph = federation.subgraphs.get(name);
    if (!subgraph) throw new Error(`no ${name} subgraph`);
    return subgraph.db;
  };
  const cases = await db('cases').query<{ v: string }>(
    "SELECT reference_code AS v FROM cases UNION SELECT given_name || ' ' || family_name FROM cases WHERE given_name IS NOT NULL AND family_name IS NOT NULL",
  );
  const interpreters = await db('interpreters').query<{ v: string }>('SELECT display_name AS v FROM interpreters');
  const searches = await db('searches').query<{ v: string }>('SELECT id::text AS v FROM search_requests');
  return [...cases, ...interpreters, ...searches].map((r) => r.v).filter((v) => v.length >= 6);
}

beforeAll(async () => {
  [seeded, empty] = await Promise.all([
    startFederation({ seedScale: 0.05 }),
    startFederation({ seedScale: 0.05, unseeded: PEOPLE_SUBGRAPHS }),
  ]);
  canaries = await collectCanaries(seeded);
});
afterAll(async () => {
  await Promise.all([seeded?.close(), empty?.close()]);
});

describe('F1: enforcement has no path to firewalled data', () => {
  it('knows the firewalled fields and has canaries to look for', () => {
    const firewalled = [...buildPolicyIndex(readSupergraph())].filter(([, r]) =>
      r.policies?.some((p) => p.includes('firewall')),
    );
    expect(firewalled.length).toBeGreaterThan(10);
    expect(canaries.length).toBeGreaterThan(100);
  });

  it('never answers a random operation with a firewalled value, and answers alike with or without people data', async () => {
    const seededToken = await seeded.tokenFor('enforcement', { sub: 'officer-1' });
    const emptyToken = await empty.tokenFor('enforcement', { sub: 'officer-1' });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: 1_000 }), { minLength: 20, maxLength: 120 }), async (tape) => {
        const { query, variables } = randomOperation(apiSchema, tape);
        const [a, b] = await Promise.all([
          seeded.query(query, variables, { token: seededToken }),
          empty.query(query, variables, { token: emptyToken }),
        ]);
        const text = JSON.stringify(a.body);
        for (const canary of canaries)
          expect(text.includes(canary), `leaked a firewalled value for ${query}`).toBe(false);
        expect(a.status).toBe(b.status);
        expect(a.body).toEqual(b.body);
      }),
      { numRuns: 80, seed: 20261123 },
    );
  });

  it('also holds for an enforcement agency officer whose token claims a caseworker role', async () => {
    const enforcementOrg = (
      await seeded.query<{ organizations: { edges: { node: { id: string; kind: string } }[] } }>(
        '{ organizations(first: 100) { edges { node { id kind } } } }',
      )
    ).body.data?.organizations.edges.find((e) => e.node.kind === 'IMMIGRATION_ENFORCEMENT')?.node.id;
    expect(enforcementOrg).toBeDefined();
    // No org_kind claim: the gateway reads the kind from the organisation registry.
    const token = await seeded.tokenFor('caseworker', { org: enforcementOrg });
    const { body } = await seeded.query('{ cases(first: 5) { totalCount } }', {}, { token });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toBe('Cannot query field "cases" on type "Query".');
  });
});
