import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, demoId, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import type { Principal } from '@amparo/schema';
import { interpretersSubgraph } from '../definition.js';

let sg: TestSubgraph;
const enforcementOrg = DEMO_ORGANIZATIONS.find((o) => o.kind === 'IMMIGRATION_ENFORCEMENT')?.id ?? null;
const someInterpreter = demoId('interpreter', 0);

beforeAll(async () => {
  sg = await startTestSubgraph(interpretersSubgraph, { seed: true, seedScale: 0.5 });
});
afterAll(() => sg?.close());

const QUERIES = {
  list: ['{ interpreters(first: 5) { totalCount edges { node { id displayName } } } }', {}],
  one: ['query ($id: ID!) { interpreter(id: $id) { id displayName communities } }', { id: someInterpreter }],
  entities: [
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Interpreter { id displayName } } }',
    { r: [{ __typename: 'Interpreter', id: someInterpreter }] },
  ],
} as const;

const refused: [string, Principal][] = [
  ['enforcement', principalFor('enforcement', enforcementOrg)],
  // The firewall holds even when an enforcement agency's staff carry caseworker scopes.
  [
    'caseworker of an enforcement agency',
    principalFor('caseworker', enforcementOrg, 'test-caseworker', 'IMMIGRATION_ENFORCEMENT'),
  ],
  ['public', principalFor('public')],
  ['migrant', principalFor('migrant')],
  ['interpreter', principalFor('interpreter')],
  ['statistician', principalFor('statistician')],
];

/** True when any interpreter's display name appears anywhere in the response. */
const leaksData = (body: unknown) => /"displayName":"[^"]/.test(JSON.stringify(body));

describe('who may read the registry', () => {
  for (const [who, principal] of refused) {
    for (const [name, [query, variables]] of Object.entries(QUERIES)) {
      it(`${who}: ${name} yields no interpreter`, async () => {
        const { body } = await sg.request(principal, query, variables);
        if (name === 'entities') {
          // The kit's reference guard answers like a missing entity (F2).
          expect(body.data).toEqual({ _entities: [null] });
        } else {
          expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
        expect(leaksData(body)).toBe(false);
      });
    }
  }

  it('a caseworker of a provider organisation reads all three ways', async () => {
    const caseworker = principalFor('caseworker', DEMO_ORGANIZATIONS[0]?.id ?? null);
    for (const [query, variables] of Object.values(QUERIES)) {
      const { body } = await sg.request(caseworker, query, variables);
      expect(body.errors).toBeUndefined();
      expect(leaksData(body)).toBe(true);
    }
  });
});
