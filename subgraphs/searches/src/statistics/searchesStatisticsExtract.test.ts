import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZATIONS, RCM_COUNTRIES, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import { AGE_GROUP_CODES, COUNTRY_CODES, NATIONALITY_CODES, SEX_CODES } from './extractCodes.js';
import { SEARCH_DIMENSIONS, SEARCH_MEASURES, searchesStatisticsExtract } from './searchesStatisticsExtract.js';

let sg: TestSubgraph;

const ngo = DEMO_ORGANIZATIONS.find((o) => o.kind === 'NGO')!.id;
const pipeline = principalFor('statistician', null, 'system:statistics-pipeline');
const EXTRACT = `query ($period: String!) { searchesStatisticsExtract(period: $period) {
  period cells { measure dims { dimension code } count } } }`;

interface Cell {
  measure: string;
  dims: { dimension: string; code: string }[];
  count: number;
}
type ExtractBody = { searchesStatisticsExtract: { period: string; cells: Cell[] } };

async function extract(period: string) {
  const response = await sg.request<ExtractBody>(pipeline, EXTRACT, { period }, { system: 'statistics-pipeline' });
  expect(response.body.errors).toBeUndefined();
  return response.body.data!.searchesStatisticsExtract;
}

const key = (c: Cell) => `${c.measure} ${c.dims.map((d) => `${d.dimension}=${d.code}`).join(' ')}`;
const sumOf = (cells: readonly Cell[], measure: string) =>
  cells.filter((c) => c.measure === measure).reduce((sum, c) => sum + c.count, 0);

interface SearchSpec {
  sex: string;
  nationality: string | null;
  countries: string[];
  openedAt: string;
  birthDate?: string;
  ageMin?: number;
  ageMax?: number;
}

async function insertSearch(spec: SearchSpec): Promise<string> {
  const [row] = await sg.db.query<{ id: string }>(
    `INSERT INTO search_requests (requester_relationship, handling_organization_id, given_names, name_key, sex,
       nationality, countries_involved, opened_at, birth_date, age_min, age_max, circumstances, status)
     VALUES ('PARENT', $1, 'Test', 'test', $2, $3, $4, $5, $6, $7, $8, 'LOST_CONTACT', 'OPEN') RETURNING id`,
    [
      ngo,
      spec.sex,
      spec.nationality,
      spec.countries,
      spec.openedAt,
      spec.birthDate ?? null,
      spec.ageMin ?? null,
      spec.ageMax ?? null,
    ],
  );
  return row!.id;
}

async function insertRecord(vitalStatus: 'ALIVE' | 'DECEASED'): Promise<string> {
  const [row] = await sg.db.query<{ id: string }>(
    `INSERT INTO found_person_records (source_kind, vital_status, name_key, found_country)
     VALUES ('SHELTER', $1, 'test', 'MX') RETURNING id`,
    [vitalStatus],
  );
  return row!.id;
}

async function insertCandidate(
  searchId: string,
  recordId: string,
  reviewStatus: 'PENDING' | 'CONFIRMED' | 'REJECTED',
  reviewedAt: string | null,
  consent: string | null = null,
): Promise<void> {
  await sg.db.query(
    `INSERT INTO match_candidates (search_request_id, found_person_record_id, score, explanation, review_status,
       reviewed_at, consent_choice)
     VALUES ($1, $2, 80, '[]'::jsonb, $3, $4, $5)`,
    [searchId, recordId, reviewStatus, reviewedAt, consent],
  );
}

