import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalFor, startTestSubgraph, verifyAuditChain, type TestSubgraph } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';
import {
  REGISTER_FOUND_PERSON as REGISTER,
  callAs,
  caseworker,
  consul,
  consulate,
  forensicWorker,
  hospital,
  mother,
  ngo,
  otherCaseworker,
  otherNgo,
  shelter,
  shelterWorker,
  type Body,
  type Who,
} from '../testing/searchesTestActors.js';

let sg: TestSubgraph;
const gql = (who: Who, query: string, variables?: Record<string, unknown>) => callAs(sg, who, query, variables);

const OPEN = `mutation ($input: OpenSearchRequestInput!) { openSearchRequest(input: $input) { id status } }`;
const REVIEW = `mutation ($id: ID!, $d: ReviewDecision!) { reviewMatch(candidateId: $id, decision: $d) { id reviewStatus } }`;
const CONSENT = `mutation ($id: ID!, $c: FoundPersonConsentChoice!, $contact: String) {
  recordFoundPersonConsent(matchId: $id, choice: $c, contact: $contact) { id consentChoice } }`;
const COMMUNICATED = `mutation ($id: ID!) { markDeathCommunicated(matchId: $id) { id deathCommunicated } }`;
const FAMILY_VIEW = `query ($id: ID!) {
  searchRequest(id: $id) { id status outcome { kind sharedContact } candidates { id }
    missingPerson { givenNames } lastContact { place date } }
  open: searchRequests(status: OPEN) { totalCount }
  alive: searchRequests(status: LOCATED_ALIVE) { totalCount }
  potential: searchRequests(status: POTENTIAL_MATCH) { totalCount }
  all: searchRequests { totalCount edges { node { id status } } }
}`;
const CANDIDATES = `query ($id: ID!) { searchRequest(id: $id) { status candidates(first: 5) {
  id score reviewStatus explanation { feature detail contribution }
  foundPerson { givenNames familyNames { firstSurname secondSurname } vitalStatus foundPlace }
  matchedSearch { id } } } }`;

const juana = {
  handlingOrganizationId: ngo,
  givenNames: 'Juana',
  firstSurname: 'Tzoc',
  secondSurname: 'Xiquín',
  sex: 'FEMALE',
  ageRange: { min: 24, max: 28 },
  nationality: 'GT',
  languages: ['quc', 'spa'],
  lastContact: { date: '2024-03-01', place: 'Ciudad Hidalgo', country: 'MX', latitude: 14.68, longitude: -92.15 },
  circumstances: 'LOST_CONTACT',
  requester: { relationship: 'PARENT', contact: '+502 555 0101' },
};

const FOUND_PLACE = 'Albergue Jtatik Samuel, Tapachula';
const juanaFound = {
  sourceKind: 'SHELTER',
  vitalStatus: 'ALIVE',
  givenNames: 'Juana',
  firstSurname: 'Tzok',
  secondSurname: 'Shiquin',
  sex: 'FEMALE',
  estimatedAge: { min: 25, max: 30 },
  nationality: 'GT',
  foundPlace: FOUND_PLACE,
  foundCountry: 'MX',
  foundLatitude: 14.9,
  foundLongitude: -92.26,
  foundDate: '2024-05-10',
};

let juanaSearch: string;
let juanaCandidate: string;

beforeAll(async () => {
  sg = await startTestSubgraph(searchesSubgraph);
});
afterAll(() => sg?.close());

