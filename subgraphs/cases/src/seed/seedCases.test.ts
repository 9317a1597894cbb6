import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_LANGUAGES,
  DEMO_PROVIDER_ORGANIZATIONS,
  DEMO_SIZES,
  demoServiceId,
  principalFor,
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

  it('refer only with a consent to the receiving organisation, a guardian consenting for presumed minors', async () => {
    const [row] = await sg.db.query<{ referrals: number; consented: number; bad_minor: number; consents: number }>(
      `SELECT (SELECT count(*) FROM referrals) AS referrals,
              (SELECT count(*) FROM referrals r JOIN consents k ON k.id = r.consent_id
                 AND k.organization_id = r.receiving_organization_id AND k.case_id = r.case_id) AS consented,
              (SELECT count(*) FROM consents k JOIN cases c ON c.id = k.case_id
                 WHERE (c.birth_date IS NULL AND (c.estimated_age IS NULL OR c.estimated_age < 18))
                   AND k.given_how <> 'GUARDIAN_FOR_MINOR') AS bad_minor,
              (SELECT count(*) FROM consents) AS consents`,
    );
    expect(row!.referrals).toBeGreaterThan(0);
    expect(row!.consented).toBe(row!.referrals);
    expect(row!.bad_minor).toBe(0);
    expect(row!.consents).toBeGreaterThan(row!.referrals);
  });

  it('record needs for every case, and vulnerabilities such as violence survived and indigenous origin', async () => {
    expect(await share('cardinality(needs) > 0')).toBe(1);
    expect(await share(`'GBV_SURVIVOR' = ANY(vulnerabilities)`)).toBeGreaterThan(0.3);
    expect(await share(`'INDIGENOUS' = ANY(vulnerabilities)`)).toBeGreaterThan(0.05);
  });

  it('keep families together: a third with children, mostly small, and some separated relatives', async () => {
    const withChildren = await share(`EXISTS (SELECT 1 FROM family_members f
      WHERE f.case_id = cases.id AND f.relationship = 'CHILD' AND f.accompanying)`);
    expect(withChildren).toBeGreaterThan(0.25);
    expect(withChildren).toBeLessThan(0.45);
    const separated = await share(
      'EXISTS (SELECT 1 FROM family_members f WHERE f.case_id = cases.id AND NOT f.accompanying)',
    );
    expect(separated).toBeGreaterThan(0.05);
    const [children] = await sg.db.query<{ per_case: number; under_five: number; too_many: number }>(
      `SELECT count(*)::float8 / count(DISTINCT case_id) AS per_case,
              avg(CASE WHEN coalesce(estimated_age, extract(year FROM age(recorded_at::date, birth_date))) < 5
                  THEN 1 ELSE 0 END)::float8 AS under_five,
              (SELECT count(*) FROM (SELECT case_id FROM family_members WHERE relationship = 'CHILD' AND accompanying
                 GROUP BY case_id HAVING count(*) > 3) x) AS too_many
       FROM family_members WHERE relationship = 'CHILD' AND accompanying`,
    );
    expect(children!.per_case).toBeGreaterThan(1.2);
    expect(children!.per_case).toBeLessThan(2);
    expect(children!.under_five).toBeGreaterThan(0.3);
    expect(children!.too_many).toBe(0);
    const [family] = await sg.db.query<{ n: number }>(
      `SELECT count(*) AS n FROM consents WHERE 'FAMILY' = ANY(sections)`,
    );
    expect(family!.n).toBeGreaterThan(0);
  });

  it('make a few women still assisted findable, each by a TO_BE_FOUND consent alone, to her own organisation, active', async () => {
    const [row] = await sg.db.query<{ n: number; open: number; own: number; alone: number; active: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE c.status <> 'CLOSED')::int AS open,
              count(*) FILTER (WHERE k.organization_id = c.organization_id)::int AS own,
              count(*) FILTER (WHERE k.sections = ARRAY['TO_BE_FOUND'])::int AS alone,
              count(*) FILTER (WHERE k.revoked_at IS NULL AND k.valid_until > now())::int AS active
         FROM consents k JOIN cases c ON c.id = k.case_id WHERE 'TO_BE_FOUND' = ANY(k.sections)`,
    );
    const [assisted] = await sg.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM cases WHERE status <> 'CLOSED'`,
    );
    expect(row!.n / assisted!.n).toBeGreaterThan(0.02);
    expect(row!.n / assisted!.n).toBeLessThan(0.08);
    expect(row).toEqual({ n: row!.n, open: row!.n, own: row!.n, alone: row!.n, active: row!.n });
  });

  it('seal the migration statuses they record: the table holds no status in clear', async () => {
    expect(await share('migration_status_sealed IS NOT NULL')).toBeGreaterThan(0.4);
    const dump = JSON.stringify(await sg.db.query('SELECT * FROM cases'));
    for (const status of ['IRREGULAR', 'ASYLUM_SEEKER', 'REFUGEE', 'IN_PROCESS', 'STATELESS']) {
      expect(dump).not.toContain(status);
    }
  });
});

interface ReferralPage {
  cases: {
    edges: {
      node: {
        id: string;
        status: string;
        referrals: { id: string; status: string; createdAt: string; service: { id: string } }[];
      };
    }[];
  };
}

const REFERRALS = `{ cases(first: 100) { edges { node { id status referrals { id status createdAt service { id } } } } } }`;

// One seeded store for the demo data and the referrals read through the API, to keep the suite short.
describe('referrals of a demo case', () => {
  it('name services that the services seed at the same scale creates', async () => {
    const known = new Set(Array.from({ length: Math.round(DEMO_SIZES.services * SCALE) }, (_, i) => demoServiceId(i)));
    let referred = 0;
    for (const org of DEMO_PROVIDER_ORGANIZATIONS.slice(0, 4)) {
      const { body } = await sg.request<ReferralPage>(principalFor('caseworker', org.id), REFERRALS);
      expect(body.errors).toBeUndefined();
      for (const { node } of body.data!.cases.edges) {
        if (node.referrals.length > 0) referred++;
        expect(node.referrals.length).toBeLessThanOrEqual(2);
        if (node.status === 'REFERRED') expect(node.referrals.length).toBeGreaterThan(0);
        for (const referral of node.referrals) expect(known.has(referral.service.id)).toBe(true);
      }
    }
    expect(referred).toBeGreaterThan(0);
  });

  it('are refused to enforcement like the cases themselves', async () => {
    const { body } = await sg.request(principalFor('enforcement'), REFERRALS);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