beforeAll(async () => {
  sg = await startTestSubgraph(searchesSubgraph, { seed: true, seedScale: 0.05 });
  // October 2030: after every seeded date, so the expected cells below are the whole month.
  const sameMonth = (s: Omit<SearchSpec, 'openedAt'>, day: string) => insertSearch({ ...s, openedAt: day });
  await sameMonth(
    { sex: 'FEMALE', nationality: 'GT', countries: ['GT', 'MX', 'US'], birthDate: '2004-05-01' },
    '2030-10-03T10:00:00Z',
  );
  await sameMonth(
    { sex: 'FEMALE', nationality: 'GT', countries: ['GT'], birthDate: '2004-12-01' },
    '2030-10-05T10:00:00Z',
  );
  // First RCM country of the route: VE and CO are not RCM members.
  await sameMonth(
    { sex: 'MALE', nationality: 'VE', countries: ['VE', 'CO', 'PA', 'MX'], ageMin: 30, ageMax: 33 },
    '2030-10-31T23:30:00Z',
  );
  // A range straddling two bands is unknown; INTERSEX → _O; no nationality → _U.
  await sameMonth(
    { sex: 'INTERSEX', nationality: null, countries: ['HN'], ageMin: 23, ageMax: 26 },
    '2030-10-15T00:00:00Z',
  );
  // Nationality outside the code list → _O; sex UNKNOWN → _U.
  await sameMonth({ sex: 'UNKNOWN', nationality: 'BR', countries: ['BR', 'SV'] }, '2030-10-16T00:00:00Z');
  // No RCM country at all: left out (COUNTRY has no unknown code).
  await sameMonth({ sex: 'FEMALE', nationality: 'BR', countries: ['BR'] }, '2030-10-10T00:00:00Z');
  // Outside the UTC month.
  await sameMonth({ sex: 'FEMALE', nationality: 'GT', countries: ['GT'] }, '2030-09-30T23:59:59Z');
  await sameMonth({ sex: 'FEMALE', nationality: 'GT', countries: ['GT'] }, '2030-11-01T00:00:00Z');

  // Located alive in October 2030, whatever she chose to share; aged 17 at opening, 18 now.
  const l1 = await insertSearch({
    sex: 'FEMALE',
    nationality: 'HN',
    countries: ['HN', 'GT'],
    ageMin: 17,
    ageMax: 17,
    openedAt: '2029-06-01T00:00:00Z',
  });
  await insertCandidate(l1, await insertRecord('ALIVE'), 'CONFIRMED', '2030-10-20T12:00:00Z', 'SHARE_NOTHING');
  // A second confirmed record for the same search in the month: still one person.
  await insertCandidate(l1, await insertRecord('ALIVE'), 'CONFIRMED', '2030-10-21T12:00:00Z');
  // Two relatives' searches confirmed on one record: she is counted once (the first confirmation's search).
  const shared = await insertRecord('ALIVE');
  const l2 = await insertSearch({
    sex: 'MALE',
    nationality: 'MX',
    countries: ['MX'],
    birthDate: '1960-01-01',
    openedAt: '2030-01-01T00:00:00Z',
  });
  const l3 = await insertSearch({
    sex: 'FEMALE',
    nationality: 'SV',
    countries: ['SV'],
    birthDate: '1990-01-01',
    openedAt: '2030-01-01T00:00:00Z',
  });
  await insertCandidate(l2, shared, 'CONFIRMED', '2030-10-02T00:00:00Z', 'SHARE_CONTACT');
  await insertCandidate(l3, shared, 'CONFIRMED', '2030-10-09T00:00:00Z');
  // Not live confirmations of October: deceased, November, pending, rejected.
  const other = await insertSearch({
    sex: 'FEMALE',
    nationality: 'GT',
    countries: ['GT'],
    openedAt: '2030-01-01T00:00:00Z',
  });
  await insertCandidate(other, await insertRecord('DECEASED'), 'CONFIRMED', '2030-10-03T00:00:00Z');
  await insertCandidate(other, await insertRecord('ALIVE'), 'CONFIRMED', '2030-11-01T00:00:00Z');
  await insertCandidate(other, await insertRecord('ALIVE'), 'PENDING', null);
  await insertCandidate(other, await insertRecord('ALIVE'), 'REJECTED', '2030-10-04T00:00:00Z');
}, 60_000);

afterAll(async () => {
  await sg?.close();
});

