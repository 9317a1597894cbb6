import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ORGANIZATIONS, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { casesSubgraph } from '../definition.js';

let sg: TestSubgraph;
const orgA = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;
const orgB = DEMO_PROVIDER_ORGANIZATIONS[1]!.id;
const caseworkerA = principalFor('caseworker', orgA);
const caseworkerB = principalFor('caseworker', orgB);
let caseOfA: string;
let caseOfB: string;

const CASE = `query ($id: ID!) { case(id: $id) { id referenceCode givenName organization { id } } }`;
const FIRST_CASE = `{ cases(first: 1) { edges { node { id } } } }`;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Case { id givenName intakeStatement } } }`;

interface FirstCase {
  cases: { edges: { node: { id: string } }[] };
}

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph, { seed: true, seedScale: 0.05 });
  const [a, b] = await Promise.all([
    sg.request<FirstCase>(caseworkerA, FIRST_CASE),
    sg.request<FirstCase>(caseworkerB, FIRST_CASE),
  ]);
  caseOfA = a.body.data!.cases.edges[0]!.node.id;
  caseOfB = b.body.data!.cases.edges[0]!.node.id;
});
afterAll(() => sg?.close());

describe('who sees a case', () => {
  it("gives a caseworker her own organisation's case", async () => {
    const { body } = await sg.request<{ case: { id: string; organization: { id: string } } }>(caseworkerA, CASE, {
      id: caseOfA,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.case).toMatchObject({ id: caseOfA, organization: { id: orgA } });
  });

  it("answers another organisation's case exactly like a case that does not exist", async () => {
    const other = await sg.request(caseworkerA, CASE, { id: caseOfB });
    const missing = await sg.request(caseworkerA, CASE, { id: randomUUID() });
    const malformed = await sg.request(caseworkerA, CASE, { id: 'AMP-0000' });
    expect(other).toEqual({ status: 200, body: { data: { case: null } } });
    expect(missing).toEqual(other);
    expect(malformed).toEqual(other);
  });

  it('refuses enforcement and the public outright, with no data', async () => {
    const enforcementOrg = principalFor('caseworker', orgA, 'cw', 'IMMIGRATION_ENFORCEMENT');
    for (const principal of [principalFor('enforcement'), principalFor('public'), enforcementOrg]) {
      const { body } = await sg.request(principal, CASE, { id: caseOfA });
      expect(body.data?.case ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(JSON.stringify(body)).not.toContain(caseOfA);
    }
  });

  it('refuses every other role, which holds no cases:read scope', async () => {
    for (const role of ['migrant', 'interpreter', 'family', 'consular', 'statistician', 'auditor', 'admin'] as const) {
      const { body } = await sg.request(principalFor(role, orgA), FIRST_CASE);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('ignores a cases:read scope claimed beyond the role', async () => {
    // The internal token re-derives scopes from the role; readableOrganization.test.ts covers
    // the subgraph's own check for the day that stops being true.
    const forged = {
      ...principalFor('consular', orgA),
      scopes: [...principalFor('consular').scopes, 'cases:read' as const],
    };
    // A consular official may ask for a case (cases:shared:read), but sees one only through a consent.
    const { body } = await sg.request(forged, CASE, { id: caseOfA });
    expect(body).toEqual({ data: { case: null } });
  });

  it('resolves entity references only within the caller organisation', async () => {
    const representations = [
      { __typename: 'Case', id: caseOfA },
      { __typename: 'Case', id: caseOfB },
    ];
    const own = await sg.request<{ _entities: ({ id: string } | null)[] }>(caseworkerA, ENTITIES, {
      r: representations,
    });
    expect(own.body.data!._entities.map((e) => e?.id ?? null)).toEqual([caseOfA, null]);
    // The kit cannot see @policy through the _Entity union; the loaders must hold the line.
    const enforcement = await sg.request(principalFor('enforcement'), ENTITIES, { r: representations });
    expect(JSON.stringify(enforcement.body)).not.toContain(caseOfA);
    expect(JSON.stringify(enforcement.body)).not.toContain(caseOfB);
  });
});
