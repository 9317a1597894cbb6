import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { statisticsSubgraph } from '../definition.js';
import { fineDimensionsOf } from '../releases/computeReleaseFromExtracts.js';
import { MAX_CORRECTIONS_PER_PERIOD } from './assertCorrectsReleaseInForce.js';

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

interface PublishAnswer {
  publishStatisticsRelease: { id: string; period: string; table: { cells: { value: number | null }[] } };
}

function publish(input: { period: string; replaces?: string; extracts: ReturnType<typeof casesExtract>[] }) {
  return sg.request<PublishAnswer>(principalFor('admin'), PUBLISH, { input }, { system: 'statistics-pipeline' });
}

async function releaseCount(): Promise<number> {
  const [row] = await sg.db.query<{ n: number }>('SELECT count(*)::int AS n FROM releases');
  return Number(row?.n);
}
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

  it('publishes a quarter and a year, with their SDMX period codes and period types', async () => {
    for (const [period, periodType] of [
      ['2026-Q3', 'QUARTER'],
      ['2025', 'YEAR'],
    ] as const) {
      const { body } = await publish({ period, extracts: [casesExtract(period)] });
      expect(body.errors, period).toBeUndefined();
      expect(body.data?.publishStatisticsRelease.period).toBe(period);
      const read = await sg.request<{ latestStatisticsRelease: { period: string; periodType: string } | null }>(
        principalFor('public'),
        'query ($p: String!) { latestStatisticsRelease(period: $p) { period periodType } }',
        { p: period },
      );
      expect(read.body.data?.latestStatisticsRelease).toEqual({ period, periodType });
    }
  });

  it('refuses a period that is not a month, a quarter or a year, naming input.period', async () => {
    for (const period of ['2026-Q5', '2026-13', '26', '2026-10-01']) {
      const { body } = await publish({ period, extracts: [casesExtract(period)] });
      expect(body.errors?.[0]?.extensions, period).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.period' });
    }
  });

  it('refuses a second release of a period unless it names the release in force, writing nothing', async () => {
    const period = '2026-Q2';
    const first = await publish({ period, extracts: [casesExtract(period)] });
    const original = first.body.data?.publishStatisticsRelease.id as string;
    expect(original).toBeDefined();
    const before = await releaseCount();
    const again = await publish({ period, extracts: [casesExtract(period)] });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replaces' });
    expect(again.body.errors?.[0]?.message).toContain(original);
    // A release of another period, an unknown id and a malformed one are refused the same way.
    const otherQuarter = await publish({ period: '2026-Q1', extracts: [casesExtract('2026-Q1')] });
    const other = otherQuarter.body.data?.publishStatisticsRelease.id as string;
    for (const replaces of [other, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const { body } = await publish({ period, replaces, extracts: [casesExtract(period)] });
      expect(body.errors?.[0]?.extensions, replaces).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replaces' });
    }
    expect(await releaseCount()).toBe(before + 1);

    const correction = await publish({ period, replaces: original, extracts: [casesExtract(period)] });
    expect(correction.body.errors).toBeUndefined();
    const corrected = correction.body.data?.publishStatisticsRelease.id as string;
    // The original is no longer in force: correcting it again would fork the period's line.
    const fork = await publish({ period, replaces: original, extracts: [casesExtract(period)] });
    expect(fork.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replaces' });
    expect(fork.body.errors?.[0]?.message).toContain(corrected);
    const [row] = await sg.db.query<{ replaces: string }>('SELECT replaces FROM releases WHERE id = $1', [corrected]);
    expect(row?.replaces).toBe(original);
    expect(await releaseCount()).toBe(before + 2);
  });

  it(`allows ${MAX_CORRECTIONS_PER_PERIOD} corrections of a period and refuses the next, writing nothing`, async () => {
    const period = '2023';
    let inForce = (await publish({ period, extracts: [casesExtract(period)] })).body.data?.publishStatisticsRelease
      .id as string;
    for (let n = 1; n <= MAX_CORRECTIONS_PER_PERIOD; n++) {
      const { body } = await publish({ period, replaces: inForce, extracts: [casesExtract(period)] });
      expect(body.errors, `correction ${n}`).toBeUndefined();
      inForce = body.data?.publishStatisticsRelease.id as string;
    }
    const before = await releaseCount();
    const { body } = await publish({ period, replaces: inForce, extracts: [casesExtract(period)] });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replaces' });
    expect(body.errors?.[0]?.message).toContain(`${MAX_CORRECTIONS_PER_PERIOD} corrections`);
    expect(await releaseCount()).toBe(before);
  });

  it('refuses a replaces for a period that has no release yet', async () => {
    const { body } = await publish({
      period: '2024',
      replaces: '00000000-0000-4000-8000-000000000000',
      extracts: [casesExtract('2024')],
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.replaces' });
    expect(await sg.db.query('SELECT id FROM releases WHERE period = $1', ['2024'])).toEqual([]);
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
