import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { statisticsSubgraph } from '../definition.js';
import { fineDimensionsOf } from '../releases/computeReleaseFromExtracts.js';

let sg: TestSubgraph;
const PUBLISH = `mutation ($input: PublishReleaseInput!) {
  publishStatisticsRelease(input: $input) { id period table(measure: CASES_OPENED, dimensions: [COUNTRY]) { cells { value suppressed } } }
}`;

function casesExtract(period: string, extra: Record<string, string> = {}) {
  const dims = fineDimensionsOf('CASES_OPENED');
  const codes: Record<string, string> = {
    COUNTRY: 'MX',
    NATIONALITY: 'HN',
    SEX: 'F',
    AGE_GROUP: 'Y18T24',
    PHASE: 'TRANSIT',
    DISABILITY: 'N',
    INDIGENOUS_LANGUAGE: 'Y',
  };
  return {
    period,
    cells: [
      {
        measure: 'CASES_OPENED',
        count: 250,
        dims: [
          ...dims.map((d) => ({ dimension: d, code: codes[d] ?? '_U' })),
          ...Object.entries(extra).map(([dimension, code]) => ({ dimension, code })),
        ],
      },
    ],
  };
}

beforeAll(async () => {
  sg = await startTestSubgraph(statisticsSubgraph);
});
afterAll(() => sg?.close());

describe('publishStatisticsRelease', () => {
  it('publishes a release from extracts for the pipeline job', async () => {
    const { body } = await sg.request<{
      publishStatisticsRelease: { period: string; table: { cells: { value: number | null }[] } };
    }>(
      principalFor('admin'),
      PUBLISH,
      { input: { period: '2026-10', extracts: [casesExtract('2026-10')] } },
      { system: 'statistics-pipeline' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.publishStatisticsRelease.period).toBe('2026-10');
    const values = body.data?.publishStatisticsRelease.table.cells
      .map((c) => c.value)
      .filter((v) => v !== null) as number[];
    expect(values.some((v) => v > 150)).toBe(true);
  });

  it('is forbidden to every role on its own', async () => {
    for (const role of ['admin', 'statistician', 'caseworker'] as const) {
      const { body } = await sg.request(principalFor(role), PUBLISH, {
        input: { period: '2026-10', extracts: [casesExtract('2026-10')] },
      });
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses the whole release when an extract carries migration status', async () => {
    const before = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM releases');
    const { body } = await sg.request(
      principalFor('admin'),
      PUBLISH,
      { input: { period: '2026-11', extracts: [casesExtract('2026-11', { MIGRATION_STATUS: 'IRREGULAR' })] } },
      { system: 'statistics-pipeline' },
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.extracts' });
    expect(JSON.stringify(body)).not.toContain('IRREGULAR');
    const after = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM releases');
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
