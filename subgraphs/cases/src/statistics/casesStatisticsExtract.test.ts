import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_NATIONALITIES,
  DEMO_PROVIDER_ORGANIZATIONS,
  RCM_COUNTRIES,
  principalFor,
  startTestSubgraph,
  type TestSubgraph,
} from '@amparo/kit';
import { newReferenceCode } from '../cases/referenceCode.js';
import { casesSubgraph } from '../definition.js';
import { eraseCaseRows } from '../rights/eraseCaseRows.js';
import {
  casesStatisticsExtract,
  NEEDS_CATEGORIES_PER_CASE,
  type ExtractCell,
  type StatisticsExtract,
} from './casesStatisticsExtract.js';

let sg: TestSubgraph;
const org = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;
const pipeline = principalFor('statistician', null, 'statistics-pipeline');
const EXTRACT = `query ($period: String!) {
  casesStatisticsExtract(period: $period) { period cells { measure dims { dimension code } count } }
}`;

// Statistics' code lists (subgraphs/statistics/src/codes/codeLists.ts), written out so the test checks them independently.
const AGE_GROUPS = ['Y_LT12', 'Y12T17', 'Y18T24', 'Y25T34', 'Y35T49', 'Y50T59', 'Y_GE60', '_U'];
const CODES: Record<string, readonly string[]> = {
  COUNTRY: RCM_COUNTRIES,
  NATIONALITY: [...DEMO_NATIONALITIES.map(([code]) => code), '_O', '_U'],
  SEX: ['F', 'M', '_O', '_U'],
  AGE_GROUP: AGE_GROUPS,
  PHASE: ['ORIGIN', 'TRANSIT', 'DESTINATION', 'RETURN'],
  DISABILITY: ['Y', 'N', '_U'],
  INDIGENOUS_LANGUAGE: ['Y', 'N', '_U'],
  CATEGORY: [
    'SHELTER',
    'FOOD',
    'HEALTH',
    'SEXUAL_AND_REPRODUCTIVE_HEALTH',
    'PSYCHOSOCIAL_SUPPORT',
    'LEGAL_AID',
    'ACCESS_TO_JUSTICE',
    'GENDER_BASED_VIOLENCE_RESPONSE',
    'TRAFFICKING_SURVIVOR_SUPPORT',
    'INTERPRETATION',
    'EMPLOYMENT',
    'EDUCATION',
    'HOUSING',
    'ENTREPRENEURSHIP',
    'CHILDCARE',
    'PROGRAMMES_FOR_CHILDREN',
    'CONSULAR_ASSISTANCE',
    'FAMILY_COMMUNICATION',
    'FAMILY_TRACING',
    'ASYLUM_REFERRAL',
    'REINTEGRATION',
  ],
  VIOLENCE_TYPE: [
    'PHYSICAL',
    'SEXUAL',
    'PSYCHOLOGICAL',
    'ECONOMIC',
    'TRAFFICKING',
    'EXTORTION',
    'KIDNAPPING',
    'INSTITUTIONAL',
    '_O',
  ],
};
// Fine dimensions of each measure in canonical order (statistics' PUBLISHED_TABLES).
const FINE: Record<string, string[]> = {
  CASES_OPENED: ['COUNTRY', 'NATIONALITY', 'SEX', 'AGE_GROUP', 'PHASE', 'DISABILITY', 'INDIGENOUS_LANGUAGE'],
  CASES_ACTIVE: ['COUNTRY', 'SEX', 'AGE_GROUP', 'PHASE'],
  CASES_CLOSED: ['COUNTRY', 'SEX', 'AGE_GROUP'],
  NEEDS: ['COUNTRY', 'SEX', 'CATEGORY'],
  REFERRALS_MADE: ['COUNTRY', 'SEX', 'AGE_GROUP', 'CATEGORY'],
  REFERRALS_COMPLETED: ['COUNTRY', 'SEX', 'AGE_GROUP', 'CATEGORY'],
  INCIDENTS: ['COUNTRY', 'AGE_GROUP', 'PHASE', 'VIOLENCE_TYPE'],
};
const MIGRATION_STATUSES = ['REGULAR', 'IRREGULAR', 'ASYLUM_SEEKER', 'REFUGEE', 'IN_PROCESS', 'STATELESS'];

