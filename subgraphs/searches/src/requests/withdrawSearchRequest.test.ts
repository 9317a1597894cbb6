import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import {
  OPEN_SEARCH as OPEN,
  REGISTER_FOUND_PERSON as REGISTER,
  callAs,
  caseworker,
  consulate,
  mother,
  ngo,
  otherCaseworker,
  otherNgo,
  shelterWorker,
  stranger,
  type Who,
} from '../testing/searchesTestActors.js';

let sg: TestSubgraph;
const gql = (who: Who, query: string, variables?: Record<string, unknown>) => callAs(sg, who, query, variables);

const WITHDRAW = `mutation ($id: ID!) { withdrawSearchRequest(id: $id) { id status } }`;

const missingPerson = {
  handlingOrganizationId: ngo,
  givenNames: 'Candelaria',
  firstSurname: 'Batz',
  secondSurname: 'Sicajá',
  sex: 'FEMALE',
  ageRange: { min: 30, max: 34 },
  nationality: 'GT',
  lastContact: { date: '2024-02-01', country: 'MX', latitude: 14.9, longitude: -92.26 },
  circumstances: 'LOST_CONTACT',
  requester: { relationship: 'SIBLING' },
};
const foundRecord = {
  sourceKind: 'SHELTER',
  vitalStatus: 'ALIVE',
  givenNames: 'Candelaria',
  firstSurname: 'Bats',
  secondSurname: 'Sicaja',
  sex: 'FEMALE',
  estimatedAge: { min: 30, max: 36 },
  nationality: 'GT',
  foundCountry: 'MX',
  foundLatitude: 14.9,
  foundLongitude: -92.26,
  foundDate: '2024-04-01',
};

async function open(who: Who, input: Record<string, unknown> = missingPerson): Promise<string> {
  const body = await gql(who, OPEN, { input });
  expect(body.errors).toBeUndefined();
  return (body.data!.openSearchRequest as { id: string }).id;
}

async function candidatesOf(searchId: string) {
  return sg.db.query<{ review_status: string; found_person_record_id: string | null; other: string | null }>(
    `SELECT review_status, found_person_record_id, other_search_request_id AS other FROM match_candidates
      WHERE search_request_id = $1 OR other_search_request_id = $1`,
    [searchId],
  );
}

beforeAll(async () => {
  sg = await startTestSubgraph(searchesSubgraph);
});
afterAll(() => sg?.close());