describe('searchesStatisticsExtract', () => {
  it('counts each search opened and each person located alive once, in her fine cell', async () => {
    const result = await extract('2030-10');
    expect(result.period).toBe('2030-10');
    expect(result.cells.map((c) => `${key(c)} ${c.count}`).sort()).toEqual(
      [
        'SEARCHES_OPENED COUNTRY=GT NATIONALITY=GT SEX=F AGE_GROUP=Y25T34 2',
        'SEARCHES_OPENED COUNTRY=PA NATIONALITY=VE SEX=M AGE_GROUP=Y25T34 1',
        'SEARCHES_OPENED COUNTRY=HN NATIONALITY=_U SEX=_O AGE_GROUP=_U 1',
        'SEARCHES_OPENED COUNTRY=SV NATIONALITY=_O SEX=_U AGE_GROUP=_U 1',
        'SEARCHES_LOCATED_ALIVE COUNTRY=HN NATIONALITY=HN SEX=F AGE_GROUP=Y18T24 1',
        'SEARCHES_LOCATED_ALIVE COUNTRY=MX NATIONALITY=MX SEX=M AGE_GROUP=Y_GE60 1',
      ].sort(),
    );
  });

  it('sums to an independent count of the month on seeded data', async () => {
    const [busiest] = await sg.db.query<{ period: string; n: number }>(
      `SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM') AS period, count(*)::int AS n
         FROM search_requests WHERE opened_at < '2030-01-01' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    expect(busiest!.n).toBeGreaterThan(1);
    const [independent] = await sg.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM search_requests
        WHERE to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM') = $1 AND countries_involved && $2::text[]`,
      [busiest!.period, RCM_COUNTRIES],
    );
    const result = await extract(busiest!.period);
    expect(sumOf(result.cells, 'SEARCHES_OPENED')).toBe(independent!.n);
    const october = await extract('2030-10');
    expect(sumOf(october.cells, 'SEARCHES_OPENED')).toBe(5);
    expect(sumOf(october.cells, 'SEARCHES_LOCATED_ALIVE')).toBe(2);
  });

  it('carries codes of the statistics code lists only, and never a migration status', async () => {
    const lists: Record<string, readonly string[]> = {
      COUNTRY: COUNTRY_CODES,
      NATIONALITY: NATIONALITY_CODES,
      SEX: SEX_CODES,
      AGE_GROUP: AGE_GROUP_CODES,
    };
    const cells = [...(await extract('2030-10')).cells];
    const [busiest] = await sg.db.query<{ period: string }>(
      `SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM') AS period FROM search_requests
        WHERE opened_at < '2030-01-01' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    cells.push(...(await extract(busiest!.period)).cells);
    expect(cells.length).toBeGreaterThan(6);
    for (const cell of cells) {
      expect(Object.keys(cell).sort()).toEqual(['count', 'dims', 'measure']);
      expect(SEARCH_MEASURES).toContain(cell.measure);
      expect(cell.dims.map((d) => d.dimension)).toEqual(
        cell.measure === 'SEARCHES_LOCATED_DECEASED'
          ? ['COUNTRY', 'SEX', 'AGE_GROUP']
          : ['COUNTRY', 'NATIONALITY', 'SEX', 'AGE_GROUP'],
      );
      for (const d of cell.dims) expect(lists[d.dimension]).toContain(d.code);
      expect(Number.isInteger(cell.count) && cell.count > 0).toBe(true);
    }
    expect(JSON.stringify(cells)).not.toMatch(/MIGRATION|STATUS|IRREGULAR|REFUGEE|ASYLUM/i);
  });

  it('gives the same counts when called directly on the database', async () => {
    const direct = await searchesStatisticsExtract(sg.db, '2030-10');
    const viaHttp = await extract('2030-10');
    expect(direct).toEqual(viaHttp);
  });

  it('counts a person located in two months of a quarter once in the quarter and the year', async () => {
    // Two relatives' searches, confirmed on the same living woman in November and in December.
    const found = await insertRecord('ALIVE');
    const relative = { sex: 'FEMALE', nationality: 'GT', countries: ['GT'], birthDate: '1995-01-01' };
    const first = await insertSearch({ ...relative, openedAt: '2030-02-01T00:00:00Z' });
    const second = await insertSearch({ ...relative, openedAt: '2030-02-02T00:00:00Z' });
    await insertCandidate(first, found, 'CONFIRMED', '2030-11-10T00:00:00Z');
    await insertCandidate(second, found, 'CONFIRMED', '2030-12-10T00:00:00Z');

    const months = [await extract('2030-10'), await extract('2030-11'), await extract('2030-12')];
    // October 2, November 2 (her and the record confirmed on 1 November), December 1 (her again).
    expect(months.map((m) => sumOf(m.cells, 'SEARCHES_LOCATED_ALIVE'))).toEqual([2, 2, 1]);
    const quarter = await extract('2030-Q4');
    expect(quarter.period).toBe('2030-Q4');
    expect(sumOf(quarter.cells, 'SEARCHES_LOCATED_ALIVE')).toBe(4);
    expect(quarter.cells.map((c) => `${key(c)} ${c.count}`)).toContain(
      'SEARCHES_LOCATED_ALIVE COUNTRY=GT NATIONALITY=GT SEX=F AGE_GROUP=Y35T49 1',
    );
    // Searches are opened once: the quarter's are October's five and the one of 1 November.
    expect(sumOf(quarter.cells, 'SEARCHES_OPENED')).toBe(6);
    expect(sumOf((await extract('2030')).cells, 'SEARCHES_LOCATED_ALIVE')).toBe(4);
  });

  it('counts a death once, when it was communicated to the family, by country, sex and age only', async () => {
    const communicate = (searchId: string, at: string) =>
      sg.db.query(
        `UPDATE match_candidates SET death_communicated_at = $2 WHERE search_request_id = $1 AND review_status = 'CONFIRMED'`,
        [searchId, at],
      );
    // Two relatives search for one woman; her death is confirmed in January and told to them in February and March.
    const relative = { sex: 'FEMALE', nationality: 'HN', countries: ['HN'], birthDate: '1980-01-01' };
    const first = await insertSearch({ ...relative, openedAt: '2031-01-05T00:00:00Z' });
    const second = await insertSearch({ ...relative, openedAt: '2031-01-06T00:00:00Z' });
    const record = await insertRecord('DECEASED');
    await insertCandidate(first, record, 'CONFIRMED', '2031-01-20T00:00:00Z');
    await insertCandidate(second, record, 'CONFIRMED', '2031-01-21T00:00:00Z');
    await communicate(first, '2031-02-03T00:00:00Z');
    await communicate(second, '2031-03-03T00:00:00Z');
    // Another death confirmed in February but not yet told to the family: no release may say it first.
    const untold = await insertSearch({
      sex: 'MALE',
      nationality: 'GT',
      countries: ['GT'],
      openedAt: '2031-01-07T00:00:00Z',
    });
    await insertCandidate(untold, await insertRecord('DECEASED'), 'CONFIRMED', '2031-02-10T00:00:00Z');
    // A rejected candidate on a deceased record, even with a date, is no identification.
    const rejected = await insertSearch({ ...relative, openedAt: '2031-01-08T00:00:00Z' });
    await insertCandidate(rejected, await insertRecord('DECEASED'), 'REJECTED', '2031-02-11T00:00:00Z');
    await sg.db.query('UPDATE match_candidates SET death_communicated_at = $2 WHERE search_request_id = $1', [
      rejected,
      '2031-02-12T00:00:00Z',
    ]);

    const [january, february, march, quarter, year] = [
      await extract('2031-01'),
      await extract('2031-02'),
      await extract('2031-03'),
      await extract('2031-Q1'),
      await extract('2031'),
    ];
    const deceased = (e: { cells: Cell[] }) =>
      e.cells.filter((c) => c.measure === 'SEARCHES_LOCATED_DECEASED').map((c) => `${key(c)} ${c.count}`);
    const her = 'SEARCHES_LOCATED_DECEASED COUNTRY=HN SEX=F AGE_GROUP=Y50T59 1';
    expect(deceased(january)).toEqual([]);
    expect(deceased(february)).toEqual([her]);
    expect(deceased(march)).toEqual([her]);
    // Each month sees her once; the quarter and the year see one woman, not two.
    expect(deceased(quarter)).toEqual([her]);
    expect(deceased(year)).toEqual([her]);
    expect(sumOf(february.cells, 'SEARCHES_LOCATED_ALIVE')).toBe(0);
    expect(SEARCH_DIMENSIONS.SEARCHES_LOCATED_DECEASED).not.toContain('NATIONALITY');
  });

  it('refuses a period that is not a month, a quarter or a year, naming period', async () => {
    for (const period of ['2030-13', '2030-Q5', '30', '30-10', '2030-10-01']) {
      const response = await sg.request(pipeline, EXTRACT, { period }, { system: 'statistics-pipeline' });
      expect(response.body.data?.searchesStatisticsExtract ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions, period).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
  });

  it('is forbidden to every ordinary role, statisticians and admins included', async () => {
    for (const who of [
      principalFor('caseworker', ngo, 'cw', 'NGO'),
      principalFor('admin', ngo, 'admin', 'NGO'),
      principalFor('statistician', null, 'stat'),
      principalFor('family', null, 'fam'),
    ]) {
      const response = await sg.request(who, EXTRACT, { period: '2030-10' });
      expect(response.body.data?.searchesStatisticsExtract ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
