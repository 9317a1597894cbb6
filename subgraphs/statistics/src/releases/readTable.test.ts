import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { statisticsSubgraph } from '../definition.js';

let sg: TestSubgraph;
const anyone = principalFor('public');

interface Cell {
  key: { dimension: string; code: string }[];
  value: number | null;
  suppressed: boolean;
  lower: number | null;
  upper: number | null;
}
interface Release {
  id: string;
  period: string;
  method: { threshold: number };
  tables: { measure: string; dimensions: string[] }[];
}

const CELLS = 'measure dimensions cells { key { dimension code } value suppressed lower upper }';
const TABLE = `query ($id: ID!, $measure: Measure!, $dimensions: [Dimension!]!, $filter: [DimensionFilter!]) {
  statisticsRelease(id: $id) { table(measure: $measure, dimensions: $dimensions, filter: $filter) { ${CELLS} } }
}`;

let releases: Release[];
let latest: Release;

beforeAll(async () => {
  sg = await startTestSubgraph(statisticsSubgraph, { seed: true });
  const { body } = await sg.request<{ statisticsReleases: { edges: { node: Release }[] } }>(
    anyone,
    '{ statisticsReleases(first: 100) { edges { node { id period method { threshold } tables { measure dimensions } } } } }',
  );
  releases = body.data!.statisticsReleases.edges.map((e) => e.node);
  latest = releases[0] as Release;
});
afterAll(() => sg?.close());

async function table(release: Release, measure: string, dimensions: string[], filter?: unknown) {
  return sg.request<{ statisticsRelease: { table: { cells: Cell[]; dimensions: string[] } } }>(anyone, TABLE, {
    id: release.id,
    measure,
    dimensions,
    filter,
  });
}

describe('published tables', () => {
  it('never publish a cell below the threshold, in any table of any release', async () => {
    expect(releases.length).toBeGreaterThanOrEqual(7);
    let published = 0;
    let suppressed = 0;
    for (const release of releases) {
      // One request per release: every table as an alias.
      const fields = release.tables.map(
        (t, i) => `t${i}: table(measure: ${t.measure}, dimensions: [${t.dimensions.join(', ')}]) { ${CELLS} }`,
      );
      const { body } = await sg.request<{ statisticsRelease: Record<string, { cells: Cell[] }> }>(
        anyone,
        `query ($id: ID!) { statisticsRelease(id: $id) { ${fields.join('\n')} } }`,
        { id: release.id },
      );
      expect(body.errors).toBeUndefined();
      for (const { cells } of Object.values(body.data!.statisticsRelease)) {
        for (const cell of cells) {
          if (cell.suppressed) {
            suppressed++;
            expect(cell).toMatchObject({ value: null, lower: null, upper: null });
          } else {
            published++;
            expect(Number.isInteger(cell.value)).toBe(true);
            expect(cell.value).toBeGreaterThanOrEqual(release.method.threshold);
            expect(cell.lower).toBeLessThanOrEqual(cell.value as number);
            expect(cell.upper).toBeGreaterThanOrEqual(cell.value as number);
            expect(cell.lower).toBeGreaterThanOrEqual(0);
          }
        }
      }
    }
    // The demo data must exercise both paths.
    expect(published).toBeGreaterThan(100);
    expect(suppressed).toBeGreaterThan(10);
  });

  it('gives the same answer to the same query twice', async () => {
    const first = await table(latest, 'CASES_OPENED', ['COUNTRY', 'SEX']);
    const second = await table(latest, 'CASES_OPENED', ['SEX', 'COUNTRY']);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
  });

  it('includes margins coded _T that are the very cells of the smaller table', async () => {
    const both = (await table(latest, 'CASES_OPENED', ['COUNTRY', 'SEX'])).body.data!.statisticsRelease.table;
    const countries = (await table(latest, 'CASES_OPENED', ['COUNTRY'])).body.data!.statisticsRelease.table;
    expect(both.dimensions).toEqual(['COUNTRY', 'SEX']);
    const margins = both.cells.filter((c) => c.key[1]?.code === '_T');
    expect(margins.map((c) => ({ ...c, key: [c.key[0]] }))).toEqual(countries.cells);
    expect(both.cells.filter((c) => c.key.every((k) => k.code === '_T'))).toHaveLength(1);
  });

  it('publishes every combination of codes, zeros included, so a missing cell reveals nothing', async () => {
    const { cells } = (await table(latest, 'CASES_OPENED', ['SEX', 'AGE_GROUP'])).body.data!.statisticsRelease.table;
    // (4 sexes + _T) × (8 age codes + _T)
    expect(cells).toHaveLength(5 * 9);
  });

  it('filters cells by code', async () => {
    const { body } = await table(
      latest,
      'CASES_OPENED',
      ['COUNTRY', 'SEX'],
      [
        { dimension: 'SEX', codes: ['F'] },
        { dimension: 'COUNTRY', codes: ['GT', 'MX'] },
      ],
    );
    const keys = body.data!.statisticsRelease.table.cells.map((c) => c.key.map((k) => k.code).join('.'));
    expect(keys.sort()).toEqual(['GT.F', 'MX.F']);
  });
});

