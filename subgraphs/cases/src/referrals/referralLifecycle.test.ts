import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_ORGANIZATIONS,
  DEMO_PROVIDER_ORGANIZATIONS,
  demoServiceId,
  principalFor,
  startTestSubgraph,
  type TestSubgraph,
} from '@amparo/kit';
import { casesSubgraph } from '../definition.js';

let sg: TestSubgraph;
const orgA = DEMO_PROVIDER_ORGANIZATIONS[0]!.id;
const orgB = DEMO_PROVIDER_ORGANIZATIONS[1]!.id;
const orgC = DEMO_PROVIDER_ORGANIZATIONS[2]!.id;
const consulate = DEMO_ORGANIZATIONS.find((o) => o.kind === 'CONSULATE')!.id;
const caseworkerA = principalFor('caseworker', orgA, 'cw-a');
const caseworkerB = principalFor('caseworker', orgB, 'cw-b');
const caseworkerC = principalFor('caseworker', orgC, 'cw-c');
const consul = principalFor('consular', consulate, 'consul');
const auditor = principalFor('auditor', null, 'dpo');
const service = demoServiceId(7);
const STATEMENT = 'Cruzó por Tecún Umán; su pareja la amenazó.';
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

type Res<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const call = async <T>(principal: ReturnType<typeof principalFor>, query: string, variables = {}) =>
  (await sg.request<T>(principal, query, variables)).body as Res<T>;

