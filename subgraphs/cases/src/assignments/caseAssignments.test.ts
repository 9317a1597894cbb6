import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, type TestSubgraph, principalFor } from '@amparo/kit';
import { casesSubgraph } from '../definition.js';
import {
  callAs,
  orgA,
  orgB,
  consulate,
  caseworkerA,
  colleagueA,
  caseworkerB,
  consul,
} from '../testing/casesTestActors.js';

let sg: TestSubgraph;

const call = <T>(principal: Parameters<typeof callAs>[1], query: string, variables = {}) =>
  callAs<T>(sg, principal, query, variables);

const ASSIGN = `mutation ($caseId: ID!, $cw: ID!) {
  assignCaseworker(caseId: $caseId, caseworker: $cw) { id assignedCaseworkers } }`;
const UNASSIGN = `mutation ($caseId: ID!, $cw: ID!) {
  unassignCaseworker(caseId: $caseId, caseworker: $cw) { id assignedCaseworkers } }`;
const CASE = 'query ($id: ID!) { case(id: $id) { id sharedSections assignedCaseworkers } }';
const MINE = `query ($mine: Boolean) { cases(assignedToMe: $mine, first: 50) { totalCount edges { node { id } } } }`;

interface Assigned {
  id: string;
  assignedCaseworkers: string[];
}
interface CaseList {
  cases: { totalCount: number; edges: { node: { id: string } }[] };
}

async function openCase(principal = caseworkerA) {
  const body = await call<{ openCase: Assigned }>(
    principal,
    'mutation ($input: OpenCaseInput!) { openCase(input: $input) { id assignedCaseworkers } }',
    { input: { countryOfAssistance: 'HN', phase: 'ORIGIN', givenName: 'Dilcia', birthDate: '1988-08-08' } },
  );
  return body.data!.openCase;
}
const assign = (caseId: string, cw: string, principal = caseworkerA) =>
  call<{ assignCaseworker: Assigned }>(principal, ASSIGN, { caseId, cw });
const unassign = (caseId: string, cw: string, principal = caseworkerA) =>
  call<{ unassignCaseworker: Assigned }>(principal, UNASSIGN, { caseId, cw });
const writes = async (caseId: string) =>
  (
    await sg.db.query<{ fields: string[] }>(
      `SELECT fields FROM audit_events WHERE $1 = ANY(record_ids) AND record_type = 'CaseAssignment' ORDER BY seq`,
      [caseId],
    )
  ).map((e) => e.fields[0]);

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph);
});
afterAll(() => sg?.close());

describe('assigned caseworkers', () => {
  it('start with the caseworker who opened the case', async () => {
    const opened = await openCase();
    expect(opened.assignedCaseworkers).toEqual(['cw-a']);
    const [row] = await sg.db.query('SELECT caseworker, assigned_by FROM case_assignments WHERE case_id = $1', [
      opened.id,
    ]);
    expect(row).toEqual({ caseworker: 'cw-a', assigned_by: 'cw-a' });
  });

  it('are assigned and unassigned idempotently; the last one may go', async () => {
    const { id } = await openCase();
    expect((await assign(id, 'cw-a2')).data!.assignCaseworker.assignedCaseworkers).toEqual(['cw-a', 'cw-a2']);
    const again = await assign(id, 'cw-a2');
    expect(again.errors).toBeUndefined();
    expect(again.data!.assignCaseworker.assignedCaseworkers).toEqual(['cw-a', 'cw-a2']);
    const [count] = await sg.db.query<{ n: number }>('SELECT count(*) AS n FROM case_assignments WHERE case_id = $1', [
      id,
    ]);
    expect(count!.n).toBe(2);

    expect((await unassign(id, 'cw-a')).data!.unassignCaseworker.assignedCaseworkers).toEqual(['cw-a2']);
    expect((await unassign(id, 'cw-a2', colleagueA)).data!.unassignCaseworker.assignedCaseworkers).toEqual([]);
    const noop = await unassign(id, 'cw-a2');
    expect(noop).toEqual({ data: { unassignCaseworker: { id, assignedCaseworkers: [] } } });
    // Only changes are writes: the repeated assignment and the repeated removal left no event.
    expect(await writes(id)).toEqual(['assignCaseworker', 'unassignCaseworker', 'unassignCaseworker']);
  });

  it('answer one request with the list as changed, even when it read the list before', async () => {
    const { id } = await openCase();
    const body = await call<{ a: Assigned; b: Assigned }>(
      caseworkerA,
      `mutation ($id: ID!) { a: assignCaseworker(caseId: $id, caseworker: "cw-z") { id assignedCaseworkers }
         b: unassignCaseworker(caseId: $id, caseworker: "cw-a") { id assignedCaseworkers } }`,
      { id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      a: { id, assignedCaseworkers: ['cw-a', 'cw-z'] },
      b: { id, assignedCaseworkers: ['cw-z'] },
    });
  });

  it('refuse a malformed subject naming the field, and a closed case; unassigning from it stays possible', async () => {
    const { id } = await openCase();
    for (const cw of ['', 'two words', 'x'.repeat(201)]) {
      const body = await assign(id, cw);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseworker' });
    }
    await call(caseworkerA, 'mutation ($id: ID!) { closeCase(id: $id, reason: MOVED_ON) { id } }', { id });
    expect((await assign(id, 'cw-a2')).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'caseId',
    });
    expect((await unassign(id, 'cw-a')).data!.unassignCaseworker.assignedCaseworkers).toEqual([]);
  });

  it("answer another organisation's case exactly like a missing one, changing nothing", async () => {
    const { id } = await openCase();
    const foreign = await assign(id, 'cw-b', caseworkerB);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign).toEqual(await assign(randomUUID(), 'cw-b', caseworkerB));
    const foreignRemoval = await unassign(id, 'cw-a', caseworkerB);
    expect(foreignRemoval).toEqual(await unassign(randomUUID(), 'cw-a', caseworkerB));
    expect((await call<{ case: Assigned }>(caseworkerA, CASE, { id })).data!.case.assignedCaseworkers).toEqual([
      'cw-a',
    ]);
  });

  it('leave nothing half-written when the audit append fails', async () => {
    const { id } = await openCase();
    await sg.db.exec(`CREATE FUNCTION fail_writes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'WRITE' THEN RAISE EXCEPTION 'audit unavailable'; END IF; RETURN NEW; END; $$;
      CREATE TRIGGER fail_writes BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_writes();`);
    try {
      expect((await assign(id, 'cw-a2')).errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await sg.db.exec('DROP TRIGGER fail_writes ON audit_events; DROP FUNCTION fail_writes();');
    }
    expect((await call<{ case: Assigned }>(caseworkerA, CASE, { id })).data!.case.assignedCaseworkers).toEqual([
      'cw-a',
    ]);
  });
});

