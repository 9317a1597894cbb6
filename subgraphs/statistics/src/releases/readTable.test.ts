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
