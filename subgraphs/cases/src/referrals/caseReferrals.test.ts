import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
  demoServiceId,
  principalFor,
  startTestSubgraph,
  type TestSubgraph,
} from '@amparo/kit';
import { casesSubgraph } from '../definition.js';

const SCALE = 0.2;
let sg: TestSubgraph;

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph, { seed: true, seedScale: SCALE });
});
afterAll(() => sg?.close());

interface Page {
  cases: {
    edges: {
      node: {
        id: string;
        status: string;
        referrals: { id: string; status: string; createdAt: string; service: { id: string } }[];
      };
    }[];
  };
}

const REFERRALS = `{ cases(first: 100) { edges { node { id status referrals { id status createdAt service { id } } } } } }`;

describe('referrals of a case', () => {
  it('name services that the services seed at the same scale creates', async () => {
    const known = new Set(Array.from({ length: Math.round(DEMO_SIZES.services * SCALE) }, (_, i) => demoServiceId(i)));
    let referred = 0;
    for (const org of DEMO_PROVIDER_ORGANIZATIONS.slice(0, 4)) {
      const { body } = await sg.request<Page>(principalFor('caseworker', org.id), REFERRALS);
      expect(body.errors).toBeUndefined();
      for (const { node } of body.data!.cases.edges) {
        if (node.referrals.length > 0) referred++;
        expect(node.referrals.length).toBeLessThanOrEqual(2);
        if (node.status === 'REFERRED') expect(node.referrals.length).toBeGreaterThan(0);
        for (const referral of node.referrals) expect(known.has(referral.service.id)).toBe(true);
      }
    }
    expect(referred).toBeGreaterThan(0);
  });

  it('are refused to enforcement like the cases themselves', async () => {
    const { body } = await sg.request(principalFor('enforcement'), REFERRALS);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
