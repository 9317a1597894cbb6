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
import { casesStatisticsExtract, type ExtractCell, type StatisticsExtract } from './casesStatisticsExtract.js';

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

  it('refuses a period that is not a calendar month', async () => {
    for (const period of ['2026-13', '2026-1', '2026', "2026-01' OR '1'='1"]) {
      const body = await extractOverHttp(period);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
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
