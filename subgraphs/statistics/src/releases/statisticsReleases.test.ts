import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { statisticsSubgraph } from '../definition.js';

let sg: TestSubgraph;
const anyone = principalFor('public');

interface ReleaseNode {
  id: string;
  period: string;
  periodType: string;
  publishedAt: string;
  replaces: string | null;
  method: {
    name: string;
    epsilon: number;
    threshold: number;
    confidenceLevel: number;
    noiseDistribution: string;
    description: string;
  };
}
interface Page {
  statisticsReleases: {
    totalCount: number;
    edges: { node: ReleaseNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const LIST = `query ($first: Int, $after: String) {
  statisticsReleases(first: $first, after: $after) {
    totalCount
    edges { node { id period periodType publishedAt replaces
      method { name epsilon threshold confidenceLevel noiseDistribution description } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

beforeAll(async () => {
  sg = await startTestSubgraph(statisticsSubgraph, { seed: true, seedScale: 0.5 });
});
afterAll(() => sg?.close());

async function allReleases(): Promise<ReleaseNode[]> {
  const { body } = await sg.request<Page>(anyone, LIST, { first: 100 });
  return body.data!.statisticsReleases.edges.map((e) => e.node);
}

describe('statistics releases', () => {
  it('are readable by every role, public and enforcement included (no personal data)', async () => {
    for (const role of ['public', 'statistician', 'enforcement', 'caseworker'] as const) {
      const { body } = await sg.request<Page>(principalFor(role), LIST, { first: 1 });
      expect(body.errors).toBeUndefined();
      expect(body.data!.statisticsReleases.edges).toHaveLength(1);
    }
  });

  it('record their method, saying plainly that the demo data is synthetic', async () => {
    for (const release of await allReleases()) {
      expect(release.method).toMatchObject({
        noiseDistribution: 'DISCRETE_LAPLACE',
        threshold: 11,
        confidenceLevel: 0.9,
      });
      expect(release.method.epsilon).toBeGreaterThan(0);
      expect(release.method.description).toMatch(/synthetic demo extracts/);
    }
  });

  it('page newest first, each release exactly once', async () => {
    const seen: ReleaseNode[] = [];
    let after: string | null = null;
    do {
      const response: { body: { data?: Page | null } } = await sg.request<Page>(anyone, LIST, { first: 2, after });
      const page = response.body.data!.statisticsReleases;
      seen.push(...page.edges.map((e) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const all = await allReleases();
    expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    const times = seen.map((r) => Date.parse(r.publishedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('give the latest month, and a correction in force over the release it replaces', async () => {
    const all = await allReleases();
    const months = all
      .filter((r) => r.periodType === 'MONTH')
      .map((r) => r.period)
      .sort();
    const { body } = await sg.request<{ latestStatisticsRelease: ReleaseNode }>(
      anyone,
      '{ latestStatisticsRelease { id period } }',
    );
    expect(body.data!.latestStatisticsRelease.period).toBe(months.at(-1));
    const quarter = await sg.request<{ latestStatisticsRelease: ReleaseNode | null }>(
      anyone,
      '{ latestStatisticsRelease(periodType: QUARTER) { period periodType } }',
    );
    expect(quarter.body.data!.latestStatisticsRelease?.period).toMatch(/^\d{4}-Q[1-4]$/);

    const correction = all.find((r) => r.replaces !== null) as ReleaseNode;
    const original = all.find((r) => r.id === correction.replaces) as ReleaseNode;
    expect(original.period).toBe(correction.period);
    expect(Date.parse(correction.publishedAt)).toBeGreaterThan(Date.parse(original.publishedAt));
  });

  it('answer an unknown or malformed id with null', async () => {
    const { body } = await sg.request<{ a: unknown; b: unknown }>(
      anyone,
      '{ a: statisticsRelease(id: "00000000-0000-4000-8000-000000000000") { id } b: statisticsRelease(id: "nope") { id } }',
    );
    expect(body.data).toEqual({ a: null, b: null });
  });

  it('refuse a page size above the limit, a forged cursor and an unknown label language, naming the field', async () => {
    const big = await sg.request(anyone, LIST, { first: 1000 });
    expect(big.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const forged = await sg.request(anyone, LIST, { after: Buffer.from('["x","y"]').toString('base64url') });
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const language = await sg.request(anyone, '{ codeList(dimension: SEX, language: "de") { code } }');
    expect(language.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
  });

  it('serve labelled code lists', async () => {
    const { body } = await sg.request<{ codeList: { code: string; label: string }[] }>(
      anyone,
      '{ codeList(dimension: SEX, language: "en") { code label } }',
    );
    expect(body.data!.codeList).toContainEqual({ code: 'F', label: 'Female' });
  });
});

describe('immutability in the database', () => {
  it('refuses to change, delete or extend a published release', async () => {
    const [release] = await allReleases();
    const id = (release as ReleaseNode).id;
    await expect(sg.db.query(`UPDATE releases SET period = '1999-01' WHERE id = $1`, [id])).rejects.toThrow(
      /immutable/,
    );
    await expect(sg.db.query('DELETE FROM release_cells WHERE release_id = $1', [id])).rejects.toThrow(/immutable/);
    await expect(sg.db.query(`UPDATE release_cells SET value = 1 WHERE release_id = $1`, [id])).rejects.toThrow(
      /immutable/,
    );
    await expect(
      sg.db.query(
        `INSERT INTO release_cells (release_id, measure, cell_key, ordinal, dimensions, codes, value, suppressed, lower, upper)
         VALUES ($1, 'CASES_OPENED', 'SEX=X', 9999, '{SEX}', '{"SEX":"X"}', 50, false, 40, 60)`,
        [id],
      ),
    ).rejects.toThrow(/immutable/);
    const [count] = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM releases WHERE id = $1', [id]);
    expect(count?.n).toBe(1);
  });
});