const total = (extract: StatisticsExtract, measure: string) =>
  extract.cells.filter((c) => c.measure === measure).reduce((sum, c) => sum + c.count, 0);
const codesOf = (cell: ExtractCell) => Object.fromEntries(cell.dims.map((d) => [d.dimension, d.code]));

async function extractOverHttp(period: string) {
  const res = await sg.request<{ casesStatisticsExtract: StatisticsExtract }>(
    pipeline,
    EXTRACT,
    { period },
    { system: 'statistics-pipeline' },
  );
  return res.body;
}

/** Independent counts: distinct cases with a record in the month, assisted in the region. */
async function independentCount(table: string, column: string, start: string, end: string, extra = 'TRUE') {
  const alias = table === 'cases' ? 'c' : 'x';
  const from = table === 'cases' ? 'cases c' : `${table} x JOIN cases c ON c.id = x.case_id`;
  const rows = await sg.db.query<{ n: number }>(
    `SELECT count(DISTINCT c.id)::int AS n FROM ${from}
      WHERE ${alias}.${column} >= $1 AND ${alias}.${column} < $2 AND c.country_of_assistance = ANY ($3) AND ${extra}`,
    [start, end, RCM_COUNTRIES],
  );
  return rows[0]!.n;
}

let busiest: string;

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph, { seed: true, seedScale: 0.05 });
  const rows = await sg.db.query<{ month: string }>(
    `SELECT to_char(opened_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM cases GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  busiest = rows[0]!.month;
});
afterAll(() => sg?.close());

describe('casesStatisticsExtract', () => {
  it('gives the statistics pipeline counts that sum to independent counts of the month', async () => {
    const body = await extractOverHttp(busiest);
    expect(body.errors).toBeUndefined();
    const extract = body.data!.casesStatisticsExtract;
    expect(extract.period).toBe(busiest);
    const [year, month] = busiest.split('-').map(Number) as [number, number];
    const start = new Date(Date.UTC(year, month - 1, 1)).toISOString();
    const end = new Date(Date.UTC(year, month, 1)).toISOString();
    const opened = await independentCount('cases', 'opened_at', start, end);
    expect(opened).toBeGreaterThan(0);
    expect(total(extract, 'CASES_OPENED')).toBe(opened);
    expect(total(extract, 'REFERRALS_MADE')).toBe(await independentCount('referrals', 'created_at', start, end));
    expect(total(extract, 'REFERRALS_COMPLETED')).toBe(
      await independentCount('referrals', 'completed_at', start, end, "x.status = 'COMPLETED'"),
    );
    expect(total(extract, 'INCIDENTS')).toBe(await independentCount('incidents', 'recorded_at', start, end));
    expect(total(extract, 'REFERRALS_MADE')).toBeGreaterThan(0);
    expect(total(extract, 'CASES_CLOSED')).toBe(await independentCount('cases', 'closed_at', start, end));

    // The caseload, counted here in JavaScript from the raw rows: open at any time during the month.
    const cases = await sg.db.query<{ opened_at: Date; closed_at: Date | null; status: string; needs: string[] }>(
      'SELECT opened_at, closed_at, status, needs FROM cases WHERE country_of_assistance = ANY ($1)',
      [RCM_COUNTRIES],
    );
    const [from, to] = [new Date(start).getTime(), new Date(end).getTime()];
    const active = cases.filter(
      (c) => c.opened_at.getTime() < to && (c.closed_at ? c.closed_at.getTime() >= from : c.status !== 'CLOSED'),
    );
    expect(active.length).toBeGreaterThan(opened);
    expect(total(extract, 'CASES_ACTIVE')).toBe(active.length);
    const needs = active.reduce((n, c) => n + Math.min(new Set(c.needs).size, NEEDS_CATEGORIES_PER_CASE), 0);
    expect(needs).toBeGreaterThan(active.length);
    expect(total(extract, 'NEEDS')).toBe(needs);
  });

  it('carries exactly each measure’s fine dimensions, with codes of the code lists and nothing else', async () => {
    const extract = (await extractOverHttp(busiest)).data!.casesStatisticsExtract;
    const measures = new Set(extract.cells.map((c) => c.measure));
    expect([...measures].every((m) => m in FINE)).toBe(true);
    expect(measures.has('CASES_OPENED') && measures.has('REFERRALS_MADE')).toBe(true);
    const keys = new Set<string>();
    for (const cell of extract.cells) {
      expect(cell.dims.map((d) => d.dimension)).toEqual(FINE[cell.measure]);
      for (const d of cell.dims) expect(CODES[d.dimension], d.dimension).toContain(d.code);
      expect(cell.count).toBeGreaterThan(0);
      const key = `${cell.measure}|${cell.dims.map((d) => d.code).join('|')}`;
      expect(keys.has(key)).toBe(false);
      keys.add(key);
    }
    const text = JSON.stringify(extract);
    for (const status of MIGRATION_STATUSES) expect(text).not.toContain(status);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('codes each person once per measure: sex, age at the event, nationality, disability, indigenous language', async () => {
    const period = '2031-02';
    const insertCase = async (fields: Record<string, unknown>) => {
      const id = randomUUID();
      const row = {
        id,
        reference_code: newReferenceCode(),
        organization_id: org,
        country_of_assistance: 'MX',
        phase: 'TRANSIT',
        sex: 'FEMALE',
        opened_at: '2031-02-10T12:00:00Z',
        ...fields,
      };
      const names = Object.keys(row);
      await sg.db.query(
        `INSERT INTO cases (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
      return id;
    };
    const marta = await insertCase({
      sex: 'INTERSEX',
      birth_date: '2001-03-01',
      nationality: 'AR',
      languages: ['mam', 'spa'],
      vulnerabilities: ['DISABILITY'],
      needs: ['LEGAL_AID', 'SHELTER'],
      migration_status_sealed: 'amp1.k1.aaaa.bbbb',
    });
    // An estimate that leaves her presumed a minor counts among minors; a case outside the region does not count.
    await insertCase({ estimated_age: 19, nationality: 'GT', languages: ['spa'], phase: 'ORIGIN' });
    await insertCase({ country_of_assistance: 'AR', birth_date: '1990-01-01' });
    await insertCase({ erased_at: '2031-02-20T00:00:00Z', age_group: '50+', sex: 'UNKNOWN' });
    await insertCase({ opened_at: '2031-03-01T00:00:00Z' });
    // Two referrals and two incidents of one woman in the month: she counts once per measure, by the first.
    for (const at of ['2031-02-12T00:00:00Z', '2031-02-11T00:00:00Z']) {
      await sg.db.query(
        `INSERT INTO referrals (case_id, service_id, status, created_at, completed_at)
         VALUES ($1, $2, 'COMPLETED', $3, $3)`,
        [marta, randomUUID(), at],
      );
    }
    await sg.db.query(
      `INSERT INTO incidents (case_id, violence_type, phase, recorded_at) VALUES
        ($1, 'OTHER', NULL, '2031-02-10T12:00:00Z'), ($1, 'SEXUAL', 'TRANSIT', '2031-02-15T00:00:00Z')`,
      [marta],
    );

    const extract = await casesStatisticsExtract(sg.db, period);
    const cells = (measure: string) =>
      extract.cells.filter((c) => c.measure === measure).map((c) => [codesOf(c), c.count]);
    expect(cells('CASES_OPENED')).toEqual([
      [
        {
          COUNTRY: 'MX',
          NATIONALITY: 'GT',
          SEX: 'F',
          AGE_GROUP: 'Y12T17',
          PHASE: 'ORIGIN',
          DISABILITY: 'N',
          INDIGENOUS_LANGUAGE: 'N',
        },
        1,
      ],
      [
        {
          COUNTRY: 'MX',
          NATIONALITY: '_O',
          SEX: '_O',
          AGE_GROUP: 'Y25T34',
          PHASE: 'TRANSIT',
          DISABILITY: 'Y',
          INDIGENOUS_LANGUAGE: 'Y',
        },
        1,
      ],
      [
        {
          COUNTRY: 'MX',
          NATIONALITY: '_U',
          SEX: '_U',
          AGE_GROUP: '_U',
          PHASE: 'TRANSIT',
          DISABILITY: '_U',
          INDIGENOUS_LANGUAGE: '_U',
        },
        1,
      ],
    ]);
    const referral = [{ COUNTRY: 'MX', SEX: '_O', AGE_GROUP: 'Y25T34', CATEGORY: 'LEGAL_AID' }, 1];
    expect(cells('REFERRALS_MADE')).toEqual([referral]);
    expect(cells('REFERRALS_COMPLETED')).toEqual([referral]);
    // No incident phase recorded: unknown, per the extract contract.
    expect(cells('INCIDENTS')).toEqual([[{ COUNTRY: 'MX', AGE_GROUP: 'Y25T34', PHASE: '_U', VIOLENCE_TYPE: '_O' }, 1]]);

    // Her migration status changes nothing: it is never read.
    await sg.db.query('UPDATE cases SET migration_status_sealed = NULL WHERE id = $1', [marta]);
    expect(await casesStatisticsExtract(sg.db, period)).toEqual(extract);
  });

  it('counts a woman once in a quarter and a year, however many of their months she appears in', async () => {
    const id = randomUUID();
    await sg.db.query(
      `INSERT INTO cases (id, reference_code, organization_id, country_of_assistance, phase, sex, birth_date, opened_at)
       VALUES ($1, $2, $3, 'GT', 'TRANSIT', 'FEMALE', '1996-05-01', '2032-01-15T12:00:00Z')`,
      [id, newReferenceCode(), org],
    );
    for (const at of ['2032-01-20T00:00:00Z', '2032-02-10T00:00:00Z']) {
      await sg.db.query(
        `INSERT INTO referrals (case_id, service_id, status, created_at, completed_at)
         VALUES ($1, $2, 'COMPLETED', $3, $3)`,
        [id, randomUUID(), at],
      );
    }
    await sg.db.query(
      `INSERT INTO incidents (case_id, violence_type, phase, recorded_at) VALUES
        ($1, 'PHYSICAL', 'TRANSIT', '2032-01-20T00:00:00Z'), ($1, 'SEXUAL', 'TRANSIT', '2032-03-05T00:00:00Z')`,
      [id],
    );
    const [january, february, quarter, year] = [
      await casesStatisticsExtract(sg.db, '2032-01'),
      await casesStatisticsExtract(sg.db, '2032-02'),
      await casesStatisticsExtract(sg.db, '2032-Q1'),
      await casesStatisticsExtract(sg.db, '2032'),
    ];
    // Each month sees her once: the sum of the months would count her twice.
    expect(total(january, 'REFERRALS_MADE') + total(february, 'REFERRALS_MADE')).toBe(2);
    for (const extract of [quarter, year]) {
      expect(total(extract, 'CASES_OPENED')).toBe(1);
      expect(total(extract, 'REFERRALS_MADE')).toBe(1);
      expect(total(extract, 'REFERRALS_COMPLETED')).toBe(1);
      expect(total(extract, 'INCIDENTS')).toBe(1);
    }
    // Coded by her first event of the period: the January incident, not the March one.
    expect(quarter.cells.filter((c) => c.measure === 'INCIDENTS').map(codesOf)).toEqual([
      { COUNTRY: 'GT', AGE_GROUP: 'Y35T49', PHASE: 'TRANSIT', VIOLENCE_TYPE: 'PHYSICAL' },
    ]);
    expect(quarter.period).toBe('2032-Q1');
    expect(total(await casesStatisticsExtract(sg.db, '2032-Q2'), 'REFERRALS_MADE')).toBe(0);
  });

  it('counts the caseload, closures and needs of a period: open before it, closed in it, erased', async () => {
    const months = ['2033-01', '2033-02', '2033-Q1', '2033'] as const;
    const before = await Promise.all(months.map((p) => casesStatisticsExtract(sg.db, p)));
    const insertCase = async (fields: Record<string, unknown>) => {
      const id = randomUUID();
      const row = {
        id,
        reference_code: newReferenceCode(),
        organization_id: org,
        phase: 'TRANSIT',
        sex: 'FEMALE',
        ...fields,
      };
      const names = Object.keys(row);
      await sg.db.query(
        `INSERT INTO cases (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
        Object.values(row),
      );
      return id;
    };
    // Ana: opened before the period and still open. A repeated need counts once; her fourth category not at all.
    await insertCase({
      country_of_assistance: 'GT',
      birth_date: '1990-03-01',
      opened_at: '2032-11-10T12:00:00Z',
      needs: ['LEGAL_AID', 'SHELTER', 'LEGAL_AID', 'FOOD', 'HEALTH'],
    });
    // Bea: opened in January, closed in February — in two months of the quarter.
    await insertCase({
      country_of_assistance: 'MX',
      phase: 'ORIGIN',
      birth_date: '2010-05-01',
      opened_at: '2033-01-20T12:00:00Z',
      status: 'CLOSED',
      closed_at: '2033-02-05T12:00:00Z',
      closure_reason: 'NEEDS_MET',
      needs: ['HEALTH'],
    });
    // Dora: erased in February (through the real erasure, then dated); her de-identified fields still count.
    const dora = await insertCase({
      country_of_assistance: 'HN',
      phase: 'DESTINATION',
      birth_date: '1995-06-01',
      nationality: 'HN',
      languages: ['mam'],
      vulnerabilities: ['DISABILITY'],
      opened_at: '2032-12-01T12:00:00Z',
      needs: ['SHELTER', 'FOOD'],
    });
    expect(await eraseCaseRows(sg.db, [dora])).toEqual([dora]);
    await sg.db.query(
      `UPDATE cases SET closed_at = '2033-02-10T00:00:00Z', erased_at = '2033-02-10T00:00:00Z' WHERE id = $1`,
      [dora],
    );
    // Not in February: closed before it, closed at an unknown date, opened after it, assisted outside the region.
    await insertCase({
      country_of_assistance: 'MX',
      opened_at: '2032-05-01T12:00:00Z',
      status: 'CLOSED',
      closed_at: '2032-12-01T00:00:00Z',
      needs: ['FOOD'],
    });
    await insertCase({
      country_of_assistance: 'MX',
      opened_at: '2032-10-01T12:00:00Z',
      status: 'CLOSED',
      needs: ['FOOD'],
    });
    await insertCase({ country_of_assistance: 'MX', opened_at: '2033-03-01T00:00:00Z', needs: ['FOOD'] });
    await insertCase({ country_of_assistance: 'AR', opened_at: '2032-10-01T12:00:00Z', needs: ['FOOD'] });

    const after = await Promise.all(months.map((p) => casesStatisticsExtract(sg.db, p)));
    /** What the inserted cases added to `measure`, cell by cell. */
    const added = (i: number, measure: string) => {
      const counts = new Map<string, number>();
      for (const [sign, extract] of [
        [-1, before[i]],
        [1, after[i]],
      ] as const) {
        for (const cell of extract!.cells.filter((c) => c.measure === measure)) {
          const key = JSON.stringify(codesOf(cell));
          counts.set(key, (counts.get(key) ?? 0) + sign * cell.count);
        }
      }
      return [...counts]
        .filter(([, n]) => n !== 0)
        .map(([key, n]) => [JSON.parse(key), n])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    };
    const sum = (i: number, measure: string) => added(i, measure).reduce((n, [, count]) => n + (count as number), 0);
    const sorted = (cells: unknown[][]) =>
      [...cells].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

    // February: Ana, Bea and Dora were open at some time in it; Dora keeps the age group fixed at erasure.
    expect(added(1, 'CASES_ACTIVE')).toEqual(
      sorted([
        [{ COUNTRY: 'GT', SEX: 'F', AGE_GROUP: 'Y35T49', PHASE: 'TRANSIT' }, 1],
        [{ COUNTRY: 'MX', SEX: 'F', AGE_GROUP: 'Y18T24', PHASE: 'ORIGIN' }, 1],
        [{ COUNTRY: 'HN', SEX: 'F', AGE_GROUP: 'Y35T49', PHASE: 'DESTINATION' }, 1],
      ]),
    );
    expect(added(1, 'CASES_CLOSED')).toEqual(
      sorted([
        [{ COUNTRY: 'MX', SEX: 'F', AGE_GROUP: 'Y18T24' }, 1],
        [{ COUNTRY: 'HN', SEX: 'F', AGE_GROUP: 'Y35T49' }, 1],
      ]),
    );
    expect(added(1, 'NEEDS')).toEqual(
      sorted([
        [{ COUNTRY: 'GT', SEX: 'F', CATEGORY: 'LEGAL_AID' }, 1],
        [{ COUNTRY: 'GT', SEX: 'F', CATEGORY: 'SHELTER' }, 1],
        [{ COUNTRY: 'GT', SEX: 'F', CATEGORY: 'FOOD' }, 1],
        [{ COUNTRY: 'MX', SEX: 'F', CATEGORY: 'HEALTH' }, 1],
        [{ COUNTRY: 'HN', SEX: 'F', CATEGORY: 'SHELTER' }, 1],
        [{ COUNTRY: 'HN', SEX: 'F', CATEGORY: 'FOOD' }, 1],
      ]),
    );
    expect(sum(1, 'CASES_OPENED')).toBe(0);
    // January sees Ana, Bea and Dora; the quarter and the year see each of them once, plus the March opening.
    expect(sum(0, 'CASES_ACTIVE')).toBe(3);
    expect(sum(0, 'CASES_CLOSED')).toBe(0);
    for (const i of [2, 3]) {
      expect(sum(i, 'CASES_ACTIVE')).toBe(4);
      expect(sum(i, 'CASES_CLOSED')).toBe(2);
      expect(sum(i, 'NEEDS')).toBe(7);
      expect(added(i, 'CASES_ACTIVE')).toContainEqual([
        { COUNTRY: 'MX', SEX: 'F', AGE_GROUP: 'Y18T24', PHASE: 'ORIGIN' },
        1,
      ]);
    }
    // Nothing of the closure reason leaves the subgraph.
    expect(JSON.stringify(after)).not.toMatch(/NEEDS_MET|LOST_CONTACT|REFERRED_ELSEWHERE/);
  });

  it('takes a month, a quarter or a year over HTTP, and refuses anything else naming period', async () => {
    for (const period of [busiest, `${busiest.slice(0, 4)}-Q1`, busiest.slice(0, 4)]) {
      const body = await extractOverHttp(period);
      expect(body.errors, period).toBeUndefined();
      expect(body.data?.casesStatisticsExtract.period).toBe(period);
    }
    for (const period of ['2026-Q5', '2026-13', '26', '2026-1', "2026-01' OR '1'='1"]) {
      const body = await extractOverHttp(period);
      expect(body.data?.casesStatisticsExtract ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions, period).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    }
  });

  it('is forbidden to every role without the pipeline’s system scope', async () => {
    for (const role of ['caseworker', 'admin', 'statistician', 'auditor'] as const) {
      const res = await sg.request(principalFor(role, org), EXTRACT, { period: busiest });
      expect(res.body.data?.casesStatisticsExtract ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
  });
});