describe('withdrawing a search', () => {
  it('lets the family member who opened it withdraw it, closing its pending candidates in one audited write', async () => {
    const id = await open(mother);
    const duplicate = await open(principalFor('family', otherNgo, 'fam-aunt'), {
      ...missingPerson,
      handlingOrganizationId: null,
    });
    expect((await gql(shelterWorker, REGISTER, { input: foundRecord })).errors).toBeUndefined();
    const pending = await candidatesOf(id);
    expect(pending.some((c) => c.found_person_record_id !== null)).toBe(true);
    expect(pending.some((c) => c.other === duplicate || c.other === id)).toBe(true);

    const withdrawn = await gql(mother, WITHDRAW, { id });
    expect(withdrawn).toEqual({ data: { withdrawSearchRequest: { id, status: 'WITHDRAWN' } } });
    expect(await candidatesOf(id)).toEqual([]);
    const [row] = await sg.db.query<{ status: string; family_status: string; withdrawn: boolean }>(
      'SELECT status, family_status, withdrawn_at IS NOT NULL AS withdrawn FROM search_requests WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ status: 'WITHDRAWN', family_status: 'WITHDRAWN', withdrawn: true });
    // The duplicate lost its only candidate (this search) but still has the found record's.
    const [other] = await sg.db.query<{ status: string }>('SELECT status FROM search_requests WHERE id = $1', [
      duplicate,
    ]);
    expect(other?.status).toBe('POTENTIAL_MATCH');
    const events = await sg.db.query<{ principal_sub: string; fields: string[]; purpose: string }>(
      `SELECT principal_sub, fields, purpose FROM audit_events WHERE action = 'WRITE' AND $1 = ANY(record_ids)
        ORDER BY seq`,
      [id],
    );
    expect(events.at(-1)).toEqual({
      principal_sub: 'fam-mother',
      fields: ['status'],
      purpose: 'withdraw search request',
    });
  });

  it('takes a withdrawn search out of matching: no new found record and no new search pairs with it', async () => {
    const id = await open(mother, { ...missingPerson, givenNames: 'Petrona', firstSurname: 'Ixcoy' });
    expect((await gql(mother, WITHDRAW, { id })).errors).toBeUndefined();
    const registered = await gql(shelterWorker, REGISTER, {
      input: { ...foundRecord, givenNames: 'Petrona', firstSurname: 'Ixcoi', secondSurname: 'Sicaja' },
    });
    expect(registered.errors).toBeUndefined();
    const again = await open(caseworker, { ...missingPerson, givenNames: 'Petrona', firstSurname: 'Ixcoy' });
    expect(await candidatesOf(id)).toEqual([]);
    // The control: the same data do match a search that is still open.
    const found = await candidatesOf(again);
    expect(found.some((c) => c.found_person_record_id !== null)).toBe(true);
  });

  it('lets staff of the handling organisation withdraw on the family’s behalf', async () => {
    const id = await open(mother, { ...missingPerson, givenNames: 'Tomasa' });
    const body = await gql(caseworker, WITHDRAW, { id });
    expect(body).toEqual({ data: { withdrawSearchRequest: { id, status: 'WITHDRAWN' } } });
  });

  it('refuses to withdraw twice or to withdraw an ended search, naming `id`, and changes nothing', async () => {
    const id = await open(mother, { ...missingPerson, givenNames: 'Micaela' });
    await gql(mother, WITHDRAW, { id });
    const twice = await gql(mother, WITHDRAW, { id });
    expect(twice.data ?? null).toBeNull();
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(twice.errors?.[0]?.message).toMatch(/already withdrawn/);

    const ended = await open(caseworker, { ...missingPerson, givenNames: 'Eulalia' });
    await sg.db.query(`UPDATE search_requests SET status = 'CLOSED_NO_RESULT' WHERE id = $1`, [ended]);
    const writes = `SELECT count(*)::int AS n FROM audit_events WHERE action = 'WRITE'`;
    const before = await sg.db.query(writes);
    const closed = await gql(caseworker, WITHDRAW, { id: ended });
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(closed.errors?.[0]?.message).toMatch(/already ended/);
    const [row] = await sg.db.query<{ status: string }>('SELECT status FROM search_requests WHERE id = $1', [ended]);
    expect(row?.status).toBe('CLOSED_NO_RESULT');
    expect(await sg.db.query(writes)).toEqual(before);
  });

  it('judges the family on the status she sees, so a confirmed match she was not told of is not revealed', async () => {
    const id = await open(mother, { ...missingPerson, givenNames: 'Dominga' });
    // A caseworker confirmed a match; the found person has not consented yet.
    await sg.db.query(`UPDATE search_requests SET status = 'LOCATED_ALIVE' WHERE id = $1`, [id]);
    const body = await gql(mother, WITHDRAW, { id });
    expect(body).toEqual({ data: { withdrawSearchRequest: { id, status: 'WITHDRAWN' } } });
  });

  it('answers anyone who may not withdraw it exactly like a search that does not exist', async () => {
    const id = await open(mother, { ...missingPerson, givenNames: 'Natividad' });
    const status = `SELECT status, family_status, withdrawn_at FROM search_requests WHERE id = $1`;
    const before = await sg.db.query(status, [id]);
    const missing = await gql(mother, WITHDRAW, { id: '6a0b9d2e-3c4f-4e51-9a7b-1c2d3e4f5a6b' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(missing.data ?? null).toBeNull();
    await sg.db.query(`INSERT INTO partner_organizations (organization_id, country) VALUES ($1, 'MX')`, [consulate]);
    for (const who of [
      stranger,
      otherCaseworker,
      // A partner consulate sees the search but does not handle it.
      principalFor('consular', consulate, 'consul', 'CONSULATE'),
    ]) {
      expect(await gql(who, WITHDRAW, { id })).toEqual(missing);
    }
    expect(await gql(mother, WITHDRAW, { id: 'not-an-id' })).toEqual(missing);
    const enforcement = await gql(principalFor('enforcement', ngo), WITHDRAW, { id });
    expect(enforcement.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sg.db.query(status, [id])).toEqual(before);
    expect(before).toEqual([expect.objectContaining({ family_status: 'OPEN', withdrawn_at: null })]);
  });

  it('frees a place under the cap on active searches of a family without a vetting organisation', async () => {
    const sister = principalFor('family', null, 'fam-sister');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await open(sister, { ...missingPerson, givenNames: `Ana ${i}` }));
    const fourth = await gql(sister, OPEN, { input: missingPerson });
    expect(fourth.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    await gql(sister, WITHDRAW, { id: ids[0] });
    expect((await gql(sister, OPEN, { input: missingPerson })).errors).toBeUndefined();
  });
});
