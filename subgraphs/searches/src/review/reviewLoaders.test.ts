import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import {
  OPEN_SEARCH,
  REGISTER_FOUND_PERSON,
  callAs,
  caseworker,
  otherCaseworker,
  otherNgo,
  ngo,
  shelterWorker,
} from '../testing/searchesTestActors.js';
import { CANDIDATES_OF_SEARCHES, FOUND_PERSON_OF_CANDIDATES, createReviewLoaders } from './reviewLoaders.js';

let sg: TestSubgraph;
/** The candidate pairing Rosa's record with each organisation's search for her. */
const candidateOf: Record<string, string> = {};
let recordId: string;

const search = (handlingOrganizationId: string) => ({
  handlingOrganizationId,
  givenNames: 'Rosa',
  firstSurname: 'Ixcoy',
  secondSurname: 'Pérez',
  sex: 'FEMALE',
  ageRange: { min: 30, max: 34 },
  nationality: 'GT',
  circumstances: 'LOST_CONTACT',
  requester: { relationship: 'SIBLING' },
});

beforeAll(async () => {
  sg = await startTestSubgraph(searchesSubgraph);
  const registered = await callAs(sg, shelterWorker, REGISTER_FOUND_PERSON, {
    input: {
      sourceKind: 'SHELTER',
      vitalStatus: 'ALIVE',
      givenNames: 'Rosa',
      firstSurname: 'Ixcoy',
      secondSurname: 'Peres',
      sex: 'FEMALE',
      estimatedAge: { min: 30, max: 35 },
      nationality: 'GT',
      foundCountry: 'MX',
      foundDate: '2024-05-10',
    },
  });
  expect(registered.errors).toBeUndefined();
  recordId = (registered.data!.registerFoundPerson as { recordId: string }).recordId;
  for (const [org, who] of [
    [ngo, caseworker],
    [otherNgo, otherCaseworker],
  ] as const) {
    const opened = await callAs(sg, who, OPEN_SEARCH, { input: search(org) });
    expect(opened.errors).toBeUndefined();
    const searchId = (opened.data!.openSearchRequest as { id: string }).id;
    const [row] = await sg.db.query<{ id: string }>(
      'SELECT id FROM match_candidates WHERE search_request_id = $1 AND found_person_record_id = $2',
      [searchId, recordId],
    );
    candidateOf[org] = row!.id;
  }
});
afterAll(() => sg?.close());

describe('the found person of a candidate', () => {
  it('is read through the candidate, for the organisation handling its search', async () => {
    const record = await createReviewLoaders(sg.db, caseworker).foundPerson.load(candidateOf[ngo]!);
    expect(record?.record).toMatchObject({ id: recordId, givenNames: 'Rosa', familyNames: { firstSurname: 'Ixcoy' } });
  });

  it("is not read through another organisation's candidate, even when the record is also the caller's candidate", async () => {
    // The same record is a candidate of both organisations' searches: each reads it only through its own.
    const loaders = createReviewLoaders(sg.db, otherCaseworker);
    const [foreign, own] = await Promise.all([
      loaders.foundPerson.load(candidateOf[ngo]!),
      loaders.foundPerson.load(candidateOf[otherNgo]!),
    ]);
    expect(foreign).toBeNull();
    expect(own?.record.id).toBe(recordId);
  });

  it('is not read by someone of no organisation, nor by an id that is no candidate', async () => {
    const orgless = createReviewLoaders(sg.db, principalFor('caseworker', null, 'cw-none'));
    expect(await orgless.foundPerson.load(candidateOf[ngo]!)).toBeNull();
    // A found record's own id is not a candidate id: the loader no longer takes record ids.
    expect(await createReviewLoaders(sg.db, caseworker).foundPerson.load(recordId)).toBeNull();
  });
});

/** The generic plan of a prepared review read, as every pooled connection keeps it after a few runs. */
async function genericPlan(sql: string, keys: string[], org: string): Promise<string> {
  return sg.db.transaction(async (tx) => {
    await tx.exec(`PREPARE review_read(uuid[], uuid) AS ${sql}`);
    await tx.exec('SET LOCAL plan_cache_mode = force_generic_plan');
    const rows = await tx.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN EXECUTE review_read('{${keys.join(',')}}', '${org}')`,
    );
    await tx.exec('DEALLOCATE review_read');
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('the review reads', () => {
  it('reach the searches only by primary key, never from all of an organisation’s searches', async () => {
    const [{ search_request_id: searchId } = { search_request_id: '' }] = await sg.db.query<{
      search_request_id: string;
    }>('SELECT search_request_id FROM match_candidates WHERE id = $1', [candidateOf[ngo]]);
    const plans = [
      await genericPlan(CANDIDATES_OF_SEARCHES, [searchId], ngo),
      await genericPlan(FOUND_PERSON_OF_CANDIDATES, [candidateOf[ngo]!], ngo),
    ];
    for (const plan of plans) {
      const searchAccess = plan.split('\n').filter((line) => /\bon search_requests\b/.test(line));
      expect(searchAccess.length).toBeGreaterThan(0);
      for (const line of searchAccess) expect(line).toMatch(/Index (Only )?Scan using search_requests_pkey/);
    }
  });
});