describe('opening searches and registering found people', () => {
  it('lets a family member open her own search and finds the record a shelter registers later', async () => {
    const opened = await gql(mother, OPEN, { input: juana });
    expect(opened.errors).toBeUndefined();
    juanaSearch = (opened.data!.openSearchRequest as { id: string }).id;
    const [row] = await sg.db.query<{ requester_sub: string; handling_organization_id: string }>(
      'SELECT requester_sub, handling_organization_id FROM search_requests WHERE id = $1',
      [juanaSearch],
    );
    expect(row).toEqual({ requester_sub: 'fam-mother', handling_organization_id: ngo });

    const registered = await gql(shelterWorker, REGISTER, { input: juanaFound });
    expect(registered.errors).toBeUndefined();
    expect(Object.keys(registered.data!.registerFoundPerson as object)).toEqual(['recordId']);

    const view = await gql(caseworker, CANDIDATES, { id: juanaSearch });
    expect(view.errors).toBeUndefined();
    const search = view.data!.searchRequest as {
      status: string;
      candidates: {
        id: string;
        score: number;
        explanation: { feature: string; detail: string; contribution: number }[];
        foundPerson: { familyNames: { firstSurname: string } } | null;
      }[];
    };
    expect(search.status).toBe('POTENTIAL_MATCH');
    const [top] = search.candidates;
    expect(top?.foundPerson?.familyNames.firstSurname).toBe('Tzok');
    expect(top!.explanation.map((f) => f.feature)).toEqual(
      expect.arrayContaining(['GIVEN_NAME', 'SURNAMES', 'SEX', 'AGE', 'TIME']),
    );
    expect(top!.explanation.find((f) => f.feature === 'SURNAMES')?.detail).toMatch(/sounds like/);
    expect(top!.score).toBeCloseTo(
      top!.explanation.reduce((s, f) => s + f.contribution, 0),
      1,
    );
    juanaCandidate = top!.id;
  });

  it('shows candidates only to the handling organisation, never to the family or another organisation', async () => {
    const family = await gql(mother, CANDIDATES.replace(' foundPlace }', ' }'), { id: juanaSearch });
    expect((family.data!.searchRequest as { candidates: unknown[] }).candidates).toEqual([]);
    const other = await gql(otherCaseworker, CANDIDATES, { id: juanaSearch });
    expect(other.data).toEqual({ searchRequest: null });
  });

  it('matches two searches for the same person against each other, in both directions', async () => {
    const aunt = principalFor('family', otherNgo, 'fam-aunt');
    const opened = await gql(aunt, OPEN, {
      input: { ...juana, givenNames: 'Juanita', requester: { relationship: 'OTHER_RELATIVE' } },
    });
    expect(opened.errors).toBeUndefined();
    const auntSearch = (opened.data!.openSearchRequest as { id: string }).id;
    const pairs = await sg.db.query<{ search_request_id: string; other_search_request_id: string }>(
      'SELECT search_request_id, other_search_request_id FROM match_candidates WHERE other_search_request_id IS NOT NULL',
    );
    expect(pairs).toEqual(
      expect.arrayContaining([
        { search_request_id: auntSearch, other_search_request_id: juanaSearch },
        { search_request_id: juanaSearch, other_search_request_id: auntSearch },
      ]),
    );
    // The aunt's organisation sees the pairing but not the other organisation's search.
    const view = await gql(principalFor('caseworker', otherNgo, 'cw-other', 'NGO'), CANDIDATES, { id: auntSearch });
    const candidates = (view.data!.searchRequest as { candidates: { matchedSearch: unknown; foundPerson: unknown }[] })
      .candidates;
    expect(candidates.some((c) => c.foundPerson === null && c.matchedSearch === null)).toBe(true);
  });

  it('matches two relatives searching for each other through the requester’s own name', async () => {
    const daughter = principalFor('family', ngo, 'fam-daughter');
    const mom = principalFor('family', otherNgo, 'fam-mom');
    const base = { ...juana, handlingOrganizationId: null, ageRange: null, lastContact: null };
    const first = await gql(daughter, OPEN, {
      input: {
        ...base,
        givenNames: 'Marta',
        firstSurname: 'Ajpop',
        secondSurname: 'Tum',
        requester: { relationship: 'CHILD', givenNames: 'Lucía', firstSurname: 'Cux', secondSurname: 'Ajpop' },
      },
    });
    const second = await gql(mom, OPEN, {
      input: {
        ...base,
        givenNames: 'Lucia',
        firstSurname: 'Cux',
        secondSurname: 'Ahpop',
        requester: { relationship: 'PARENT', givenNames: 'Marta', firstSurname: 'Ajpop', secondSurname: 'Tum' },
      },
    });
    const ids = [first, second].map((b) => (b.data!.openSearchRequest as { id: string }).id);
    const rows = await sg.db.query<{ search_request_id: string; explanation: { detail: string }[] }>(
      'SELECT search_request_id, explanation FROM match_candidates WHERE other_search_request_id = ANY($1::uuid[])',
      [ids],
    );
    expect(rows.map((r) => r.search_request_id).sort()).toEqual([...ids].sort());
    expect(JSON.stringify(rows[0]!.explanation)).toMatch(/their requester is this missing person/);
    // The requester's name serves matching only: no field returns it.
    const own = await gql(
      daughter,
      `query ($id: ID!) { searchRequest(id: $id) { requester { relationship contact } } }`,
      {
        id: ids[0],
      },
    );
    expect(JSON.stringify(own)).not.toContain('Cux');
  });

  it('refuses registration to families, to enforcement and to organisations of another kind', async () => {
    const before = await sg.db.query<{ n: number }>('SELECT count(*)::int AS n FROM found_person_records');
    for (const who of [
      mother,
      principalFor('enforcement', ngo),
      principalFor('caseworker', hospital, 'cw-hospital', 'HEALTH_PROVIDER'),
      principalFor('caseworker', ngo, 'cw-enf', 'IMMIGRATION_ENFORCEMENT'),
    ]) {
      const body = await gql(who, REGISTER, { input: juanaFound });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const bad = await gql(shelterWorker, REGISTER, { input: { ...juanaFound, nationality: 'gt' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nationality' });
    const after = await sg.db.query<{ n: number }>('SELECT count(*)::int AS n FROM found_person_records');
    expect(after).toEqual(before);
  });
});

describe('review and the found person’s consent', () => {
  let baseline: Body;

  it('answers a family member or another organisation reviewing exactly like a candidate that does not exist', async () => {
    const missing = await gql(caseworker, REVIEW, { id: '3f1c2b7a-9d4e-4c1a-8b2f-6e5d4c3b2a19', d: 'CONFIRM' });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    for (const who of [mother, otherCaseworker]) {
      const body = await gql(who, REVIEW, { id: juanaCandidate, d: 'CONFIRM' });
      expect(body).toEqual(missing);
    }
  });

  it('tells the family nothing when a match is confirmed, until she consents', async () => {
    baseline = await gql(mother, FAMILY_VIEW, { id: juanaSearch });
    expect(baseline.errors).toBeUndefined();
    expect(baseline.data!.searchRequest).toMatchObject({ status: 'OPEN', outcome: null, candidates: [] });

    const confirmed = await gql(caseworker, REVIEW, { id: juanaCandidate, d: 'CONFIRM' });
    expect(confirmed.data).toEqual({ reviewMatch: { id: juanaCandidate, reviewStatus: 'CONFIRMED' } });
    const staff = await gql(caseworker, CANDIDATES, { id: juanaSearch });
    expect((staff.data!.searchRequest as { status: string }).status).toBe('LOCATED_ALIVE');

    // Value, filters, counts: all as before the match.
    expect(await gql(mother, FAMILY_VIEW, { id: juanaSearch })).toEqual(baseline);
  });

  it('keeps the search unchanged for the family when she chooses SHARE_NOTHING', async () => {
    const noContact = await gql(caseworker, CONSENT, { id: juanaCandidate, c: 'SHARE_NOTHING', contact: 'x' });
    expect(noContact.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contact' });
    const nothing = await gql(caseworker, CONSENT, { id: juanaCandidate, c: 'SHARE_NOTHING' });
    expect(nothing.errors).toBeUndefined();
    expect(await gql(mother, FAMILY_VIEW, { id: juanaSearch })).toEqual(baseline);
    // Nor does the cap on open searches count it differently (it would tell her something changed).
    const [row] = await sg.db.query<{ family_status: string }>(
      'SELECT family_status FROM search_requests WHERE id = $1',
      [juanaSearch],
    );
    expect(row?.family_status).toBe('OPEN');
  });

  it('tells the family "located, does not wish to share contact" and never where she is', async () => {
    await gql(caseworker, CONSENT, { id: juanaCandidate, c: 'SHARE_LOCATED_ONLY' });
    const view = await gql(mother, FAMILY_VIEW, { id: juanaSearch });
    expect(view.data!.searchRequest).toMatchObject({
      status: 'LOCATED_ALIVE',
      outcome: { kind: 'LOCATED_DOES_NOT_SHARE_CONTACT', sharedContact: null },
      candidates: [],
    });
    expect(view.data!.alive).toEqual({ totalCount: 1 });
    const text = JSON.stringify(view);
    for (const secret of [FOUND_PLACE, 'Tapachula', '2024-05-10', 'Tzok', 'Shiquin'])
      expect(text).not.toContain(secret);
  });

  it('passes on only the contact she chose to give', async () => {
    const missing = await gql(caseworker, CONSENT, { id: juanaCandidate, c: 'SHARE_CONTACT' });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contact' });
    await gql(caseworker, CONSENT, { id: juanaCandidate, c: 'SHARE_CONTACT', contact: 'juana.t@example.org' });
    const view = await gql(mother, FAMILY_VIEW, { id: juanaSearch });
    expect(view.data!.searchRequest).toMatchObject({
      outcome: { kind: 'LOCATED_SHARES_CONTACT', sharedContact: 'juana.t@example.org' },
    });
    expect(JSON.stringify(view)).not.toContain(FOUND_PLACE);
  });

  it('shows a death to the family only once the organisation has communicated it, never the forensic record', async () => {
    const opened = await gql(mother, OPEN, {
      input: {
        ...juana,
        givenNames: 'Rosa María',
        firstSurname: 'Pérez',
        secondSurname: 'López',
        ageRange: { min: 40, max: 45 },
      },
    });
    const rosaSearch = (opened.data!.openSearchRequest as { id: string }).id;
    const registered = await gql(forensicWorker, REGISTER, {
      input: {
        ...juanaFound,
        sourceKind: 'FORENSIC_SERVICE',
        vitalStatus: 'DECEASED',
        givenNames: 'Rosa',
        firstSurname: 'Lopes',
        secondSurname: 'Peres',
        estimatedAge: { min: 40, max: 50 },
        foundPlace: 'Servicio Médico Forense, Tapachula',
      },
    });
    expect(registered.errors).toBeUndefined();
    const staff = await gql(caseworker, CANDIDATES, { id: rosaSearch });
    const [top] = (staff.data!.searchRequest as { candidates: { id: string; explanation: { detail: string }[] }[] })
      .candidates;
    expect(top!.explanation.map((f) => f.detail).join(' ')).toMatch(/swapped order/);
    const before = await gql(mother, FAMILY_VIEW, { id: rosaSearch });

    await gql(caseworker, REVIEW, { id: top!.id, d: 'CONFIRM' });
    const consent = await gql(caseworker, CONSENT, { id: top!.id, c: 'SHARE_CONTACT', contact: 'x' });
    expect(consent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'matchId' });
    expect(await gql(mother, FAMILY_VIEW, { id: rosaSearch })).toEqual(before);

    const told = await gql(caseworker, COMMUNICATED, { id: top!.id });
    expect(told.data).toEqual({ markDeathCommunicated: { id: top!.id, deathCommunicated: true } });
    const after = await gql(mother, FAMILY_VIEW, { id: rosaSearch });
    expect(after.data!.searchRequest).toMatchObject({
      status: 'LOCATED_DECEASED',
      outcome: { kind: 'LOCATED_DECEASED', sharedContact: null },
    });
    expect(JSON.stringify(after)).not.toContain('Forense');
  });

  it('records every write in the hash-chained audit trail', async () => {
    const rows = await sg.db.query<{ record_type: string }>(
      `SELECT DISTINCT record_type FROM audit_events WHERE action = 'WRITE' ORDER BY 1`,
    );
    expect(rows.map((r) => r.record_type)).toEqual(['FoundPersonRecord', 'MatchCandidate', 'SearchRequest']);
    expect((await verifyAuditChain(sg.db)).valid).toBe(true);
  });
});

describe('abuse resistance and cross-border handling', () => {
  it('limits a family member without a vetting organisation to 3 active searches', async () => {
    const sister = principalFor('family', null, 'fam-sister');
    for (let i = 0; i < 3; i++) {
      const body = await gql(sister, OPEN, { input: { ...juana, givenNames: `Ana ${i}` } });
      expect(body.errors).toBeUndefined();
    }
    const fourth = await gql(sister, OPEN, { input: juana });
    expect(fourth.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const vetted = principalFor('family', ngo, 'fam-vetted');
    for (let i = 0; i < 4; i++) {
      expect((await gql(vetted, OPEN, { input: { ...juana, handlingOrganizationId: null } })).errors).toBeUndefined();
    }
    const unnamed = await gql(principalFor('family', null, 'fam-new'), OPEN, {
      input: { ...juana, handlingOrganizationId: null },
    });
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.handlingOrganizationId',
    });
  });

  it('shows a search to the consulates partnering on a country it involves, without its candidates', async () => {
    const ONE = `query ($id: ID!) { searchRequest(id: $id) { id candidates { id } } }`;
    expect((await gql(consul, ONE, { id: juanaSearch })).data).toEqual({ searchRequest: null });
    await sg.db.query(`INSERT INTO partner_organizations (organization_id, country) VALUES ($1, 'MX')`, [consulate]);
    expect((await gql(consul, ONE, { id: juanaSearch })).data).toEqual({
      searchRequest: { id: juanaSearch, candidates: [] },
    });
    // A caseworker of the same organisation is not a consular partner.
    expect(
      (await gql(principalFor('caseworker', consulate, 'cw-c', 'CONSULATE'), ONE, { id: juanaSearch })).data,
    ).toEqual({
      searchRequest: null,
    });
  });

  it('records a transfer of responsibility and moves the search to the new organisation', async () => {
    const TRANSFER = `mutation ($id: ID!, $to: ID!) { transferSearch(id: $id, toOrganizationId: $to) }`;
    const ONE = `query ($id: ID!) { searchRequest(id: $id) { id } }`;
    const refused = await gql(otherCaseworker, TRANSFER, { id: juanaSearch, to: shelter });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const moved = await gql(caseworker, TRANSFER, { id: juanaSearch, to: otherNgo });
    expect(moved.data).toEqual({ transferSearch: juanaSearch });
    expect((await gql(caseworker, ONE, { id: juanaSearch })).data).toEqual({ searchRequest: null });
    expect((await gql(otherCaseworker, ONE, { id: juanaSearch })).data).toEqual({ searchRequest: { id: juanaSearch } });
    const transfers = await sg.db.query(
      'SELECT from_organization_id, to_organization_id FROM search_transfers WHERE search_request_id = $1',
      [juanaSearch],
    );
    expect(transfers).toEqual([{ from_organization_id: ngo, to_organization_id: otherNgo }]);
  });
});
