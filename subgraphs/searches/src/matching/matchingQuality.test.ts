import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import { measureAmparo, measureExhaustive, type MatchingQuality } from './measureMatching.js';

let sg: TestSubgraph;

beforeAll(async () => {
  // 2,000 found records, 400 searches, 100 seeded true matches.
  sg = await startTestSubgraph(searchesSubgraph, { seed: true, seedScale: 0.2 });
});
afterAll(() => sg?.close());

const line = (name: string, q: MatchingQuality) =>
  `${name}: precision@1 ${q.precisionAt1.toFixed(3)}, recall@5 ${q.recallAt5.toFixed(3)} over ${q.truths} true matches; ` +
  `recall@5 by variant ${JSON.stringify(Object.fromEntries(Object.entries(q.recallAt5ByVariant).map(([k, v]) => [k, Number(v.toFixed(2))])))}`;

describe('matching quality on the seeded ground truth', () => {
  it('finds at least 90% of the true matches among the top five candidates (blocking + scoring)', async () => {
    const amparo = await measureAmparo(sg.db);
    console.log(line('Amparo (blocked, production path)', amparo));
    expect(amparo.truths).toBeGreaterThanOrEqual(90);
    expect(amparo.recallAt5).toBeGreaterThanOrEqual(0.9);
  });

  it('measures Primero’s reference scoring on the same ground truth, both scorers over every record', async () => {
    const { amparo, primero } = await measureExhaustive(sg.db);
    console.log(line('Amparo scorer, exhaustive', amparo));
    console.log(line('Primero reference, exhaustive', primero));
    expect(amparo.recallAt5).toBeGreaterThanOrEqual(0.9);
    // The claim: Amparo handles Spanish double surnames and Mayan spellings better.
    expect(amparo.recallAt5).toBeGreaterThan(primero.recallAt5);
  });
});
