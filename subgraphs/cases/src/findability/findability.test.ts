import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor, principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { casesSubgraph } from '../definition.js';
import { callAs, orgA, orgB, consulate, caseworkerA, caseworkerB, inAYear } from '../testing/casesTestActors.js';

let sg: TestSubgraph;
const job = principalFor('admin', null, 'amparo-gateway:findability-sync');
const STATEMENT = 'Salió de Huehuetenango; la buscan.';

const call = <T>(principal: Parameters<typeof callAs>[1], query: string, variables = {}) =>
  callAs<T>(sg, principal, query, variables);

const OPEN = `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`;
const CONSENT = `mutation ($input: RecordConsentInput!) { recordConsent(input: $input) { id active sections organization { id } } }`;
const REVOKE = `mutation ($id: ID!) { revokeConsent(id: $id) { id active } }`;
const ERASE = 'mutation ($id: ID!) { eraseCase(id: $id) { id } }';
const FINDABLE = `query ($first: Int, $after: String) { casesFindablePeople(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { caseId organizationId givenName familyName sex birthDate estimatedAge nationality languages
    countryOfAssistance } } } }`;

interface Findable {
  casesFindablePeople: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { caseId: string; givenName: string | null } }[];
  };
}

async function openCase(extra: Record<string, unknown> = {}) {
  const body = await call<{ openCase: { id: string } }>(caseworkerA, OPEN, {
    input: {
      countryOfAssistance: 'MX',
      phase: 'TRANSIT',
      givenName: 'Juana',
      familyName: 'Tzoc Xiquín',
      sex: 'FEMALE',
      birthDate: '1997-05-05',
      nationality: 'GT',
      languages: ['quc'],
      intakeStatement: STATEMENT,
      migrationStatus: 'IRREGULAR',
      ...extra,
    },
  });
  expect(body.errors).toBeUndefined();
  return body.data!.openCase.id;
}

const toBeFound = (caseId: string, extra: Record<string, unknown> = {}) => ({
  input: {
    caseId,
    organizationId: orgA,
    sections: ['TO_BE_FOUND'],
    purpose: 'family searches may find her',
    validUntil: inAYear(),
    givenHow: 'SIGNED',
    ...extra,
  },
});

async function findable(first = 100, after: string | null = null) {
  return (await sg.request<Findable>(job, FINDABLE, { first, after }, { system: 'findability-sync' })).body;
}
const ids = async () => (await findable()).data!.casesFindablePeople.edges.map((e) => e.node.caseId);

let findableCase: string;
let consentId: string;
let notConsented: string;

beforeAll(async () => {
  sg = await startTestSubgraph(casesSubgraph);
  findableCase = await openCase();
  notConsented = await openCase({ givenName: 'Rosa' });
});
afterAll(() => sg?.close());

describe('the TO_BE_FOUND consent', () => {
  it('is recorded alone, for her own organisation, and shares her case with no one', async () => {
    const body = await call<{ recordConsent: { id: string; active: boolean; organization: { id: string } } }>(
      caseworkerA,
      CONSENT,
      toBeFound(findableCase),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.recordConsent).toMatchObject({ active: true, organization: { id: orgA } });
    consentId = body.data!.recordConsent.id;
    const shared = await call(caseworkerB, 'query ($id: ID!) { case(id: $id) { id } }', { id: findableCase });
    expect(shared).toEqual({ data: { case: null } });
  });

  it('refuses it mixed with sharing sections, or for another organisation, naming the field', async () => {
    const before = await sg.db.query('SELECT count(*)::int AS n FROM consents');
    const mixed = await call(caseworkerA, CONSENT, toBeFound(notConsented, { sections: ['TO_BE_FOUND', 'IDENTITY'] }));
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sections' });
    const other = await call(caseworkerA, CONSENT, toBeFound(notConsented, { organizationId: orgB }));
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organizationId' });
    // While she is presumed a minor only a guardian's consent counts, as for any consent.
    const girl = await openCase({ birthDate: null, estimatedAge: 16 });
    const minor = await call(caseworkerA, CONSENT, toBeFound(girl));
    expect(minor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.givenHow' });
    // Another organisation's case answers like a missing one.
    const foreign = await call(caseworkerB, CONSENT, {
      input: { ...toBeFound(findableCase).input, organizationId: orgB },
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await sg.db.query('SELECT count(*)::int AS n FROM consents')).toEqual(before);
  });
});

describe('casesFindablePeople', () => {
  it('lists exactly the cases with an active TO_BE_FOUND consent, with who she is and nothing more', async () => {
    const body = await findable();
    expect(body.errors).toBeUndefined();
    expect(body.data!.casesFindablePeople.totalCount).toBe(1);
    expect(body.data!.casesFindablePeople.edges.map((e) => e.node)).toEqual([
      {
        caseId: findableCase,
        organizationId: orgA,
        givenName: 'Juana',
        familyName: 'Tzoc Xiquín',
        sex: 'FEMALE',
        birthDate: '1997-05-05',
        estimatedAge: null,
        nationality: 'GT',
        languages: ['quc'],
        countryOfAssistance: 'MX',
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Huehuetenango|IRREGULAR/);
  });

  it('records the read in the audit trail, naming the cases', async () => {
    await findable();
    const [event] = await sg.db.query<{ record_type: string; record_ids: string[]; principal_sub: string }>(
      `SELECT record_type, record_ids, principal_sub FROM audit_events
        WHERE action = 'READ' AND record_type = 'FindablePerson' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({
      record_type: 'FindablePerson',
      record_ids: [findableCase],
      principal_sub: 'amparo-gateway:findability-sync',
    });
  });

  it('pages by case id, and refuses a forged cursor', async () => {
    const second = await openCase({ givenName: 'Candelaria' });
    expect((await call(caseworkerA, CONSENT, toBeFound(second))).errors).toBeUndefined();
    const first = await findable(1);
    const page = first.data!.casesFindablePeople;
    expect(page.totalCount).toBe(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = (await findable(1, page.pageInfo.endCursor)).data!.casesFindablePeople;
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect([...page.edges, ...next.edges].map((e) => e.node.caseId).sort()).toEqual([findableCase, second].sort());
    const forged = await findable(1, encodeCursor(["1' OR '1'='1"]));
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await call(caseworkerA, ERASE, { id: second })).errors).toBeUndefined();
    expect(await ids()).toEqual([findableCase]);
  });

  it('drops her as soon as the consent is revoked or expired', async () => {
    expect((await call(caseworkerA, REVOKE, { id: consentId })).errors).toBeUndefined();
    expect(await ids()).toEqual([]);
    const again = await call<{ recordConsent: { id: string } }>(caseworkerA, CONSENT, toBeFound(findableCase));
    expect(await ids()).toEqual([findableCase]);
    await sg.db.query(`UPDATE consents SET valid_until = now() - interval '1 second' WHERE id = $1`, [
      again.data!.recordConsent.id,
    ]);
    expect(await ids()).toEqual([]);
  });

  it('is out of reach of every client role, the firewall refusing enforcement first', async () => {
    for (const who of [
      caseworkerA,
      principalFor('admin'),
      principalFor('consular', consulate),
      principalFor('enforcement', orgA),
    ]) {
      const body = await call(who, FINDABLE, { first: 10 });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
