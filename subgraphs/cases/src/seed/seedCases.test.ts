import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_LANGUAGES,
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
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

const share = async (where: string) =>
  (
    await sg.db.query<{ share: number }>(`SELECT avg(CASE WHEN ${where} THEN 1 ELSE 0 END)::float8 AS share FROM cases`)
  )[0]!.share;

describe('demo cases', () => {
  it('are DEMO_SIZES.cases × scale, all owned by provider organisations', async () => {
    const providers = DEMO_PROVIDER_ORGANIZATIONS.map((o) => o.id);
    const [row] = await sg.db.query<{ n: number; foreign: number }>(
      'SELECT count(*) AS n, count(*) FILTER (WHERE NOT organization_id = ANY($1::uuid[])) AS foreign FROM cases',
      [providers],
    );
    expect(row).toEqual({ n: Math.round(DEMO_SIZES.cases * SCALE), foreign: 0 });
  });

  it('have realistic shares: mostly women and girls, some minors, some unknown ages, ~30% referred', async () => {
    expect(await share(`sex = 'FEMALE'`)).toBeGreaterThan(0.85);
    expect(await share(`birth_date IS NULL AND estimated_age IS NULL`)).toBeGreaterThan(0.03);
    expect(await share(`coalesce(estimated_age, 18) < 18`)).toBeGreaterThan(0.03);
    const referred = await share('EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = cases.id)');
    expect(referred).toBeGreaterThan(0.22);
    expect(referred).toBeLessThan(0.38);
  });

  it('speak only languages of the demo region, indigenous ones included', async () => {
    const rows = await sg.db.query<{ code: string }>('SELECT DISTINCT unnest(languages) AS code FROM cases');
    const known = new Set(DEMO_LANGUAGES.map((l) => l.code));
    expect(rows.every((r) => known.has(r.code))).toBe(true);
    const indigenous = new Set(DEMO_LANGUAGES.filter((l) => l.indigenous).map((l) => l.code));
    expect(rows.filter((r) => indigenous.has(r.code)).length).toBeGreaterThan(5);
  });
});
