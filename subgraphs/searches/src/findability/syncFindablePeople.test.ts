import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, verifyAuditChain, type TestSubgraph } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import {
  OPEN_SEARCH as OPEN,
  REGISTER_FOUND_PERSON,
  callAs,
  caseworker,
  findabilityJob as job,
  mother,
  ngo,
  shelter,
  type Body,
  type Who,
} from '../testing/searchesTestActors.js';

let sg: TestSubgraph;
const gql = (who: Who, query: string, variables?: Record<string, unknown>) => callAs(sg, who, query, variables);

const SYNC = `mutation ($people: [FindablePersonInput!]!) {
  syncFindablePeople(people: $people) { added updated removed unchanged } }`;
const REVIEW = `mutation ($id: ID!) { reviewMatch(candidateId: $id, decision: CONFIRM) { id } }`;
const STAFF_VIEW = `query ($id: ID!) { searchRequest(id: $id) { status candidates { id reviewStatus
  foundPerson { sourceKind vitalStatus givenNames familyNames { firstSurname secondSurname } foundPlace foundCountry } } } }`;
const FAMILY_VIEW = `query ($id: ID!) { searchRequest(id: $id) { id status outcome { kind sharedContact } candidates { id } }
  all: searchRequests { totalCount edges { node { id status } } } }`;

async function sync(people: unknown[]): Promise<Body> {
  return (await sg.request(job, SYNC, { people }, { system: 'findability-sync' })).body as Body;
}

const SYNC_PAGE = `mutation ($people: [FindablePersonInput!]!, $round: FindabilitySyncRound) {
  syncFindablePeople(people: $people, round: $round) { added updated removed unchanged } }`;

/** One page of a round: the list is the union of the round's pages, and only the last one removes. */
async function syncPage(people: unknown[], round: { id: string; last: boolean }): Promise<Body> {
  return (await sg.request(job, SYNC_PAGE, { people, round }, { system: 'findability-sync' })).body as Body;
}

const caseId = '0b7e3c1a-2d4f-4a6b-8c9d-1e2f3a4b5c6d';
const juana = {
  caseId,
  organizationId: shelter,
  givenName: 'Juana',
  familyName: 'Tzoc Xiquín',
  sex: 'FEMALE',
  estimatedAge: 27,
  nationality: 'GT',
  languages: ['quc', 'spa'],
  countryOfAssistance: 'MX',
};
const search = {
  handlingOrganizationId: ngo,
  // A typical variant: the family spells the K'iche' surnames differently.
  givenNames: 'Juana',
  firstSurname: 'Tzok',
  secondSurname: 'Shiquin',
  sex: 'FEMALE',
  ageRange: { min: 24, max: 28 },
  nationality: 'GT',
  lastContact: { date: '2024-03-01', country: 'MX' },
  circumstances: 'LOST_CONTACT',
  requester: { relationship: 'PARENT' },
};

interface StaffView {
  searchRequest: {
    status: string;
    candidates: {
      id: string;
      reviewStatus: string;
      foundPerson: { sourceKind: string; foundPlace: string | null; familyNames: { firstSurname: string } } | null;
    }[];
  };
}

async function staffView(id: string): Promise<StaffView['searchRequest']> {
  const body = await gql(caseworker, STAFF_VIEW, { id });
  expect(body.errors).toBeUndefined();
  return (body.data as unknown as StaffView).searchRequest;
}

const caseRecords = () =>
  sg.db.query<{ id: string; withdrawn: boolean; name_key: string }>(
    `SELECT id, withdrawn_at IS NOT NULL AS withdrawn, name_key FROM found_person_records WHERE case_id = $1`,
    [caseId],
  );

let searchId: string;

beforeAll(async () => {
  sg = await startTestSubgraph(searchesSubgraph);
  const opened = await gql(mother, OPEN, { input: search });
  expect(opened.errors).toBeUndefined();
  searchId = (opened.data!.openSearchRequest as { id: string }).id;
});
afterAll(() => sg?.close());

