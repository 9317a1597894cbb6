import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PROVIDER_ORGANIZATIONS } from '@amparo/kit';
import { startFederation, type Federation } from '../src/index.js';

let federation: Federation;

beforeAll(async () => {
  federation = await startFederation();
});
afterAll(() => federation?.close());

interface CasesPage {
  cases: {
    totalCount: number;
    edges: {
      node: {
        referenceCode: string;
        organization: { id: string; name: string };
        referrals: { status: string; service: { id: string; name: string; country: string } }[];
      };
    }[];
  };
}

describe('the federation end to end', () => {
  it('serves the public catalogue without a token', async () => {
    const { status, body } = await federation.query<{ services: { totalCount: number; edges: unknown[] } }>(
      '{ services(first: 5) { totalCount edges { node { name organization { name kind } } } } }',
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.services.totalCount).toBeGreaterThan(0);
    expect(body.data?.services.edges).toHaveLength(5);
  });

  it("resolves a case's organisation and referred services from the services subgraph", async () => {
    // Find an organisation whose cases have referrals: the seed is deterministic.
    let found: CasesPage['cases']['edges'][number]['node'] | undefined;
    for (const org of DEMO_PROVIDER_ORGANIZATIONS.slice(0, 10)) {
      const token = await federation.tokenFor('caseworker', { org: org.id, orgKind: org.kind });
      const { body } = await federation.query<CasesPage>(
        `{ cases(first: 50) { totalCount edges { node {
            referenceCode organization { id name }
            referrals { status service { id name country } } } } } }`,
        {},
        { token },
      );
      expect(body.errors).toBeUndefined();
      for (const { node } of body.data?.cases.edges ?? []) {
        expect(node.organization.id).toBe(org.id);
        expect(node.organization.name).toBe(org.name);
      }
      found = body.data?.cases.edges.map((e) => e.node).find((n) => n.referrals.length > 0);
      if (found) break;
    }
    expect(found).toBeDefined();
    const referral = found?.referrals[0];
    expect(referral?.service.name.length).toBeGreaterThan(0);
    expect(referral?.service.country).toMatch(/^[A-Z]{2}$/);
  });

  it("writes every firewalled read to the owning subgraph's audit trail, and nothing for the public catalogue", async () => {
    const org = DEMO_PROVIDER_ORGANIZATIONS[0];
    const token = await federation.tokenFor('caseworker', { org: org?.id, orgKind: org?.kind, sub: 'audit-probe' });
    const { body } = await federation.query<CasesPage>(
      'query AuditProbe { cases(first: 3) { edges { node { referenceCode } } } }',
      {},
      { token },
    );
    expect(body.errors).toBeUndefined();
    const cases = federation.subgraphs.get('cases')?.db;
    const rows =
      (await cases?.query<{ role: string; operation_name: string; fields: string[]; record_ids: string[] }>(
        "SELECT role, operation_name, fields, record_ids FROM audit_events WHERE principal_sub = 'audit-probe' AND record_type = 'Case'",
      )) ?? [];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'caseworker', operation_name: 'AuditProbe' });
    expect(rows[0]?.fields).toContain('referenceCode');
    expect(rows[0]?.record_ids).toHaveLength(3);
    const services = federation.subgraphs.get('services')?.db;
    const before = (await services?.query<{ n: number }>('SELECT count(*) AS n FROM audit_events'))?.[0]?.n;
    await federation.query('{ services(first: 5) { edges { node { name } } } }');
    const after = (await services?.query<{ n: number }>('SELECT count(*) AS n FROM audit_events'))?.[0]?.n;
    expect(after).toBe(before);
  });

  it('records the purpose a client states on its reads, and refuses an unusable one before reading anything', async () => {
    const org = DEMO_PROVIDER_ORGANIZATIONS[0];
    const token = await federation.tokenFor('caseworker', { org: org?.id, orgKind: org?.kind, sub: 'purpose-probe' });
    const PROBE = 'query PurposeProbe { cases(first: 2) { edges { node { referenceCode } } } }';
    const stated = await federation.query(PROBE, {}, { token, headers: { 'x-amparo-purpose': 'case review' } });
    expect(stated.body.errors).toBeUndefined();
    const refused = await federation.query(PROBE, {}, { token, headers: { 'x-amparo-purpose': '<b>review</b>' } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-amparo-purpose' });
    const rows =
      (await federation.subgraphs
        .get('cases')
        ?.db.query<{ purpose: string | null; action: string }>(
          "SELECT purpose, action FROM audit_events WHERE principal_sub = 'purpose-probe'",
        )) ?? [];
    // One READ event per record type read; the refused request, which would carry no purpose, wrote none.
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.purpose === 'case review' && row.action === 'READ')).toBe(true);
  });

  it("lets the auditor read every subgraph's trail, without content, and nobody else", async () => {
    const caseworker = await federation.tokenFor('caseworker', {
      org: DEMO_PROVIDER_ORGANIZATIONS[0]?.id,
      sub: 'trail-probe',
    });
    const read = await federation.query<{ interpreters: { edges: { node: { id: string; displayName: string } }[] } }>(
      '{ interpreters(first: 1) { edges { node { id displayName } } } }',
      {},
      { token: caseworker },
    );
    const interpreter = read.body.data?.interpreters.edges[0]?.node;
    expect(interpreter).toBeDefined();
    const auditor = await federation.tokenFor('auditor');
    const { body } = await federation.query<{
      interpretersAuditTrail: {
        totalCount: number;
        edges: { node: { principal: string; role: string; fields: string[] } }[];
      };
      verifyInterpretersAuditChain: { valid: boolean };
    }>(
      `query ($id: ID!) { interpretersAuditTrail(recordId: $id) { totalCount edges { node { principal role fields } } }
         verifyInterpretersAuditChain { valid } }`,
      { id: interpreter?.id },
      { token: auditor },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.verifyInterpretersAuditChain.valid).toBe(true);
    const probe = body.data?.interpretersAuditTrail.edges.find((e) => e.node.principal === 'trail-probe');
    expect(probe?.node).toMatchObject({ role: 'caseworker' });
    expect(probe?.node.fields).toContain('displayName');
    expect(JSON.stringify(body)).not.toContain(interpreter?.displayName as string);
    for (const role of ['caseworker', 'enforcement', 'admin'] as const) {
      const denied = await federation.query(
        '{ verifyInterpretersAuditChain { valid } }',
        {},
        { token: await federation.tokenFor(role) },
      );
      expect(denied.body.errors?.[0]?.message).toBe(
        'Cannot query field "verifyInterpretersAuditChain" on type "Query".',
      );
    }
  });

  it('refuses a malformed bearer token with 401 and no data', async () => {
    const response = await federation.query('{ services(first: 1) { totalCount } }', {}, { token: 'not.a.jwt' });
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token with 401', async () => {
    const token = await federation.tokenFor('caseworker', { ttlSeconds: 1 });
    await new Promise((r) => setTimeout(r, 2_100));
    const response = await federation.query('{ services(first: 1) { totalCount } }', {}, { token });
    expect(response.status).toBe(401);
  });

  it('answers a bad argument with BAD_USER_INPUT naming the field', async () => {
    const { body } = await federation.query('{ services(first: 1000) { totalCount } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('answers a variable of the wrong type with 400 BAD_USER_INPUT naming the variable, before any subgraph', async () => {
    const response = await federation.query(
      'query Q($only: Boolean!) { services(first: 1) { totalCount @include(if: $only) } }',
      {
        only: 'yes',
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'only' });
    expect(response.body.data).toBeUndefined();
  });

  it('asks which operation to run, with 400 naming operationName, when the document holds several', async () => {
    const document = 'query A { services(first: 1) { totalCount } } query B { services(first: 2) { totalCount } }';
    const unnamed = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document }),
    });
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { errors: { extensions: unknown }[] }).errors[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'operationName',
    });
    const unknown = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, operationName: 'C' }),
    });
    expect(unknown.status).toBe(400);
    const named = await fetch(federation.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: document, operationName: 'B' }),
    });
    expect(named.status).toBe(200);
    expect(named.headers.get('cache-control')).toBe('no-store');
    expect(
      ((await named.json()) as { data: { services: { totalCount: number } } }).data.services.totalCount,
    ).toBeGreaterThan(0);
  });

  it('reports health and readiness', async () => {
    const base = federation.gateway.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/amparo_gateway_requests_total\{role="public",status="200"\} \d+/);
    expect(metrics).toMatch(/amparo_gateway_subgraph_fetch_duration_seconds_count\{subgraph="services"/);
    // Labels carry roles and statuses only: no subject, organisation or operation text.
    expect(metrics).not.toMatch(/audit-probe|services\(first/);
  });
});