const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const CONSENT = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id active sections } }`;
const REVOKE = `mutation ($id: ID!) { revokeConsent(id: $id) { id active revokedAt } }`;
const REFER = `mutation ($input: ReferCaseInput!) { referCase(input: $input) { id status intakeStatementShared } }`;
const RESPOND = `mutation ($id: ID!, $accept: Boolean!) { respondToReferral(id: $id, accept: $accept) { id status } }`;
const COMPLETE = `mutation ($id: ID!) { completeReferral(id: $id) { id status } }`;
const CASE = `query ($id: ID!) { case(id: $id) { id givenName preferredName intakeStatement presumedMinor sex
  sharedSections referrals { id status } consents { organization { id } } } }`;

interface SeenCase {
  id: string;
  givenName: string | null;
  intakeStatement: string | null;
  sharedSections: string[] | null;
  referrals: { id: string; status: string }[];
  consents: { organization: { id: string } }[];
}

async function openCase(extra: Record<string, unknown> = {}) {
  const body = await call<{ openCase: { id: string } }>(caseworkerA, OPEN, {
    input: {
      countryOfAssistance: 'GT',
      phase: 'TRANSIT',
      givenName: 'Juana',
      preferredName: 'Juani',
      birthDate: '1995-05-05',
      intakeStatement: STATEMENT,
      migrationStatus: 'IRREGULAR',
      vulnerabilities: ['GBV_SURVIVOR'],
      needs: ['SHELTER'],
      ...extra,
    },
  });
  return body.data!.openCase.id;
}
async function consent(caseId: string, organizationId: string, sections: string[], givenHow = 'SIGNED') {
  return call<{ recordConsent: { id: string; active: boolean } }>(caseworkerA, CONSENT, {
    input: { caseId, organizationId, sections, purpose: 'shelter placement', validUntil: inAYear(), givenHow },
  });
}
const seen = async (principal: ReturnType<typeof principalFor>, id: string) =>
  call<{ case: SeenCase | null }>(principal, CASE, { id });

let caseId: string;
let consentToB: string;
let referralId: string;

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph);
  caseId = await openCase();
  const incident = await call(
    caseworkerA,
    'mutation ($id: ID!, $input: RecordIncidentInput!) { recordIncident(caseId: $id, input: $input) { id } }',
    { id: caseId, input: { violenceType: 'EXTORTION', phase: 'TRANSIT', country: 'MX', occurredTo: '2026-01-15' } },
  );
  expect(incident.errors).toBeUndefined();
});
afterAll(() => sg?.close());

describe('consent and referral across two organisations', () => {
  it('shares nothing before a consent: another organisation gets what a missing case gets', async () => {
    expect(await seen(caseworkerB, caseId)).toEqual(await seen(caseworkerB, randomUUID()));
    expect(await seen(caseworkerB, caseId)).toEqual({ data: { case: null } });
  });

  it('refers only with an active consent to the receiving organisation', async () => {
    const toC = (await consent(caseId, orgC, ['IDENTITY'])).data!.recordConsent.id;
    const wrong = await call(caseworkerA, REFER, {
      input: { caseId, serviceId: service, receivingOrganizationId: orgB, consentId: toC },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.consentId' });
    consentToB = (await consent(caseId, orgB, ['INTAKE_STATEMENT'])).data!.recordConsent.id;
    const referred = await call<{ referCase: { id: string; status: string; intakeStatementShared: boolean } }>(
      caseworkerA,
      REFER,
      { input: { caseId, serviceId: service, receivingOrganizationId: orgB, consentId: consentToB } },
    );
    expect(referred.data!.referCase).toMatchObject({ status: 'PENDING', intakeStatementShared: true });
    referralId = referred.data!.referCase.id;
  });

  it('shows the receiving organisation exactly the consented sections, the intake statement included', async () => {
    const body = await seen(caseworkerB, caseId);
    expect(body.errors).toBeUndefined();
    expect(body.data!.case).toMatchObject({
      id: caseId,
      givenName: null,
      preferredName: null,
      intakeStatement: STATEMENT,
      presumedMinor: false,
      sharedSections: ['INTAKE_STATEMENT'],
      referrals: [{ id: referralId, status: 'PENDING' }],
      consents: [{ organization: { id: orgB } }],
    });
    const status = await call<{ case: { migrationStatus: string | null } }>(
      caseworkerB,
      'query ($id: ID!) { case(id: $id) { migrationStatus } }',
      { id: caseId },
    );
    expect(status.data!.case.migrationStatus).toBeNull();
    const needs = await call<{ case: { needs: string[]; vulnerabilities: string[] } }>(
      caseworkerB,
      'query ($id: ID!) { case(id: $id) { needs vulnerabilities } }',
      { id: caseId },
    );
    expect(needs.data!.case).toEqual({ needs: [], vulnerabilities: [] });
    const owner = await call<{ case: { needs: string[]; vulnerabilities: string[] } }>(
      caseworkerA,
      'query ($id: ID!) { case(id: $id) { needs vulnerabilities } }',
      { id: caseId },
    );
    expect(owner.data!.case).toEqual({ needs: ['SHELTER'], vulnerabilities: ['GBV_SURVIVOR'] });
    const INCIDENTS = 'query ($id: ID!) { case(id: $id) { incidents { violenceType phase country } } }';
    expect((await call(caseworkerA, INCIDENTS, { id: caseId })).data).toEqual({
      case: { incidents: [{ violenceType: 'EXTORTION', phase: 'TRANSIT', country: 'MX' }] },
    });
    expect((await call(caseworkerB, INCIDENTS, { id: caseId })).data).toEqual({ case: { incidents: [] } });
    // Organisation C holds an IDENTITY consent but no referral: it sees names, not the statement, nor B's referral.
    const c = await seen(caseworkerC, caseId);
    expect(c.data!.case).toMatchObject({ givenName: 'Juana', intakeStatement: null, referrals: [] });
  });

  it('moves PENDING → ACCEPTED → COMPLETED by the receiving organisation only', async () => {
    const byOwner = await call(caseworkerA, RESPOND, { id: referralId, accept: true });
    expect(byOwner.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(byOwner).toEqual(await call(caseworkerA, RESPOND, { id: randomUUID(), accept: true }));
    const early = await call(caseworkerB, COMPLETE, { id: referralId });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const received = await call<{ receivedReferrals: { id: string }[] }>(
      caseworkerB,
      '{ receivedReferrals(status: PENDING) { id } }',
    );
    expect(received.data!.receivedReferrals.map((r) => r.id)).toEqual([referralId]);
    expect(
      (await call<{ respondToReferral: { status: string } }>(caseworkerB, RESPOND, { id: referralId, accept: true }))
        .data!.respondToReferral.status,
    ).toBe('ACCEPTED');
    expect(
      (await call<{ completeReferral: { status: string } }>(caseworkerB, COMPLETE, { id: referralId })).data!
        .completeReferral.status,
    ).toBe('COMPLETED');
    const again = await call(caseworkerB, RESPOND, { id: referralId, accept: false });
    expect(again.errors?.[0]?.message).toMatch(/invalid transition/);
  });

  it('counts the re-interview avoided, and tells the owner that the service accepted', async () => {
    const outcomes = await call<{ referralOutcomes: Record<string, number> }>(
      caseworkerB,
      '{ referralOutcomes(direction: RECEIVED) { pending accepted completed reinterviewsAvoided } }',
    );
    expect(outcomes.data!.referralOutcomes).toEqual({ pending: 0, accepted: 0, completed: 1, reinterviewsAvoided: 1 });
    const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Service { id viewerHasAcceptedReferral } } }`;
    const r = [
      { __typename: 'Service', id: service },
      { __typename: 'Service', id: demoServiceId(8) },
    ];
    const own = await call<{ _entities: { viewerHasAcceptedReferral: boolean }[] }>(caseworkerA, ENTITIES, { r });
    expect(own.data!._entities.map((e) => e.viewerHasAcceptedReferral)).toEqual([true, false]);
    const other = await call<{ _entities: { viewerHasAcceptedReferral: boolean }[] }>(caseworkerC, ENTITIES, { r });
    expect(other.data!._entities.map((e) => e.viewerHasAcceptedReferral)).toEqual([false, false]);
  });

  it('ends access on the request after revocation, and after expiry', async () => {
    expect((await seen(caseworkerB, caseId)).data!.case).not.toBeNull();
    const revoked = await call<{ revokeConsent: { active: boolean } }>(caseworkerA, REVOKE, { id: consentToB });
    expect(revoked.data!.revokeConsent.active).toBe(false);
    expect(await seen(caseworkerB, caseId)).toEqual({ data: { case: null } });
    const viaReferral = await call<{ receivedReferrals: { case: { id: string } | null }[] }>(
      caseworkerB,
      '{ receivedReferrals { case { id intakeStatement } } }',
    );
    expect(viaReferral.data!.receivedReferrals).toEqual([{ case: null }]);
    const twice = await call(caseworkerA, REVOKE, { id: consentToB });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    expect((await seen(caseworkerC, caseId)).data!.case).not.toBeNull();
    await sg.db.query(`UPDATE consents SET valid_until = now() - interval '1 second' WHERE organization_id = $1`, [
      orgC,
    ]);
    expect(await seen(caseworkerC, caseId)).toEqual({ data: { case: null } });
  });

  it('lets a consulate see cases shared with it by consent, never the migration status', async () => {
    const other = await openCase({ givenName: 'Ixchel' });
    await consent(other, consulate, ['IDENTITY', 'MIGRATION_STATUS']);
    const list = await call<{
      sharedCases: { totalCount: number; edges: { node: { id: string; givenName: string } }[] };
    }>(consul, '{ sharedCases { totalCount edges { node { id givenName } } } }');
    expect(list.data!.sharedCases).toEqual({ totalCount: 1, edges: [{ node: { id: other, givenName: 'Ixchel' } }] });
    const status = await call<{ case: { migrationStatus: string | null } | null }>(
      consul,
      'query ($id: ID!) { case(id: $id) { migrationStatus } }',
      { id: other },
    );
    expect(status.data?.case?.migrationStatus ?? null).toBeNull();
    expect(JSON.stringify(status)).not.toContain('IRREGULAR');
    expect(status.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await seen(consul, caseId)).toEqual({ data: { case: null } });
  });

  it('asks a guardian for the consent of a girl presumed a minor', async () => {
    const girl = await openCase({ birthDate: null, estimatedAge: 16 });
    const signed = await consent(girl, orgB, ['IDENTITY'], 'SIGNED');
    expect(signed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenHow' });
    const guardian = await consent(girl, orgB, ['IDENTITY'], 'GUARDIAN_FOR_MINOR');
    expect(guardian.data!.recordConsent.active).toBe(true);
  });

  it('refuses bad consent input naming the field', async () => {
    const base = {
      caseId,
      organizationId: orgB,
      sections: ['IDENTITY'],
      purpose: 'x',
      validUntil: inAYear(),
      givenHow: 'SIGNED',
    };
    for (const [change, field] of [
      [{ validUntil: '2020-01-01T00:00:00Z' }, 'input.validUntil'],
      [{ validUntil: 'tomorrow' }, 'input.validUntil'],
      [{ sections: [] }, 'input.sections'],
      [{ purpose: 'p'.repeat(501) }, 'input.purpose'],
      [{ organizationId: orgA }, 'input.organizationId'],
    ] as const) {
      const body = await call(caseworkerA, CONSENT, { input: { ...base, ...change } });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const foreign = await call(caseworkerB, CONSENT, { input: { ...base, organizationId: orgC } });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('gives interpreters, auditors and enforcement no case at all', async () => {
    for (const principal of [
      principalFor('interpreter', orgB),
      auditor,
      principalFor('enforcement', orgB),
      principalFor('caseworker', orgB, 'x', 'IMMIGRATION_ENFORCEMENT'),
    ]) {
      const body = await seen(principal, caseId);
      expect(body.data?.case ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('audit trail for the auditor', () => {
  const TRAIL = `query ($id: ID!) { caseAuditTrail(caseId: $id, first: 100) { totalCount
    edges { node { seq principal role organizationId action recordType fields occurredAt } } } }`;
  const VERIFY = '{ verifyCaseAuditChain { valid checked firstInvalidSeq } }';

  it('tells who did what to the case, with no case content', async () => {
    const body = await call<{ caseAuditTrail: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(
      auditor,
      TRAIL,
      { id: caseId },
    );
    expect(body.errors).toBeUndefined();
    const nodes = body.data!.caseAuditTrail.edges.map((e) => e.node);
    expect(nodes.length).toBe(body.data!.caseAuditTrail.totalCount);
    expect(nodes).toContainEqual(
      expect.objectContaining({
        principal: 'cw-a',
        role: 'caseworker',
        organizationId: orgA,
        action: 'WRITE',
        recordType: 'Case',
      }),
    );
    expect(nodes).toContainEqual(expect.objectContaining({ principal: 'cw-b', action: 'READ', recordType: 'Case' }));
    expect(JSON.stringify(body)).not.toContain('Juana');
    expect(JSON.stringify(body)).not.toContain('Tecún');
    const caseworker = await call(caseworkerA, TRAIL, { id: caseId });
    expect(caseworker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('verifies the chain, and detects a row altered behind its back', async () => {
    const before = await call<{ verifyCaseAuditChain: { valid: boolean; checked: number } }>(auditor, VERIFY);
    expect(before.data!.verifyCaseAuditChain).toMatchObject({ valid: true, firstInvalidSeq: null });
    expect(before.data!.verifyCaseAuditChain.checked).toBeGreaterThan(5);
    const [victim] = await sg.db.query<{ seq: number }>(
      `SELECT seq FROM audit_events WHERE action = 'WRITE' ORDER BY seq LIMIT 1 OFFSET 2`,
    );
    // Only someone with direct database access can do this: the table's triggers refuse it otherwise.
    await sg.db.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update');
    await sg.db.query(`UPDATE audit_events SET principal_sub = 'someone-else' WHERE seq = $1`, [victim!.seq]);
    await sg.db.exec('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update');
    const after = await call<{ verifyCaseAuditChain: { valid: boolean; firstInvalidSeq: string } }>(auditor, VERIFY);
    expect(after.data!.verifyCaseAuditChain).toMatchObject({ valid: false, firstInvalidSeq: String(victim!.seq) });
  });
});