describe('syncFindablePeople', () => {
  it('registers a person who consented to be found and matches her against open searches', async () => {
    expect(await sync([juana])).toEqual({
      data: { syncFindablePeople: { added: 1, updated: 0, removed: 0, unchanged: 0 } },
    });
    const view = await staffView(searchId);
    expect(view.status).toBe('POTENTIAL_MATCH');
    expect(view.candidates[0]?.foundPerson).toMatchObject({
      sourceKind: 'CASE_ASSISTANCE',
      vitalStatus: 'ALIVE',
      familyNames: { firstSurname: 'Tzoc', secondSurname: 'Xiquín' },
      // Where she is assisted is never more precise than the country.
      foundPlace: null,
      foundCountry: 'MX',
    });
    const [row] = await sg.db.query<{ source_organization_id: string; languages: string[] }>(
      'SELECT source_organization_id, languages FROM found_person_records WHERE case_id = $1',
      [caseId],
    );
    expect(row).toEqual({ source_organization_id: shelter, languages: ['quc', 'spa'] });
  });

  it('is idempotent: the same list again changes nothing and writes no WRITE audit event', async () => {
    const writes = `SELECT count(*)::int AS n FROM audit_events WHERE action = 'WRITE'`;
    const events = await sg.db.query(writes);
    const candidates = await sg.db.query('SELECT id, score FROM match_candidates ORDER BY id');
    expect(await sync([juana])).toEqual({
      data: { syncFindablePeople: { added: 0, updated: 0, removed: 0, unchanged: 1 } },
    });
    expect(await caseRecords()).toHaveLength(1);
    expect(await sg.db.query('SELECT id, score FROM match_candidates ORDER BY id')).toEqual(candidates);
    expect(await sg.db.query(writes)).toEqual(events);
  });

  it('updates a changed person in place and matches her afresh', async () => {
    const [before] = await caseRecords();
    expect(await sync([{ ...juana, estimatedAge: 26 }])).toEqual({
      data: { syncFindablePeople: { added: 0, updated: 1, removed: 0, unchanged: 0 } },
    });
    const [after] = await caseRecords();
    expect(after?.id).toBe(before?.id);
    expect((await staffView(searchId)).candidates).toHaveLength(1);
  });

  it('removes a person no longer in the list with her pending candidates; the search reads as before', async () => {
    expect(await sync([])).toEqual({
      data: { syncFindablePeople: { added: 0, updated: 0, removed: 1, unchanged: 0 } },
    });
    expect(await caseRecords()).toEqual([]);
    const view = await staffView(searchId);
    expect(view).toEqual({ status: 'OPEN', candidates: [] });
    const family = await gql(mother, FAMILY_VIEW, { id: searchId });
    expect(family.data!.searchRequest).toEqual({ id: searchId, status: 'OPEN', outcome: null, candidates: [] });
  });

  it('keeps a reviewed match in the consent flow when she stops being findable, and matches her with no new search', async () => {
    await sync([juana]);
    const [candidate] = (await staffView(searchId)).candidates;
    expect((await gql(caseworker, REVIEW, { id: candidate!.id })).errors).toBeUndefined();
    const familyBefore = await gql(mother, FAMILY_VIEW, { id: searchId });

    expect(await sync([])).toEqual({
      data: { syncFindablePeople: { added: 0, updated: 0, removed: 1, unchanged: 0 } },
    });
    expect(await caseRecords()).toEqual([expect.objectContaining({ withdrawn: true, name_key: '' })]);
    // The record is kept for the review's sake only: nothing of her stays in it, and nobody reads it.
    const [kept] = await sg.db.query<Record<string, unknown>>(
      `SELECT given_names, first_surname, second_surname, sex, estimated_age_min, estimated_age_max, nationality,
              found_country, languages FROM found_person_records WHERE case_id = $1`,
      [juana.caseId],
    );
    expect(kept).toEqual({
      given_names: null,
      first_surname: null,
      second_surname: null,
      sex: 'UNKNOWN',
      estimated_age_min: null,
      estimated_age_max: null,
      nationality: null,
      found_country: null,
      languages: [],
    });
    const view = await staffView(searchId);
    expect(view.candidates.map((c) => c.reviewStatus)).toEqual(['CONFIRMED']);
    expect(view.candidates.map((c) => c.foundPerson)).toEqual([null]);
    // The family still learns nothing until she herself consents.
    expect(await gql(mother, FAMILY_VIEW, { id: searchId })).toEqual(familyBefore);
    expect(JSON.stringify(familyBefore)).not.toMatch(/Tzoc|MX|CASE_ASSISTANCE/);

    const again = await gql(caseworker, OPEN, { input: search });
    const againId = (again.data!.openSearchRequest as { id: string }).id;
    expect((await staffView(againId)).candidates).toEqual([]);

    // Consenting again makes her findable again, under the same record.
    expect(await sync([juana])).toEqual({
      data: { syncFindablePeople: { added: 0, updated: 1, removed: 0, unchanged: 0 } },
    });
    expect((await staffView(againId)).candidates).toHaveLength(1);
    expect((await verifyAuditChain(sg.db)).valid).toBe(true);
  });

  it('takes a long list in the pages of one round, and removes only at its last page', async () => {
    const rosa = { ...juana, caseId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a', givenName: 'Rosa', familyName: 'Ixcoy' };
    const first = { id: '11111111-2222-4333-8444-555555555555', last: false };
    expect((await syncPage([juana], first)).errors).toBeUndefined();
    expect((await syncPage([rosa], { ...first, last: true })).data).toEqual({
      syncFindablePeople: {
        added: expect.any(Number),
        updated: expect.any(Number),
        removed: 0,
        unchanged: expect.any(Number),
      },
    });
    const listed = async () =>
      (
        await sg.db.query<{ case_id: string }>(
          'SELECT case_id FROM found_person_records WHERE case_id IS NOT NULL AND withdrawn_at IS NULL ORDER BY case_id',
        )
      ).map((r) => r.case_id);
    expect(await listed()).toEqual([juana.caseId, rosa.caseId].sort());

    // A page that does not list Juana removes nobody; the last page, which does not list her either, removes her.
    const second = { id: '66666666-7777-4888-8999-aaaaaaaaaaaa', last: false };
    expect((await syncPage([rosa], second)).data).toMatchObject({ syncFindablePeople: { removed: 0 } });
    expect(await listed()).toEqual([juana.caseId, rosa.caseId].sort());
    expect((await syncPage([], { ...second, last: true })).data).toMatchObject({ syncFindablePeople: { removed: 1 } });
    expect(await listed()).toEqual([rosa.caseId]);
    // The round leaves nothing behind.
    expect(await sg.db.query('SELECT 1 FROM findability_sync_rounds')).toEqual([]);

    const bad = await syncPage([juana], { id: 'round-1', last: true });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'round.id' });
    expect(await sync([])).toMatchObject({ data: { syncFindablePeople: { removed: 1 } } });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await sg.db.query('SELECT count(*)::int AS n FROM found_person_records');
    const other = { ...juana, caseId: '9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', givenName: 'Rosa' };
    const bad = await sync([other, { ...juana, countryOfAssistance: 'mx' }]);
    expect(bad.data ?? null).toBeNull();
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'people.1.countryOfAssistance',
    });
    expect(JSON.stringify(bad)).not.toContain('Juana');
    const twice = await sync([juana, juana]);
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'people.1.caseId' });
    const age = await sync([{ ...juana, estimatedAge: 130 }]);
    expect(age.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'people.0.estimatedAge' });
    expect(await sg.db.query('SELECT count(*)::int AS n FROM found_person_records')).toEqual(before);
  });

  it('is refused to every client role, and CASE_ASSISTANCE records cannot be registered by hand', async () => {
    for (const who of [caseworker, mother, principalFor('admin'), principalFor('consular', ngo)]) {
      const body = await gql(who, SYNC, { people: [] });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const registered = await gql(principalFor('caseworker', shelter, 'cw-shelter', 'SHELTER'), REGISTER_FOUND_PERSON, {
      input: { sourceKind: 'CASE_ASSISTANCE', vitalStatus: 'ALIVE', givenNames: 'Juana' },
    });
    expect(registered.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceKind' });
  });
});