describe('table input', () => {
  it('has no migration-status dimension: asking for one is refused without data', async () => {
    // The validation message itself is checked against the SDL in codes/dimensions.test.ts.
    const { body } = await sg.request(
      anyone,
      `query ($id: ID!) {
      statisticsRelease(id: $id) { table(measure: CASES_OPENED, dimensions: [MIGRATION_STATUS]) { measure } }
    }`,
      { id: latest.id },
    );
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    const introspection = await sg.request<{ __type: { enumValues: { name: string }[] } }>(
      anyone,
      '{ __type(name: "Dimension") { enumValues { name } } }',
    );
    const names = introspection.body.data!.__type.enumValues.map((v) => v.name);
    expect(names).toContain('SEX');
    expect(names.filter((n) => /MIGRA|STATUS|LEGAL|VISA|DOCUMENT/.test(n))).toEqual([]);
  });

  it('refuses a grouping that is not published, naming the field', async () => {
    const { body } = await table(latest, 'CASES_OPENED', ['COUNTRY', 'NATIONALITY']);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dimensions' });
    const twice = await table(latest, 'CASES_OPENED', ['SEX', 'SEX']);
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dimensions' });
  });

  it('refuses a filter on another dimension or with an unknown code, naming the field', async () => {
    const other = await table(latest, 'CASES_OPENED', ['SEX'], [{ dimension: 'COUNTRY', codes: ['GT'] }]);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter[0].dimension' });
    const unknown = await table(
      latest,
      'CASES_OPENED',
      ['SEX', 'AGE_GROUP'],
      [
        { dimension: 'SEX', codes: ['F'] },
        { dimension: 'AGE_GROUP', codes: ['Y18T24', 'Y18-30'] },
      ],
    );
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter[1].codes[1]' });
  });
});

describe('the case, needs and deceased tables', () => {
  const total = async (release: Release, measure: string) => {
    const { body } = await table(release, measure, []);
    expect(body.errors, measure).toBeUndefined();
    const [cell] = body.data!.statisticsRelease.table.cells;
    return cell as Cell;
  };

  it('are published by the demo releases, small tables only, with plausible sizes', async () => {
    const published = (measure: string) =>
      latest.tables.filter((t) => t.measure === measure).map((t) => t.dimensions.join(','));
    expect(published('CASES_ACTIVE')).toEqual(['COUNTRY,SEX', 'SEX,AGE_GROUP', 'COUNTRY,PHASE']);
    expect(published('CASES_CLOSED')).toEqual(['COUNTRY,SEX', 'SEX,AGE_GROUP']);
    expect(published('NEEDS')).toEqual(['COUNTRY,CATEGORY', 'SEX,CATEGORY']);
    expect(published('SEARCHES_LOCATED_DECEASED')).toEqual(['SEX,AGE_GROUP', 'COUNTRY']);
    const opened = (await total(latest, 'CASES_OPENED')).value as number;
    const active = (await total(latest, 'CASES_ACTIVE')).value as number;
    const closed = (await total(latest, 'CASES_CLOSED')).value as number;
    const needs = (await total(latest, 'NEEDS')).value as number;
    // The caseload holds more people than a month's openings; cases with needs count in several categories.
    expect(active).toBeGreaterThan(opened);
    expect(closed).toBeGreaterThan(0);
    expect(closed).toBeLessThan(active);
    expect(needs).toBeGreaterThan(active);
    const deceased = await total(latest, 'SEARCHES_LOCATED_DECEASED');
    const alive = (await total(latest, 'SEARCHES_LOCATED_ALIVE')).value as number;
    if (!deceased.suppressed) expect(deceased.value as number).toBeLessThan(alive);
    // No nationality breakdown of deaths, not even as a margin.
    const { body } = await table(latest, 'SEARCHES_LOCATED_DECEASED', ['NATIONALITY']);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dimensions' });
  });

  it('count the caseload of a quarter once per person, not as the sum of its months', async () => {
    const quarter = releases.find((r) => /^\d{4}-Q[1-4]$/.test(r.period)) as Release;
    expect(quarter).toBeDefined();
    const [year, q] = quarter.period.split('-Q').map(Number) as [number, number];
    const months = [0, 1, 2].map((i) => `${year}-${String((q - 1) * 3 + i + 1).padStart(2, '0')}`);
    const monthly = releases.filter((r) => months.includes(r.period));
    let activeSum = 0;
    let activeLargest = 0;
    let openedSum = 0;
    for (const period of months) {
      // Newest first: the first release of the period is the one in force (a correction wins).
      const release = monthly.find((r) => r.period === period) as Release;
      const active = (await total(release, 'CASES_ACTIVE')).value as number;
      activeSum += active;
      activeLargest = Math.max(activeLargest, active);
      openedSum += (await total(release, 'CASES_OPENED')).value as number;
    }
    const active = (await total(quarter, 'CASES_ACTIVE')).value as number;
    expect(active).toBeGreaterThanOrEqual(activeLargest - 50);
    expect(active).toBeLessThan(activeSum * 0.6);
    // Openings are flows: the quarter adds its months up (a correction's late records aside).
    const opened = (await total(quarter, 'CASES_OPENED')).value as number;
    expect(opened).toBeGreaterThan(openedSum * 0.9);
  });
});
