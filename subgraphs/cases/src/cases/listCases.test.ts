import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PROVIDER_ORGANIZATIONS,
  encodeCursor,
  principalFor,
  startTestSubgraph,
  type TestSubgraph,
} from '@amparo/kit';
import { casesSubgraph } from '../definition.js';

let sg: TestSubgraph;
const orgA = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;
const caseworkerA = principalFor('caseworker', orgA);

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph, { seed: true, seedScale: 0.2 });
});
afterAll(() => sg?.close());

interface CaseNode {
  id: string;
  status: string;
  openedAt: string;
  birthDate: string | null;
  estimatedAge: number | null;
  presumedMinor: boolean;
  organization: { id: string };
}
interface Page {
  cases: {
    totalCount: number;
    edges: { node: CaseNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const LIST = `query ($status: CaseStatus, $first: Int, $after: String) {
  cases(status: $status, first: $first, after: $after) {
    totalCount
    edges { node { id status openedAt birthDate estimatedAge presumedMinor organization { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function allCases(variables: Record<string, unknown> = {}): Promise<{ total: number; nodes: CaseNode[] }> {
  const nodes: CaseNode[] = [];
  let after: string | null = null;
  let total = 0;
  do {
    const response: { body: { data?: Page | null } } = await sg.request<Page>(caseworkerA, LIST, {
      ...variables,
      first: 7,
      after,
    });
    const { cases } = response.body.data!;
    total = cases.totalCount;
    nodes.push(...cases.edges.map((e) => e.node));
    after = cases.pageInfo.hasNextPage ? cases.pageInfo.endCursor : null;
  } while (after);
  return { total, nodes };
}

describe('case list', () => {
  it("pages through all of her organisation's cases, newest first, each exactly once", async () => {
    const { total, nodes } = await allCases();
    expect(total).toBeGreaterThan(7);
    expect(nodes).toHaveLength(total);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(total);
    expect(nodes.every((n) => n.organization.id === orgA)).toBe(true);
    const opened = nodes.map((n) => n.openedAt);
    expect([...opened].sort().reverse()).toEqual(opened);
  });

  it('filters by status, and the counts add up', async () => {
    const { total } = await allCases();
    let sum = 0;
    for (const status of ['OPEN', 'REFERRED', 'CLOSED']) {
      const { total: n, nodes } = await allCases({ status });
      expect(nodes.every((c) => c.status === status)).toBe(true);
      sum += n;
    }
    expect(sum).toBe(total);
  });

  it('presumes a minor whenever the age is unknown', async () => {
    const { nodes } = await allCases();
    const unknownAge = nodes.filter((n) => n.birthDate === null && n.estimatedAge === null);
    expect(unknownAge.length).toBeGreaterThan(0);
    expect(unknownAge.every((n) => n.presumedMinor)).toBe(true);
  });

  it('refuses a page size above the limit, naming the field', async () => {
    const { body } = await sg.request(caseworkerA, LIST, { first: 1000 });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses a forged cursor, and one that decodes to the wrong shape', async () => {
    for (const after of ['not-a-cursor', encodeCursor(['yesterday', 'x']), encodeCursor([1])]) {
      const { body } = await sg.request(caseworkerA, LIST, { after });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  it('gives a caseworker without an organisation an empty list', async () => {
    const { body } = await sg.request<Page>(principalFor('caseworker'), LIST, {});
    expect(body.data!.cases).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('refuses enforcement with no data', async () => {
    const { body } = await sg.request(principalFor('enforcement'), LIST, {});
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