describe('my cases', () => {
  it('cases(assignedToMe: true) lists only the cases the caller is assigned to', async () => {
    const colleagueCase = await openCase(colleagueA);
    const shared = await openCase();
    await assign(shared.id, 'cw-a2');
    const mine = await call<CaseList>(colleagueA, MINE, { mine: true });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.cases.edges.map((e) => e.node.id).sort()).toEqual([colleagueCase.id, shared.id].sort());
    expect(mine.data!.cases.totalCount).toBe(2);
    const all = await call<CaseList>(colleagueA, MINE, { mine: false });
    expect(all.data!.cases.totalCount).toBeGreaterThan(2);
    // Another organisation's caseworker with the same subject would still see only her own organisation's cases.
    const elsewhere = await call<CaseList>(principalFor('caseworker', orgB, 'cw-a2'), MINE, { mine: true });
    expect(elsewhere.data!.cases.totalCount).toBe(0);
  });
});

describe('who sees assigned caseworkers', () => {
  it('another organisation holding a consent: an empty list', async () => {
    const { id } = await openCase();
    await call(caseworkerA, 'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        caseId: id,
        organizationId: orgB,
        sections: ['IDENTITY', 'FAMILY'],
        purpose: 'legal aid',
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        givenHow: 'SIGNED',
      },
    });
    const body = await call<{ case: Assigned & { sharedSections: string[] } }>(caseworkerB, CASE, { id });
    expect(body.data!.case).toEqual({ id, sharedSections: ['FAMILY', 'IDENTITY'], assignedCaseworkers: [] });
    expect(JSON.stringify(body)).not.toContain('cw-a');
  });

  it('consulates (even with a consent), interpreters, auditors and enforcement: never; nor may they assign', async () => {
    const { id } = await openCase();
    await call(caseworkerA, 'mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id } }', {
      input: {
        caseId: id,
        organizationId: consulate,
        sections: ['IDENTITY'],
        purpose: 'consular assistance',
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
        givenHow: 'SIGNED',
      },
    });
    for (const principal of [
      consul,
      principalFor('interpreter', orgA, 'int'),
      principalFor('auditor', null, 'dpo'),
      principalFor('enforcement', null, 'enf'),
      principalFor('caseworker', orgA, 'cw-x', 'IMMIGRATION_ENFORCEMENT'),
    ]) {
      const read = await call(principal, CASE, { id });
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(read)).not.toContain('cw-a');
      expect((await assign(id, 'cw-x', principal)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const mine = await call(principal, MINE, { mine: true });
      expect(mine.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
